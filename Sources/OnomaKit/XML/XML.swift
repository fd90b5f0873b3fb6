import CLibXML2

/// Onoma's thin layer over libxml2: parsing with the hostile-input policy, error collection and
/// a DOM for editing. Nothing here prints; failures are thrown as `XML.ParseError`.
public enum XML {
    /// The XML namespace (`xml:lang`).
    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Installs the process-wide parts of the hostile-input policy exactly once: libxml2 is
    /// initialised and every external entity or DTD load is refused (no file, no network).
    static let policyInstalled: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    /// Frees memory libxml2 allocated for the caller (`xmlFree`, read once: it is a C global).
    static func free(_ p: UnsafeMutablePointer<xmlChar>) {
        var function: xmlFreeFunc?
        xmlMemGet(&function, nil, nil, nil)
        function?(p)
    }
}
