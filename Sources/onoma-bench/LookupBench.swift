// wire: ("lookup", "index build, lookups/s per query kind, accuracy on synthetic variants", lookupBench)
// wire: ("lookup-cli", "onoma lookup whole process over stdin, 100,000-entry glossary", lookupCLIBench)
import Foundation
import OnomaKit

/// `onoma-bench lookup [ENTRIES] [QUERIES]`: builds a synthetic glossary (default 100,000
/// entries), times the index build, then times lookups of each query kind in process on one
/// thread and reports queries/s and how often the expected entry came first.
func lookupBench(_ args: [String]) throws {
    let entries = args.first.flatMap(Int.init) ?? 100_000
    let queryCount = args.dropFirst().first.flatMap(Int.init) ?? 200_000
    var t = Date()
    let synthetic = try SyntheticGlossary(count: entries)
    let only = args.dropFirst(2).first
    print(String(format: "generate %d entries: %.3f s", entries, Date().timeIntervalSince(t)))
    // The build runs on every core: timed five times (wall, and the process's CPU on all
    // cores); the first build (what a cold `onoma lookup` does once) is reported too, as the
    // later ones reuse memory the first one obtained. The last engine answers the queries.
    var builds: [(wall: Double, cpu: Double)] = []
    var built: LookupEngine?
    for _ in 0..<5 {
        built = nil  // the previous index is freed before the next build is timed
        t = Date()
        let cpu0 = processCPUSeconds()
        built = try LookupEngine(glossaries: [synthetic.glossary])
        builds.append((Date().timeIntervalSince(t), processCPUSeconds() - cpu0))
    }
    guard let engine = built else { return }
    let walls = builds.map(\.wall).sorted()
    print(String(format: "index build: %.3f s wall the first time, median of 5 %.3f s (%.3f–%.3f s), %.3f s CPU on all cores (%d forms)",
                 builds[0].wall, walls[2], walls[0], walls[4], builds.map(\.cpu).sorted()[2], engine.formCount))
    for kind in SyntheticGlossary.QueryKind.allCases where only == nil || only == kind.rawValue {
        let queries = synthetic.queries(kind, count: kind == .fuzzy ? queryCount / 4 : queryCount)
        var top1 = 0, found = 0
        t = Date()
        let cpu0 = threadCPUSeconds()
        for q in queries {
            let m = engine.lookup(q.query)
            if !m.isEmpty { found += 1 }
            if let e = q.expected, m.contains(where: { $0.id == e && $0.score == m[0].score }) { top1 += 1 }
        }
        let dt = Date().timeIntervalSince(t)
        let cpu = threadCPUSeconds() - cpu0
        print(String(format: "%-13@ %8d queries %7.3f s wall %7.3f s CPU %10.0f q/s (per CPU s)  expected entry at top %5.1f%%  any match %5.1f%%",
                     kind.rawValue as NSString, queries.count, dt, cpu, Double(queries.count) / cpu,
                     100 * Double(top1) / Double(max(1, queries.count)), 100 * Double(found) / Double(max(1, queries.count))))
    }
}

/// `onoma-bench lookup-cli [ENTRIES] [QUERIES]`: writes a synthetic glossary and query files,
/// then runs the built `onoma lookup --dict FILE --format jsonl < queries` as a whole process
/// per query kind, and a single-query run (index cache cold and warm).
func lookupCLIBench(_ args: [String]) throws {
    let entries = args.first.flatMap(Int.init) ?? 100_000
    let queryCount = args.dropFirst().first.flatMap(Int.init) ?? 1_000_000
    let synthetic = try SyntheticGlossary(count: entries)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-lookup-bench-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { if ProcessInfo.processInfo.environment["ONOMA_BENCH_KEEP"] == nil { try? FileManager.default.removeItem(at: dir) } }
    let dict = dir.appendingPathComponent("synthetic.xml")
    try glossaryXML(synthetic.glossary).write(to: dict, atomically: true, encoding: .utf8)
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("onoma")
    func run(_ arguments: [String], stdin: URL?) throws -> (Double, Int32) {
        let p = Process()
        p.executableURL = exe
        p.arguments = arguments
        if let stdin { p.standardInput = try FileHandle(forReadingFrom: stdin) }
        p.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let t = Date()
        try p.run()
        p.waitUntilExit()
        return (Date().timeIntervalSince(t), p.terminationStatus)
    }
    print("glossary and queries in \(dir.path)")
    let (first, s1) = try run(["lookup", "--dict", dict.path, "Kim Min-jun"], stdin: nil)
    print(String(format: "single lookup, cold (builds the index cache): %.3f s (exit %d)", first, s1))
    // Warm: 15 runs through posix_spawn and wait4 (Foundation's Process adds tens of
    // milliseconds of its own to a short run); median and best.
    var warm: [(Double, Int)] = []
    var s2: Int32 = 0
    for _ in 0..<15 {
        let r = try DictionaryBench.runProcess(exe.path, ["lookup", "--dict", dict.path, "Kim Min-jun"])
        warm.append((r.seconds, r.rss)); s2 = r.status
    }
    warm.sort { $0.0 < $1.0 }
    print(String(format: "single lookup, warm (index cache), 15 runs: median %.3f s, best %.3f s, %d MB peak (exit %d)",
                 warm[7].0, warm[0].0, warm[7].1 / 1024, s2))
    for kind in SyntheticGlossary.QueryKind.allCases where kind != .miss {
        let queries = synthetic.queries(kind, count: kind == .fuzzy ? queryCount / 5 : queryCount)
        let file = dir.appendingPathComponent("\(kind.rawValue).txt")
        try (queries.map(\.query).joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let (dt, status) = try run(["lookup", "--dict", dict.path, "--format", "jsonl"], stdin: file)
        print(String(format: "%-13@ %8d queries whole process %7.3f s %10.0f q/s (exit %d)", kind.rawValue as NSString, queries.count, dt, Double(queries.count) / dt, status))
    }
}

/// The glossary as `urn:onoma:glossary:1` XML (enough for the benchmark's synthetic data).
func glossaryXML(_ g: Glossary) -> String {
    func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<glossary xmlns=\"urn:onoma:glossary:1\" name=\"\(esc(g.name))\">\n"
    for e in g.entries {
        out += "  <entry id=\"\(esc(e.id))\" kind=\"\(e.kind.rawValue)\">\n"
        for n in e.names {
            out += "    <name xml:lang=\"\(esc(n.language))\""
            if n.status != .admitted { out += " status=\"\(n.status.rawValue)\"" }
            if n.type != .full { out += " type=\"\(n.type.rawValue)\"" }
            if let f = n.family { out += " family=\"\(esc(f))\"" }
            if let g = n.given { out += " given=\"\(esc(g))\"" }
            out += ">\(esc(n.text))</name>\n"
        }
        out += "  </entry>\n"
    }
    return out + "</glossary>\n"
}
