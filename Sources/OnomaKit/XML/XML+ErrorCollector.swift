import CLibXML2

extension XML {
    /// One problem reported by libxml2 (or by Onoma's XML policy), as a value.
    public struct Issue: Sendable, Hashable, CustomStringConvertible {
        /// How serious libxml2 says it is.
        public enum Level: Int, Sendable, Hashable, Comparable {
            /// A warning: parsing continues and the document is still usable.
            case warning = 1
            /// An error (e.g. schema validity): parsing continues.
            case error = 2
            /// A fatal error (not well-formed, refused by the policy): the document is unusable.
            case fatal = 3

            public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
        }

        /// Which part of libxml2 (or Onoma's policy) raised it.
        public enum Origin: Sendable, Hashable {
            /// The parser: well-formedness, encoding, I/O.
            case parser
            /// XML Schema validation of the document.
            case schemaValidity
            /// Compiling the schema itself.
            case schemaCompilation
            /// Onoma's hostile-input policy (DOCTYPE, nesting, encoding, size).
            case policy
        }

        /// The file the problem is in, as the caller named it.
        public var file: String
        /// 1-based line; 0 when unknown.
        public var line: Int
        /// 1-based column in Unicode scalars; 0 when unknown.
        public var column: Int
        public var level: Level
        public var origin: Origin
        /// libxml2's `xmlParserErrors` code (0 for policy issues).
        public var code: Int
        /// The message, without libxml2's trailing newline.
        public var message: String

        /// Creates an issue.
        public init(file: String, line: Int, column: Int, level: Level, origin: Origin, code: Int = 0, message: String) {
            self.file = file
            self.line = line
            self.column = column
            self.level = level
            self.origin = origin
            self.code = code
            self.message = message
        }

        /// `file:line:column: message`.
        public var description: String { "\(file):\(line):\(column): \(message)" }
    }

    /// Collects the errors libxml2 reports through its structured error handlers, without
    /// printing anything.
    ///
    /// Use one collector per document. Hand ``handler`` and ``context`` to any libxml2 API that
    /// takes an `xmlStructuredErrorFunc` and its user data (a parser context's thread-local
    /// channel through ``capturing(_:)``, `xmlSchemaSetValidStructuredErrors`,
    /// `xmlSchemaSetParserStructuredErrors`, a DOM parser...). The collector must outlive the
    /// libxml2 object it is attached to.
    ///
    /// Not thread-safe: libxml2 calls it on the thread doing the parse.
    public final class ErrorCollector {
        /// The file name put on issues whose libxml2 error names none.
        public let file: String
        /// The issues collected so far, in the order they were reported.
        public private(set) var issues: [Issue] = []
        /// At most this many issues are kept; beyond, ``isFull`` is true and the rest dropped
        /// (a hostile file must not make Onoma hoard millions of messages).
        public let capacity: Int
        /// Called for each libxml2 error before it is stored; may rewrite it (e.g. give it an
        /// exact location) or return nil to drop it.
        public var transform: ((Issue) -> Issue?)?

        /// Creates a collector for `file`.
        public init(file: String, capacity: Int = 1000) {
            self.file = file
            self.capacity = capacity
        }

        /// Whether a fatal issue has been collected.
        public private(set) var hasFatal = false

        /// Whether the capacity has been reached.
        public var isFull: Bool { issues.count >= capacity }

        /// Adds an issue (Onoma's own, or one converted from libxml2). Issues after the first
        /// fatal one are dropped: they are consequences of it (libxml2 reports "premature end
        /// of data" and the like once a parse is stopped).
        public func append(_ issue: Issue) {
            guard issues.count < capacity, !hasFatal else { return }
            issues.append(issue)
            if issue.level == .fatal { hasFatal = true }
        }

        /// The C handler to pass to libxml2 with ``context``.
        public var handler: xmlStructuredErrorFunc { collectorHandler }

        /// The user-data pointer to pass to libxml2 with ``handler`` (unretained: keep the
        /// collector alive while libxml2 may call it).
        public var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

        /// Runs `body` with libxml2's thread-local structured error channel pointed at this
        /// collector (libxml2 sends parser errors there when no per-context handler is set),
        /// then silences the channel again.
        public func capturing<T>(_ body: () throws -> T) rethrows -> T {
            XML.silenceCurrentThread()
            xmlSetStructuredErrorFunc(context, handler)
            defer { XML.silenceCurrentThread() }
            return try body()
        }

        fileprivate func receive(_ error: xmlError) {
            let level: Issue.Level
            switch error.level {
            case XML_ERR_FATAL: level = .fatal
            case XML_ERR_ERROR: level = .error
            case XML_ERR_WARNING: level = .warning
            default: return
            }
            let origin: Issue.Origin
            switch Int32(error.domain) {
            case Int32(XML_FROM_SCHEMASV.rawValue): origin = .schemaValidity
            case Int32(XML_FROM_SCHEMASP.rawValue): origin = .schemaCompilation
            default: origin = .parser
            }
            var message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error \(error.code)"
            while message.last?.isWhitespace == true { message.removeLast() }
            let issue = Issue(file: file, line: Int(error.line), column: Int(error.int2), level: level,
                              origin: origin, code: Int(error.code), message: message)
            if let transform {
                if let rewritten = transform(issue) { append(rewritten) }
            } else {
                append(issue)
            }
        }
    }
}

/// The C entry point of ``XML/ErrorCollector``: the user data is the unretained collector.
private func collectorHandler(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    Unmanaged<XML.ErrorCollector>.fromOpaque(context).takeUnretainedValue().receive(error.pointee)
}
