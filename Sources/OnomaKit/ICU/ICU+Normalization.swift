import CICU

extension ICU {
    /// Unicode normalization forms offered by ICU's `unorm2`.
    public enum NormalizationForm: Int32, Sendable {
        case nfc = 0, nfd = 1, nfkc = 2, nfkd = 3
        /// NFKC followed by case folding (UTS #46 style): the basis of Onoma's match keys.
        case nfkcCasefold = 4
    }

    /// Returns `text` normalized to `form`.
    /// - Complexity: O(n) in the length of `text`.
    public static func normalize(_ text: String, _ form: NormalizationForm) -> String {
        if text.isEmpty { return text }
        var utf16 = Array(text.utf16)
        // A failure here would mean ICU's data is missing; keeping the text as it is loses nothing.
        return (try? withResizingBuffer(initialCapacity: utf16.count * 2 + 8, "normalize text") { dest, cap, status in
            onoma_normalize(form.rawValue, &utf16, Int32(utf16.count), dest, cap, &status)
        }) ?? text
    }

    /// Whether `text` is already in `form` (no allocation when it is).
    public static func isNormalized(_ text: String, _ form: NormalizationForm) -> Bool {
        var utf16 = Array(text.utf16)
        var status: Int32 = 0
        let result = onoma_is_normalized(form.rawValue, &utf16, Int32(utf16.count), &status)
        return status <= 0 && result == 1
    }

    /// Full Unicode case folding (`u_strFoldCase`), for caseless comparison.
    public static func foldCase(_ text: String) -> String {
        if text.isEmpty { return text }
        var utf16 = Array(text.utf16)
        return (try? withResizingBuffer(initialCapacity: utf16.count + 8, "fold case") { dest, cap, status in
            onoma_fold_case(&utf16, Int32(utf16.count), dest, cap, &status)
        }) ?? text
    }
}
