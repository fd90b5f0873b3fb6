import CICU

extension ICU {
    /// The ISO 15924 short name of a scalar's Script property ("Hang", "Hani", "Latn", "Zyyy").
    public static func scriptCode(of scalar: Unicode.Scalar) -> String {
        var status: Int32 = 0
        let script = onoma_script_of(scalar.value, &status)
        var buffer = [CChar](repeating: 0, count: 8)
        onoma_script_short_name(status > 0 ? 0 : script, &buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
