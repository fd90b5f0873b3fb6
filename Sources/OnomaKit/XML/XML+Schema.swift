import CLibXML2
import Foundation

extension XML {
    /// A compiled W3C XML Schema (owns the `xmlSchemaPtr`). Compile once, validate many
    /// documents with a fresh ``XML/SchemaValidator`` each.
    public final class Schema: @unchecked Sendable {
        // @unchecked: a compiled xmlSchema is read-only once parsed; libxml2 allows several
        // validation contexts to share it across threads.
        let handle: xmlSchemaPtr
        /// Where the schema came from, for messages.
        public let name: String

        /// Compiles the schema in `data`. The schema must be self-contained: imports and
        /// includes are refused like every external load.
        /// - Throws: ``XML/SchemaError`` with libxml2's messages when it does not compile.
        public init(data: [UInt8], name: String) throws(SchemaError) {
            XML.installSecurityPolicy()
            self.name = name
            let collector = ErrorCollector(file: name)
            let compiled: xmlSchemaPtr? = collector.capturing {
                data.withUnsafeBufferPointer { bytes -> xmlSchemaPtr? in
                    guard let base = bytes.baseAddress else { return nil }
                    let parser = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        xmlSchemaNewMemParserCtxt($0, Int32(bytes.count))
                    }
                    guard let parser else { return nil }
                    defer { xmlSchemaFreeParserCtxt(parser) }
                    xmlSchemaSetParserStructuredErrors(parser, collector.handler, collector.context)
                    return xmlSchemaParse(parser)
                }
            }
            guard let compiled else {
                throw SchemaError(name: name, issues: collector.issues)
            }
            handle = compiled
        }

        /// Compiles the schema file at `url`.
        /// - Throws: ``XML/SchemaError`` when it cannot be read or does not compile.
        public convenience init(contentsOf url: URL) throws(SchemaError) {
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw SchemaError(name: url.path, issues: [Issue(file: url.path, line: 0, column: 0, level: .fatal, origin: .schemaCompilation, message: "cannot read the schema: \(error.localizedDescription)")])
            }
            try self.init(data: Array(data), name: url.path)
        }

        deinit { xmlSchemaFree(handle) }
    }

    /// A schema validation context for one document (owns the `xmlSchemaValidCtxtPtr`).
    /// Pass it to ``XML/Parser/parse(delegate:validator:)`` to validate while parsing.
    public final class SchemaValidator {
        let handle: xmlSchemaValidCtxtPtr
        /// Kept alive as long as the context that points to it.
        public let schema: Schema

        /// Creates a validation context for `schema`.
        /// - Throws: ``XML/SchemaError`` when libxml2 cannot allocate it (out of memory).
        public init(schema: Schema) throws(SchemaError) {
            XML.installSecurityPolicy()
            self.schema = schema
            guard let handle = xmlSchemaNewValidCtxt(schema.handle) else {
                throw SchemaError(name: schema.name, issues: [Issue(file: schema.name, line: 0, column: 0, level: .fatal, origin: .schemaCompilation, message: "libxml2 could not create a validation context (out of memory)")])
            }
            self.handle = handle
        }

        deinit { xmlSchemaFreeValidCtxt(handle) }

        /// Sends validity errors to `collector` (which must outlive the validation).
        func attach(collector: ErrorCollector) {
            xmlSchemaSetValidStructuredErrors(handle, collector.handler, collector.context)
        }
    }

    /// A schema could not be read or compiled.
    public struct SchemaError: Error, Sendable, CustomStringConvertible {
        /// The schema's name or path.
        public var name: String
        /// libxml2's messages.
        public var issues: [Issue]

        public var description: String {
            let details = issues.map(\.description).joined(separator: "\n")
            return "the schema \(name) does not compile; reinstall Onoma's Dictionaries/schema folder" + (details.isEmpty ? "" : ":\n" + details)
        }
    }
}
