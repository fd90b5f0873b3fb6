@testable import OnomaKit
import Testing

@Suite struct EditDistanceTests {
    /// The textbook optimal-string-alignment distance, every cell computed.
    static func reference(_ a: [UInt8], _ b: [UInt8]) -> Int {
        let n = a.count, m = b.count
        if n == 0 { return m }
        if m == 0 { return n }
        var d = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in 0...n { d[i][0] = i }
        for j in 0...m { d[0][j] = j }
        for i in 1...n {
            for j in 1...m {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[n][m]
    }

    /// The banded computation agrees with the full one on every pair of short strings over a
    /// small alphabet (so that repeats, swaps and near misses are frequent), at every limit:
    /// the exact distance when it is within the limit, `limit + 1` otherwise.
    @Test(arguments: [0, 1, 2, 3])
    func bandedAgreesWithTheFullTable(_ limit: Int) {
        var rng = SplitMix64(seed: 0xED17 &+ UInt64(limit))
        for _ in 0..<20_000 {
            let a = (0..<Int(rng.next() % 13)).map { _ in UInt8(97 + rng.next() % 4) }
            var b = a
            // Usually a few slips away from `a`, sometimes unrelated.
            if rng.next() % 5 == 0 {
                b = (0..<Int(rng.next() % 13)).map { _ in UInt8(97 + rng.next() % 4) }
            } else {
                for _ in 0..<Int(rng.next() % 4) {
                    let i = b.isEmpty ? 0 : Int(rng.next() % UInt64(b.count))
                    switch rng.next() % 4 {
                    case 0: if !b.isEmpty { b.remove(at: i) }
                    case 1: b.insert(UInt8(97 + rng.next() % 4), at: i)
                    case 2: if !b.isEmpty { b[i] = UInt8(97 + rng.next() % 4) }
                    default: if i + 1 < b.count { b.swapAt(i, i + 1) }
                    }
                }
            }
            let full = Self.reference(a, b)
            let banded = EditDistance.osa(a, b, limit: limit)
            #expect(banded == min(full, limit + 1), "\(String(decoding: a, as: UTF8.self)) / \(String(decoding: b, as: UTF8.self))")
            if banded != min(full, limit + 1) { return }
            // The bit-parallel form fuzzy lookups use gives the same answer.
            if let pattern = a.withUnsafeBufferPointer({ OSAPattern($0) }) {
                let parallel = b.withUnsafeBufferPointer { pattern.distance($0, limit: limit) }
                #expect(parallel == min(full, limit + 1), "bit-parallel: \(String(decoding: a, as: UTF8.self)) / \(String(decoding: b, as: UTF8.self))")
                if parallel != min(full, limit + 1) { return }
            }
        }
    }

    /// The bit-parallel distance on patterns up to the 64-letter word, over the whole alphabet.
    @Test func bitParallelAgreesOnLongPatterns() {
        var rng = SplitMix64(seed: 0x05A6)
        for _ in 0..<3_000 {
            let a = (0..<(1 + Int(rng.next() % 64))).map { _ in UInt8(97 + rng.next() % 26) }
            var b = a
            for _ in 0..<Int(rng.next() % 4) {
                let i = Int(rng.next() % UInt64(b.count))
                switch rng.next() % 4 {
                case 0: if b.count > 1 { b.remove(at: i) }
                case 1: b.insert(UInt8(97 + rng.next() % 26), at: i)
                case 2: b[i] = UInt8(97 + rng.next() % 26)
                default: if i + 1 < b.count { b.swapAt(i, i + 1) }
                }
            }
            let pattern = a.withUnsafeBufferPointer { OSAPattern($0) }!
            let full = Self.reference(a, b)
            for limit in [1, 2, 64] {
                #expect(b.withUnsafeBufferPointer { pattern.distance($0, limit: limit) } == min(full, limit + 1))
            }
        }
        #expect([UInt8](repeating: 97, count: 65).withUnsafeBufferPointer { OSAPattern($0) } == nil)
    }
}
