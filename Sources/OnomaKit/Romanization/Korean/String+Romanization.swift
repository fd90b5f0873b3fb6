/// Small string helpers of the Korean romanizers.
extension String {
    /// The string with its first letter upper-cased, including MR's ŏ ŭ (Ŏm, Ŭn); cheap for
    /// the short ASCII strings of the hot path.
    var capitalizedFirst: String {
        guard let first = unicodeScalars.first else { return self }
        let upper: Unicode.Scalar
        switch first.value {
        case 0x61...0x7A: upper = Unicode.Scalar(first.value - 32)!
        case 0x14F: upper = "\u{14E}"
        case 0x16D: upper = "\u{16C}"
        default: return self
        }
        var out = String(upper)
        out.unicodeScalars.append(contentsOf: unicodeScalars.dropFirst())
        return out
    }
}

extension String {
    /// Left-pads with zeros to `width`.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
