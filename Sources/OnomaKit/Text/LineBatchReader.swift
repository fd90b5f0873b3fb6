#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A run of consecutive lines from one source, in one buffer.
public struct LineBatch: Sendable {
    /// The lines' bytes, without their "\n".
    var bytes: [UInt8] = []
    /// Each line's range in `bytes`.
    var lines: [Range<Int>] = []
    /// The input's name (for diagnostics).
    public internal(set) var source: String
    /// Line number of the first line in its source (1-based).
    public internal(set) var firstLocalLine: Int
    /// Line number of the first line in the whole input (1-based).
    public internal(set) var firstLine: Int
    /// Input bytes consumed by the batch, newlines included.
    public internal(set) var consumed = 0

    /// Lines in the batch.
    public var count: Int { lines.count }

    /// Calls `body` with each line's bytes (without "\n"; a "\r" before it is kept) and its
    /// index in the batch, in order.
    public func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { all in
            for (k, r) in lines.enumerated() { try body(UnsafeBufferPointer(rebasing: all[r]), k) }
        }
    }
}

/// Splits a byte source into batches of lines without reading the whole input: memory stays
/// within one chunk plus one batch (and the longest line).
final class LineBatchReader {
    private let source: any LineInput
    private var chunk: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var finished = false
    private(set) var linesRead = 0

    init(_ source: any LineInput, chunkSize: Int = 1 << 18) {
        self.source = source
        chunk = .allocate(byteCount: chunkSize, alignment: 16)
    }

    deinit { chunk.deallocate() }

    /// The next batch of at most `maxLines` lines (or about `maxBytes`, but never cutting a
    /// line), or nil at the end of the source.
    func next(maxLines: Int, maxBytes: Int, firstLine: Int) throws -> LineBatch? {
        var batch = LineBatch(source: source.name, firstLocalLine: linesRead + 1, firstLine: firstLine)
        var open: Int? = nil // start in batch.bytes of a line still without its "\n"
        while true {
            if open == nil && (batch.lines.count >= maxLines || batch.bytes.count >= maxBytes) { break }
            if start == end {
                if finished { break }
                let n = try source.read(into: chunk)
                if n == 0 {
                    finished = true
                    if let o = open {
                        // The last line has no "\n": it is still a line.
                        batch.lines.append(o..<batch.bytes.count)
                        open = nil
                    }
                    break
                }
                start = 0
                end = n
            }
            let base = chunk.baseAddress!
            let found = memchr(base + start, 0x0A, end - start)
            let lineStart = open ?? batch.bytes.count
            if let found {
                let p = base.distance(to: UnsafeMutableRawPointer(found))
                batch.bytes.append(contentsOf: UnsafeRawBufferPointer(start: base + start, count: p - start))
                batch.lines.append(lineStart..<batch.bytes.count)
                batch.consumed += p - start + 1
                open = nil
                start = p + 1
            } else {
                batch.bytes.append(contentsOf: UnsafeRawBufferPointer(start: base + start, count: end - start))
                batch.consumed += end - start
                open = lineStart
                start = end
            }
        }
        linesRead += batch.lines.count
        return batch.lines.isEmpty ? nil : batch
    }
}

/// Whether `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
        let b0 = bytes[i]
        if b0 < 0x80 { i += 1; continue }
        if b0 < 0xC2 { return false }
        if b0 < 0xE0 {
            guard i + 1 < n, bytes[i + 1] & 0xC0 == 0x80 else { return false }
            i += 2
        } else if b0 < 0xF0 {
            guard i + 2 < n else { return false }
            let b1 = bytes[i + 1], b2 = bytes[i + 2]
            guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return false }
            if b0 == 0xE0 && b1 < 0xA0 { return false }
            if b0 == 0xED && b1 >= 0xA0 { return false }
            i += 3
        } else if b0 < 0xF5 {
            guard i + 3 < n else { return false }
            let b1 = bytes[i + 1], b2 = bytes[i + 2], b3 = bytes[i + 3]
            guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { return false }
            if b0 == 0xF0 && b1 < 0x90 { return false }
            if b0 == 0xF4 && b1 >= 0x90 { return false }
            i += 4
        } else {
            return false
        }
    }
    return true
}
