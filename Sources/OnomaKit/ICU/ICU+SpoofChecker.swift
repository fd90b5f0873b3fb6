import CICU

extension ICU {
    /// ICU's spoof checker (`USpoofChecker`, UTS #39), owned and closed on deinit.
    public final class SpoofChecker: @unchecked Sendable {
        // @unchecked: uspoof_check2 and uspoof_getSkeleton are thread-safe on a checker that
        // is not reconfigured after opening, which this one never is.
        private let handle: OpaquePointer

        /// Opens a checker for mixed scripts, invisible characters and mixed digits, at the
        /// "highly restrictive" level (Latin may mix only with Han, Hiragana, Katakana, Hangul).
        /// - Throws: ``ICUError`` if ICU's spoof data is missing.
        public init() throws(ICUError) {
            var status: Int32 = 0
            let opened = onoma_spoof_open(&status)
            try ICU.check(status, "open the spoof checker")
            guard let opened else { throw ICUError(operation: "open the spoof checker", status: 1) }
            handle = opened
        }

        deinit { onoma_spoof_close(handle) }

        /// Whether ICU finds `text` suspicious (mixed scripts, look-alike letters, invisibles).
        public func isSuspicious(_ text: String) -> Bool {
            var units = Array(text.utf16)
            var status: Int32 = 0
            let result = onoma_spoof_check(handle, &units, Int32(units.count), &status)
            return status <= 0 && result != 0
        }

        /// The confusable skeleton of `text`: two strings that look alike have the same skeleton.
        public func skeleton(_ text: String) -> String {
            var units = Array(text.utf16)
            return (try? ICU.withResizingBuffer(initialCapacity: units.count * 2 + 8, "compute a confusable skeleton") { dest, cap, status in
                onoma_spoof_skeleton(handle, &units, Int32(units.count), dest, cap, &status)
            }) ?? text
        }
    }
}
