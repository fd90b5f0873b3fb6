import CICU

extension ICU {
    /// An ICU rule-based transliterator (`UTransliterator`), owned and closed on deinit.
    ///
    /// ICU serializes every call through a process-wide lock, so use this for building tables,
    /// rare schemes and one-off conversions, never per item on a hot path.
    public final class Transliterator: @unchecked Sendable {
        // @unchecked: utrans_transUChars is documented thread-safe for a const transliterator,
        // and the handle is never mutated after opening.
        private let handle: OpaquePointer
        /// The id it was opened with.
        public let id: String

        /// Opens a system transliterator such as `Hangul-Latin` or `Han-Latin/Names`, or a custom
        /// one from `rules`.
        /// - Throws: ``ICUError`` when ICU does not know the id or cannot parse the rules.
        public init(id: String, rules: String? = nil, reverse: Bool = false) throws(ICUError) {
            var idUnits = Array(id.utf16)
            var status: Int32 = 0
            let opened: OpaquePointer?
            if let rules {
                var ruleUnits = Array(rules.utf16)
                opened = onoma_translit_open(&idUnits, Int32(idUnits.count), &ruleUnits, Int32(ruleUnits.count), reverse ? 1 : 0, &status)
            } else {
                opened = onoma_translit_open(&idUnits, Int32(idUnits.count), nil, 0, reverse ? 1 : 0, &status)
            }
            try ICU.check(status, "open the transliterator \(id)")
            guard let opened else { throw ICUError(operation: "open the transliterator \(id)", status: 1) }
            self.handle = opened
            self.id = id
        }

        deinit { onoma_translit_close(handle) }

        /// Transliterates `text`.
        /// - Throws: ``ICUError`` if ICU fails.
        public func transform(_ text: String) throws(ICUError) -> String {
            if text.isEmpty { return text }
            let source = Array(text.utf16)
            return try ICU.withResizingBuffer(initialCapacity: source.count * 4 + 16, "transliterate with \(id)") { dest, cap, status in
                // utrans works in place: copy the source in, let ICU rewrite it.
                let count = min(source.count, Int(cap))
                source.withUnsafeBufferPointer { dest.update(from: $0.baseAddress!, count: count) }
                if count < source.count { status = ONOMA_ICU_BUFFER_OVERFLOW; return Int32(source.count * 2) }
                return onoma_translit_transform(handle, dest, Int32(count), cap, &status)
            }
        }
    }
}
