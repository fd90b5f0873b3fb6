import OnomaKit

/// Test double for the lookup engine: a small table of attested spellings (from
/// /work/shared/samples/names.tsv, the project's public name facts) keyed case-insensitively.
/// A stored form scores 1.0 ("exact"), as in the engine; a form written "~Ko Young-a" stands
/// for a spelling the engine would only reach by romanization (0.9).
struct TableResolver: NameResolver {
    private var table: [String: NameResolution] = [:]

    init(_ rows: [(id: String, canonical: String, forms: [String])] = TableResolver.facts) {
        for row in rows {
            table[row.canonical.lowercased()] = NameResolution(id: row.id, canonical: row.canonical, score: 1.0, method: "exact")
            for form in row.forms {
                if form.hasPrefix("~") {
                    table[form.dropFirst().lowercased()] = NameResolution(id: row.id, canonical: row.canonical, score: 0.9, method: "romanization")
                } else {
                    table[form.lowercased()] = NameResolution(id: row.id, canonical: row.canonical, score: 1.0, method: "exact")
                }
            }
        }
    }

    func resolve(_ candidate: String) -> NameResolution? {
        table[candidate.lowercased()]
    }

    static let facts: [(id: String, canonical: String, forms: [String])] = [
        ("koh-young-aah", "Koh Young-aah", ["고영아", "~Ko Young-a", "~Go Yeong-a", "Koh Youngaah"]),
        ("kim-shin-jong", "Kim Shin-jong", ["김신종", "~Gim Sin-jong", "Kim Sinjong", "Kim Sin-jong"]),
        ("yang-zhanfeng", "Yang Zhanfeng", ["杨占峰", "楊占峰", "Yang Zhan Feng", "양잔펑"]),
        ("park-chan-wook", "Park Chan-wook", ["박찬욱", "~Bak Chan-uk", "Park Chanwook"]),
        ("yao-ming", "Yao Ming", ["姚明", "야오밍"]),
        ("lee-kang-in", "Lee Kang-in", ["이강인", "~I Gang-in", "Yi Kang-in", "Lee Kangin"]),
        ("zhang-yimou", "Zhang Yimou", ["张艺谋", "張藝謀", "Chang I-mou", "장이머우"]),
        ("seoul", "Seoul", ["서울"]),
        ("korea-herald", "The Korea Herald", ["코리아헤럴드", "Korea Herald"]),
        // The engine folds punctuation: "Korea Resources Corp" finds the entry.
        ("kores", "Korea Resources Corp.", ["한국광물자원공사", "KORES", "Korea Resources Corp"]),
    ]
}

/// Test double for the romanizer: a table of the RR spellings of a few names no glossary above
/// holds (홍길동 → Hong Gil-dong is the RR notice's own example form).
struct TableSuggester: NameSuggester {
    let table: [String: String] = ["홍길동": "Hong Gil-dong", "王小明": "Wang Xiaoming"]
    func suggest(_ name: String) -> String? { table[name] }
}
