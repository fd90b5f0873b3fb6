import Foundation

/// Where text built byte by byte goes: a plain `[UInt8]`, or a ``ByteBuffer`` on hot paths
/// (explanations, the CLI's JSON lines).
public protocol ByteAppending {
    /// Appends one byte.
    mutating func append(_ byte: UInt8)
    /// Appends bytes.
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteAppending where Element == UInt8 {}

/// A growable byte buffer for text written a few bytes at a time on a hot path (explanations
/// of lookup matches). `Array.append` checks uniqueness and capacity out of line for every
/// byte, which made those checks a third of an explanation's cost; here an append is a
/// compare and a store. A class, so that one buffer can be handed around and reused (clear it
/// with ``removeAll()``); not thread-safe, like an array held in a `var`.
public final class ByteBuffer: ByteAppending {
    // Unchecked: a class's stored `var` is otherwise checked for exclusive access at run time
    // on every append (a runtime call each); a buffer is used by one thread at a time.
    // Usable from inlinable code: the CLI appends through these on its hot path.
    @exclusivity(unchecked) @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) @usableFromInline var storedCount = 0
    /// Bytes written.
    public var count: Int { storedCount }
    @exclusivity(unchecked) @usableFromInline var capacity: Int

    /// An empty buffer with room for `capacity` bytes (it grows as needed).
    public init(capacity: Int = 256) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inlinable @inline(__always) func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    @usableFromInline func grow(_ needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = size
    }

    /// Appends one byte.
    @inlinable @inline(__always) public func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        storedCount += 1
    }

    /// Appends bytes.
    @inlinable @inline(__always) public func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        storedCount += bytes.count
    }

    /// Appends a range of this buffer's own bytes (pieces are written once, then copied).
    @inline(__always) func append(_ range: Range<Int>) {
        reserve(range.count)
        // After `reserve`: the source may have moved.
        (base + count).update(from: base + range.lowerBound, count: range.count)
        storedCount += range.count
    }

    /// Appends a string's UTF-8 bytes.
    @inline(__always) func append(_ s: String) {
        var s = s
        s.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends a literal's bytes.
    @inline(__always) func append(_ s: StaticString) {
        s.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Forgets the bytes, keeping the storage.
    @inline(__always) public func removeAll() { storedCount = 0 }

    /// Forgets the bytes from `length` on.
    @inline(__always) func truncate(to length: Int) { if length < storedCount { storedCount = max(0, length) } }

    /// Byte `i` (`i < count`).
    @inline(__always) subscript(i: Int) -> UInt8 { base[i] }

    /// The bytes in `range`, valid until the next append.
    @inline(__always) func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// Whether two ranges hold the same bytes.
    @inline(__always) func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && (a.isEmpty || memcmp(base + a.lowerBound, base + b.lowerBound, a.count) == 0)
    }

    /// Whether `range` holds `other`'s bytes.
    @inline(__always) func same(_ a: Range<Int>, as other: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == other.count && (a.isEmpty || memcmp(base + a.lowerBound, other.baseAddress!, a.count) == 0)
    }

    /// Calls `body` with the bytes written (valid only during the call).
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes as a string (repaired if they are not UTF-8).
    func string(from start: Int = 0) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: count - start), as: UTF8.self)
    }
}
