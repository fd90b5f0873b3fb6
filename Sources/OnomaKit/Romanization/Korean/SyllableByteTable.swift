/// The spelling of each of the 11,172 syllables as ASCII bytes in one flat buffer, so that a
/// name can be written byte by byte into a stack buffer and turned into its strings once:
/// the hot path of name mode (RR, Yale).
struct SyllableByteTable: Sendable {
    private let bytes: [UInt8]
    private let offsets: [Int32]

    /// Longest spelling in bytes.
    let longest: Int

    /// From one ASCII spelling per syllable index.
    init(_ spellings: [String]) {
        var bytes = [UInt8](), offsets = [Int32](), longest = 0
        offsets.reserveCapacity(spellings.count + 1)
        for s in spellings {
            precondition(s.utf8.allSatisfy { $0 < 0x80 }, "byte tables hold ASCII spellings only")
            offsets.append(Int32(bytes.count))
            bytes.append(contentsOf: s.utf8)
            longest = max(longest, s.utf8.count)
        }
        offsets.append(Int32(bytes.count))
        self.bytes = bytes
        self.offsets = offsets
        self.longest = longest
    }

    /// Appends syllable `index` at `position`, upper-casing its first letter when `capital`.
    @inline(__always)
    func write(_ index: Int, capital: Bool, to buffer: UnsafeMutableBufferPointer<UInt8>, at position: inout Int) {
        let start = Int(offsets[index]), end = Int(offsets[index + 1])
        guard start < end else { return }
        bytes.withUnsafeBufferPointer { b in
            var first = b[start]
            if capital && first >= 0x61 && first <= 0x7A { first -= 0x20 }
            buffer[position] = first
            position += 1
            for i in (start + 1)..<end {
                buffer[position] = b[i]
                position += 1
            }
        }
    }
}

extension KoreanRomanizer {
    /// Name mode through a byte table: the output, family and given strings built from one
    /// stack buffer (at most 8 syllables, checked by the caller).
    @inline(__always)
    func byteName(_ syllables: UnsafeBufferPointer<Int>, cut: Int, table: SyllableByteTable, style: GivenNameStyle) -> (output: String, family: String, given: String?) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8 * (table.longest + 1) + 1) { buffer in
            var p = 0
            for i in 0..<cut { table.write(syllables[i], capital: i == 0, to: buffer, at: &p) }
            let familyEnd = p
            let family = String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<familyEnd]), as: UTF8.self)
            guard cut < syllables.count else { return (family, family, nil) }
            buffer[p] = 0x20
            p += 1
            let givenStart = p
            for i in cut..<syllables.count {
                if i > cut {
                    switch style {
                    case .hyphen: buffer[p] = 0x2D; p += 1
                    case .spaced: buffer[p] = 0x20; p += 1
                    case .joined: break
                    }
                }
                table.write(syllables[i], capital: i == cut || style == .spaced, to: buffer, at: &p)
            }
            return (String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<p]), as: UTF8.self), family,
                    String(decoding: UnsafeBufferPointer(rebasing: buffer[givenStart..<p]), as: UTF8.self))
        }
    }
}
