// wire: ("normalize", "onoma normalize: 1,000,000 mixed bylines, 100,000-entry synthetic glossary, in process and whole process [DIR] [ENTRIES] [LINES]", normalizeBench)
//   normalizeBench(_ args: [String]) throws
//   Writes DIR/synthetic.xml (a SyntheticGlossary) and DIR/bylines.txt (mixed Korean/Chinese/
//   English bylines) unless they exist, then times the pipeline in process (jobs 1 and 2) and
//   the built `onoma normalize --dict DIR/synthetic.xml --jobs N DIR/bylines.txt` as a whole
//   process: one cold run (it writes the index cache), then ONOMA_BENCH_PAIRS (default 5)
//   alternating jobs-1/jobs-2 pairs, with the speed-up per pair and of the medians. The same
//   whole-process figure by hand:
//   /usr/bin/time -v .build/release/onoma normalize --dict DIR/synthetic.xml --jobs N DIR/bylines.txt > DIR/output.txt
import Foundation
import OnomaKit

func normalizeBench(_ args: [String]) throws {
    let dir = URL(fileURLWithPath: args.first ?? FileManager.default.temporaryDirectory.appendingPathComponent("onoma-normalize-bench").path)
    let entries = args.count > 1 ? Int(args[1]) ?? 100_000 : 100_000
    let lines = args.count > 2 ? Int(args[2]) ?? 1_000_000 : 1_000_000
    let dict = dir.appendingPathComponent("synthetic.xml")
    let input = dir.appendingPathComponent("bylines.txt")
    if !FileManager.default.fileExists(atPath: input.path) || !FileManager.default.fileExists(atPath: dict.path) {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let t = Date()
        let synthetic = try SyntheticGlossary(count: entries)
        try glossaryXML(synthetic.glossary).write(to: dict, atomically: true, encoding: .utf8)
        var generator = BylineGenerator(synthetic: synthetic)
        let bytes = try generator.write(lines: lines, to: input)
        print(String(format: "data: %d entries, %d lines (%.1f MB) written in %.1f s to %@", entries, lines, Double(bytes) / 1e6,
                     Date().timeIntervalSince(t), dir.path))
    } else {
        print("data: reusing \(dir.path)")
    }

    // In process: where the time goes.
    var t = Date()
    let glossaries = try GlossarySet.load(files: [dict])
    print(String(format: "load glossary (%d entries): %.3f s", glossaries.entries.count, Date().timeIntervalSince(t)))
    t = Date()
    let engine = try LookupEngine(glossaries: glossaries.glossaries)
    let romanizer = try Romanizer.loadDefault()
    print(String(format: "build lookup engine and romanizer: %.3f s", Date().timeIntervalSince(t)))
    let normalizer = BylineNormalizer(resolver: LookupResolver(engine: engine), suggester: RomanizerSuggester(romanizer: romanizer))
    for jobs in [1, 2] {
        let pipeline = NormalizePipeline(normalizer: normalizer, configuration: .init(jobs: jobs))
        var written = 0
        let cpu0 = processCPUSeconds()
        t = Date()
        let report = try pipeline.run([try FileLineInput(path: input.path)]) { written += $0.bytes.count }
        let wall = Date().timeIntervalSince(t)
        let cpu = processCPUSeconds() - cpu0
        print(String(format: "in process, jobs %d: %d lines in %.3f s wall, %.3f s CPU: %.0f lines/s (%.0f lines per CPU second); %d changed, %d resolved, %d unresolved (%d distinct)",
                     jobs, report.linesRead, wall, cpu, Double(report.linesRead) / wall, Double(report.linesRead) / cpu,
                     report.linesChanged, report.namesResolved, report.namesUnresolved, report.unresolved.count))
    }

    // Whole process: the built CLI next to this benchmark.
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("onoma")
    guard FileManager.default.isExecutableFile(atPath: exe.path) else {
        print("whole process: \(exe.path) not built; run swift build -c release first")
        return
    }
    @discardableResult
    func run(jobs: Int, label: String) throws -> Double {
        let p = Process()
        p.executableURL = exe
        p.arguments = ["normalize", "--dict", dict.path, "--jobs", String(jobs), "--quiet", input.path]
        // Into a file: /dev/null is not always the null device on shared machines.
        let sink = dir.appendingPathComponent("output.txt")
        _ = FileManager.default.createFile(atPath: sink.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: sink)
        let cpu0 = childrenCPUSeconds()
        let t = Date()
        try p.run()
        p.waitUntilExit()
        let wall = Date().timeIntervalSince(t)
        let cpu = childrenCPUSeconds() - cpu0
        print(String(format: "whole process, jobs %d%@: %.3f s wall, %.3f s CPU: %.0f lines/s (exit %d)",
                     jobs, label as NSString, wall, cpu, Double(lines) / wall, p.terminationStatus))
        return wall
    }
    // The first run compiles the index cache beside the dictionary; later runs read it.
    try? FileManager.default.removeItem(at: dir.appendingPathComponent(".onoma-index"))
    try run(jobs: 2, label: " (cold: builds the index cache)")
    // Jobs 1 and 2 alternate, so that a slow spell of the machine hits both alike; the
    // speed-up is given per pair and as the ratio of the medians.
    let pairs = max(1, Int(ProcessInfo.processInfo.environment["ONOMA_BENCH_PAIRS"] ?? "") ?? 5)
    var one: [Double] = [], two: [Double] = []
    for k in 1...pairs {
        one.append(try run(jobs: 1, label: " (pair \(k))"))
        two.append(try run(jobs: 2, label: " (pair \(k))"))
    }
    let ratios = zip(one, two).map { $0 / $1 }.sorted()
    func median(_ v: [Double]) -> Double { let s = v.sorted(); return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2 }
    print(String(format: "whole process, %d alternating pairs: jobs 1 median %.3f s (%.0f lines/s), jobs 2 median %.3f s (%.0f lines/s); speed-up 1→2: %.2f× (median), per pair %.2f–%.2f×",
                 pairs, median(one), Double(lines) / median(one), median(two), Double(lines) / median(two),
                 median(one) / median(two), ratios.first!, ratios.last!))
}

/// CPU time (user + system) of the finished child processes.
func childrenCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// CPU time of the whole process (user + system), all threads.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// Writes a realistic mix of English, Korean and Chinese bylines naming the entries of a
/// synthetic glossary: who is credited follows a Zipf law (a few staff reporters sign most
/// lines), spellings vary (stored forms, other romanizations, capitals), and some names are in
/// no entry; agency credits, empty lines and lines without names are mixed in.
struct BylineGenerator {
    private var rng = SplitMix64(seed: 0x0B7E_11E5)
    private let english: [String]
    private let korean: [String]
    private let chinese: [String]
    private let variants: [String]
    private let misses: [String]

    init(synthetic: SyntheticGlossary) {
        var english: [String] = [], korean: [String] = [], chinese: [String] = []
        for entry in synthetic.glossary.entries where entry.kind == .person {
            if let en = entry.canonicalName(language: "en") { english.append(en.text) }
            if let ko = entry.names.first(where: { $0.language == "ko" }) { korean.append(ko.text) }
            if let zh = entry.names.first(where: { $0.language.hasPrefix("zh") }) { chinese.append(zh.text) }
        }
        var rng = SplitMix64(seed: 7)
        self.english = english.shuffled(using: &rng)
        self.korean = korean.shuffled(using: &rng)
        self.chinese = chinese.shuffled(using: &rng)
        variants = synthetic.queries(.romanization, count: 20_000).map(\.query)
        misses = synthetic.queries(.miss, count: 5_000).map { String($0.query.split(separator: " ")[0]) }
    }

    /// Zipf (s = 1) rank in 0..<n: rank r has probability ∝ 1/(r+1).
    private mutating func zipf(_ n: Int) -> Int {
        let u = Double(rng.next() >> 11) / Double(1 << 53)
        return min(n - 1, Int(exp(u * log(Double(n)))) - 1)
    }

    private mutating func pick(_ list: [String]) -> String { list.isEmpty ? "" : list[zipf(list.count)] }

    mutating func line() -> String {
        let roll = Int(rng.next() % 100)
        switch roll {
        case 0..<14: return "By \(pick(english))"
        case 14..<18: return "By \(pick(english)) (reporter\(rng.next() % 1000)@example.com)"
        case 18..<32: return "\(pick(korean)) 기자"
        case 32..<37: return "(서울=연합뉴스) \(pick(korean)) 기자 = 회의가 열렸다."
        case 37..<47: return "记者 \(pick(chinese))"
        case 47..<51: return "新华社记者\(pick(chinese))报道"
        case 51..<56: return "From Staff Reporter \(pick(english)) in Seoul"
        case 56..<63: return "By \(pick(english)) and \(pick(english))"
        case 63..<67: return "\(pick(korean))·\(pick(korean)) 기자"
        case 67..<75: return "By \(pick(variants))"
        case 75..<79: return "\(pick(misses)) 기자"
        case 79..<84: return "(Yonhap)"
        case 84..<87: return ""
        case 87..<91: return "Photo by \(pick(english)), The Korea Herald"
        case 91..<94: return "BY \(pick(english).uppercased())"
        case 94..<97: return "记者 \(pick(chinese))、\(pick(chinese))"
        default: return "The meeting ended at 5 p.m. on Tuesday."
        }
    }

    /// Writes `lines` lines; returns the number of bytes.
    mutating func write(lines: Int, to url: URL) throws -> Int {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer: [UInt8] = []
        var total = 0
        for _ in 0..<lines {
            buffer.append(contentsOf: line().utf8)
            buffer.append(0x0A)
            if buffer.count > 1 << 20 {
                try handle.write(contentsOf: buffer)
                total += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        return total + buffer.count
    }
}

