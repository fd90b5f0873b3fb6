import CLibXML2

extension XML {
    /// Collects libxml2's structured errors for one parse as `Diagnostic`s. Installed on a parser
    /// context (`sax->serror`), so nothing is printed to standard error and two parses on two
    /// threads do not share state.
    final class ErrorCollector {
        let file: String
        private(set) var diagnostics: [Diagnostic] = []
        /// Set when a policy callback (DOCTYPE refusal) stopped the parser.
        var policyViolation: Diagnostic?

        init(file: String) { self.file = file }

        /// Any error or fatal error (warnings do not count), or a policy violation.
        var hasErrors: Bool { policyViolation != nil || diagnostics.contains { $0.severity == .error } }

        /// The diagnostics to report: the policy violation first if there is one (libxml2's own
        /// "parser stopped" error that follows it is noise).
        var report: [Diagnostic] {
            if let policyViolation { return [policyViolation] }
            return diagnostics
        }

        func record(_ error: UnsafePointer<xmlError>) {
            let e = error.pointee
            let severity: Diagnostic.Severity = e.level == XML_ERR_WARNING ? .warning : .error
            var message = e.message.map { String(cString: $0) } ?? "XML error \(e.code)"
            while message.last?.isNewline == true || message.last == " " { message.removeLast() }
            let code: String
            switch Int(e.code) {
            case Int(XML_WAR_UNDECLARED_ENTITY.rawValue), Int(XML_ERR_UNDECLARED_ENTITY.rawValue):
                code = "xml-entity"
                message += "; Onoma never loads DTDs or expands entities: write the character itself or a character reference"
            case Int(XML_ERR_INVALID_CHAR.rawValue), Int(XML_ERR_INVALID_ENCODING.rawValue):
                code = "xml-encoding"
            default:
                code = "xml-syntax"
            }
            diagnostics.append(Diagnostic(file: file, line: max(1, Int(e.line)), column: max(1, Int(e.int2)),
                                          severity: severity, code: code, message: message))
        }

        /// The C callback for `xmlParserCtxt.sax.serror`: `userData` is the parser context, whose
        /// `_private` holds the collector.
        static let structuredHandler: xmlStructuredErrorFunc = { userData, error in
            guard let error, let ctxt = userData?.assumingMemoryBound(to: xmlParserCtxt.self),
                  let box = ctxt.pointee._private else { return }
            Unmanaged<ParseState>.fromOpaque(box).takeUnretainedValue().errors.record(error)
        }
    }

    /// What a parse callback needs: the collector and the DOCTYPE policy.
    final class ParseState {
        let errors: ErrorCollector
        let doctype: DoctypePolicy
        init(errors: ErrorCollector, doctype: DoctypePolicy) {
            self.errors = errors
            self.doctype = doctype
        }
    }

    /// What to do with a `<!DOCTYPE>` declaration.
    public enum DoctypePolicy: Sendable {
        /// Refuse any DOCTYPE (glossaries).
        case refuse
        /// Accept `<!DOCTYPE root PUBLIC|SYSTEM "...">` without an internal subset, never loading
        /// the DTD (TBX files written by other tools carry one); refuse an internal subset,
        /// where entities could be declared.
        case externalIdentifierOnly
    }
}
