import OnomaKit
import Testing

@Test func scratch() {
    let e = AccuracyFixtures.engine
    var hit = 0
    for q in AccuracyFixtures.variants {
        let m = e.lookup(q.query)
        if m.first?.id == q.expected { hit += 1 } else {
            print("MISS", q.query, q.expected, "=>", m.first.map { "\($0.id) \($0.score) \($0.method) \($0.explanation)" } ?? "NONE")
        }
    }
    print("hit \(hit)/\(AccuracyFixtures.variants.count)")
    var fm = 0
    for q in AccuracyFixtures.nearMisses {
        let m = e.lookup(q.query, options: .init(minScore: 0))
        let top = m.first.map { "\($0.id) \($0.score) \($0.method) \($0.explanation)" } ?? "NONE"
        if let f = m.first(where: { $0.id == q.expected }), f.score >= LookupOptions.defaultMinScore { fm += 1; print("FALSE", q.query, "=>", top) }
    }
    print("false \(fm)/\(AccuracyFixtures.nearMisses.count)")
    for q in ["양잔펑", "Yang Chan-feng", "Yang2 Zhan4feng1", "楊占峰", "Liu Tz'u-hsin", "이백", "Hsi-an", "金九", "Chang I-mou", "Ou-yang Na-na"] {
        print(q, "=>", e.lookup(q).map { "\($0.id) \($0.score) \($0.method) \($0.explanation)" })
    }
}
