// wire: normalizeBench(_ args: [String]) throws
//   onoma-bench normalize-data DIR [ENTRIES=100000] [LINES=1000000]
//       writes DIR/synthetic.xml (a SyntheticGlossary) and DIR/bylines.txt (mixed bylines)
//   onoma-bench normalize DIR [JOBS...]
//       in-process: glossary load, engine build, then the pipeline over DIR/bylines.txt per JOBS
//   Whole-process figures: /usr/bin/time -v onoma normalize --dict DIR/synthetic.xml --jobs N DIR/bylines.txt >/dev/null
import Foundation
import OnomaKit

func normalizeBench(_ args: [String]) throws {
    guard let mode = args.first, args.count >= 2 else {
        print("usage: onoma-bench normalize-data DIR [ENTRIES] [LINES] | normalize DIR [JOBS...]")
        return
    }
    let dir = URL(fileURLWithPath: args[1])
    switch mode {
    case "normalize-data":
        let entries = args.count > 2 ? Int(args[2]) ?? 100_000 : 100_000
        let lines = args.count > 3 ? Int(args[3]) ?? 1_000_000 : 1_000_000
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let t = Date()
        let synthetic = try SyntheticGlossary(count: entries)
        try glossaryXML(synthetic.glossary).write(to: dir.appendingPathComponent("synthetic.xml"), atomically: true, encoding: .utf8)
        var generator = BylineGenerator(synthetic: synthetic)
        let bytes = try generator.write(lines: lines, to: dir.appendingPathComponent("bylines.txt"))
        print(String(format: "wrote %d entries and %d lines (%.1f MB) in %.1f s to %@", entries, lines, Double(bytes) / 1e6,
                     Date().timeIntervalSince(t), dir.path))
    case "normalize":
        let jobsList = args.dropFirst(2).compactMap(Int.init)
        var t = Date()
        let glossaries = try GlossarySet.load(files: [dir.appendingPathComponent("synthetic.xml")])
        print(String(format: "load glossary (%d entries): %.3f s", glossaries.entries.count, Date().timeIntervalSince(t)))
        t = Date()
        let engine = try LookupEngine(glossaries: glossaries.glossaries)
        let romanizer = try Romanizer.loadDefault()
        print(String(format: "build engine and romanizer: %.3f s", Date().timeIntervalSince(t)))
        let normalizer = BylineNormalizer(resolver: LookupResolver(engine: engine), suggester: RomanizerSuggester(romanizer: romanizer))
        let input = dir.appendingPathComponent("bylines.txt").path
        for jobs in jobsList.isEmpty ? [1, 2] : jobsList {
            let pipeline = NormalizePipeline(normalizer: normalizer, configuration: .init(jobs: jobs))
            var written = 0
            let cpu0 = processCPUSeconds()
            t = Date()
            let report = try pipeline.run([try FileLineInput(path: input)]) { written += $0.bytes.count }
            let wall = Date().timeIntervalSince(t)
            let cpu = processCPUSeconds() - cpu0
            print(String(format: "jobs %d: %d lines in %.3f s wall (%.3f s CPU): %.0f lines/s; %d changed, %d resolved, %d unresolved (%d distinct)",
                         jobs, report.linesRead, wall, cpu, Double(report.linesRead) / wall, report.linesChanged,
                         report.namesResolved, report.namesUnresolved, report.unresolved.count))
        }
    default:
        print("unknown mode \(mode)")
    }
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
    private var rng = SeededRandom(seed: 0x0B7E_11E5)
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
        var rng = SeededRandom(seed: 7)
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

/// SplitMix64, deterministic.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
