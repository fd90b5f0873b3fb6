import CLibXML2

/// Onoma's door to libxml2: a hardened streaming (SAX2) parser, XML Schema validation, and the
/// capture of libxml2's errors as values.
///
/// Everything libxml2-specific stays in this folder. Each C handle has one owning `final class`
/// that frees it in `deinit` (``XML/Parser``, ``XML/Schema``, ``XML/SchemaValidator``); errors
/// are collected by ``XML/ErrorCollector``, never printed.
///
/// ## Hostile input policy
/// Dictionaries are user data and may be hostile. Every parse in this folder:
/// - passes only `XML_PARSE_NONET` (never NOENT, DTDLOAD, DTDATTR, DTDVALID, HUGE, RECOVER,
///   XINCLUDE), so entity references are never expanded and nothing is fetched;
/// - refuses any document with a DOCTYPE (which is where entities are declared), stopping the
///   parser at the `<!DOCTYPE` itself, before any declaration is read;
/// - runs under a process-wide deny-all external entity loader (``XML/installSecurityPolicy()``);
/// - limits element nesting (``XML/Limits``) and the text of one element;
/// - accepts UTF-8 only (a UTF-8 byte-order mark is allowed); invalid UTF-8 is a fatal error
///   with its line.
public enum XML {
    /// The `xml` namespace, bound to the `xml:` prefix (`xml:lang`).
    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// The libxml2 version Onoma runs with ("20914").
    public static var libraryVersion: String {
        installSecurityPolicy()
        guard let version = __xmlParserVersion()?.pointee else { return "unknown" }
        return String(cString: version)
    }

    /// Installs the process-wide parts of the hostile-input policy, once: initializes libxml2,
    /// replaces its external entity loader with one that refuses everything, and silences its
    /// generic error channel (so libxml2 never writes to standard error).
    ///
    /// Every entry point in this folder calls it; code that parses XML with libxml2 elsewhere
    /// (a DOM for editing, say) must call it first too. Safe to call from any thread, any number
    /// of times.
    public static func installSecurityPolicy() {
        _ = policyInstalled
    }

    /// Runs once (Swift initializes globals lazily and thread-safely).
    private static let policyInstalled: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader(denyAllEntityLoader)
        onoma_xml_silence_generic_errors()
        xmlThrDefSetStructuredErrorFunc(nil, silentStructuredError)
        return true
    }()

    /// Makes libxml2's thread-local error channels silent on the calling thread. libxml2 keeps
    /// them per thread, so each operation calls this (cheap) before and after its work.
    static func silenceCurrentThread() {
        installSecurityPolicy()
        onoma_xml_silence_generic_errors()
        xmlSetStructuredErrorFunc(nil, silentStructuredError)
    }
}

/// The external entity loader installed process-wide: every external resource (DTD, entity,
/// schema import) is refused. libxml2 then reports "failed to load external entity".
private func denyAllEntityLoader(_ url: UnsafePointer<CChar>?, _ id: UnsafePointer<CChar>?, _ ctxt: xmlParserCtxtPtr?) -> xmlParserInputPtr? {
    nil
}

/// A structured error handler that drops the error (installed when no collector listens).
private func silentStructuredError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {}
