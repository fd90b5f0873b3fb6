import CICU

/// Onoma's door to ICU: normalization, case folding, scripts, transliterators and spoof checks.
///
/// Everything ICU-specific stays in this folder. Types here own their C handles (freed in
/// `deinit`) and convert ICU status codes into ``ICUError`` through ``ICU/check(_:_:)``.
public enum ICU {
    /// The version of the ICU library Onoma is linked against ("72.1").
    public static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        onoma_icu_version(&buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Throws when `status` is an ICU failure (> 0); warnings (< 0) pass.
    /// - Parameters:
    ///   - status: an ICU `UErrorCode` value.
    ///   - operation: what was attempted, for the error message.
    /// - Throws: ``ICUError`` naming the operation and ICU's error name.
    static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
        if status > 0 {
            throw ICUError(operation: operation(), status: status)
        }
    }

    /// Runs an ICU function that writes UTF-16 into a caller-supplied buffer, growing the buffer
    /// once when ICU reports that it needs more room.
    ///
    /// - Parameters:
    ///   - initialCapacity: the first buffer size in UTF-16 units.
    ///   - operation: what is being done, for errors.
    ///   - body: writes into the buffer (pointer, capacity, status) and returns the needed length.
    /// - Returns: the UTF-16 result decoded as a String.
    static func withResizingBuffer(
        initialCapacity: Int,
        _ operation: @autoclosure () -> String,
        _ body: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
    ) throws(ICUError) -> String {
        var capacity = max(initialCapacity, 16)
        while true {
            var status: Int32 = 0
            var needed: Int32 = 0
            let result: String? = withUnsafeTemporaryAllocation(of: UInt16.self, capacity: capacity) { buffer in
                needed = body(buffer.baseAddress!, Int32(capacity), &status)
                guard status <= 0, Int(needed) <= capacity else { return nil }
                return String(decoding: UnsafeBufferPointer(start: buffer.baseAddress, count: Int(needed)), as: UTF16.self)
            }
            if let result { return result }
            if status == ONOMA_ICU_BUFFER_OVERFLOW || Int(needed) > capacity {
                // ICU reports the size it needs; retry once with exactly that (plus the terminator).
                guard Int(needed) + 1 > capacity else { throw ICUError(operation: operation(), status: status) }
                capacity = Int(needed) + 1
                continue
            }
            try check(status, operation())
        }
    }
}

/// A failure reported by ICU.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    /// What Onoma asked ICU to do.
    public let operation: String
    /// ICU's `UErrorCode` value.
    public let status: Int32

    /// ICU's symbolic name for the status, e.g. `U_ILLEGAL_ARGUMENT_ERROR`.
    public var name: String { String(cString: onoma_icu_error_name(status)) }

    public var description: String {
        "ICU could not \(operation): \(name). Check that libicu (the libicu-dev package) is installed and matches the version Onoma was built with."
    }
}
