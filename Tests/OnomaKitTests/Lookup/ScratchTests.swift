@testable import OnomaKit
import Testing
import OnomaTestSupport

@Test func scratchStats() throws {
    let syn = try SyntheticGlossary(count: 100_000, dataDirectory: TestPaths.dictionaries)
    let e = try LookupEngine(glossaries: [syn.glossary], dataDirectory: TestPaths.dictionaries)
    var counts: [Int: Int] = [:]
    var maxKey: UInt64 = 0, maxCount = 0
    for (k, _) in e.index.skeleton.heads {
        var c = 0
        e.index.skeleton.forEach(k) { _ in c += 1 }
        counts[min(c, 1000) / 10 * 10, default: 0] += 1
        if c > maxCount { maxCount = c; maxKey = k }
    }
    print("keys", e.index.skeleton.heads.count, "postings", e.index.skeleton.count, "groups", e.index.groups.count, "max", maxCount, String(maxKey, radix: 16))
    print(counts.sorted { $0.key < $1.key }.prefix(20))
    let q = syn.queries(.exact, count: 10)
    for x in q { print(x.query, e.lookup(x.query).count) }
}
