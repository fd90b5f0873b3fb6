// wire: ("dictionary", "load, lint and validate a generated 100,000-entry glossary, in process", dictionaryBench)
// wire: ("dictionary-cli", "onoma dict stats/validate vs xmllint --schema on it, whole process, time and peak RSS", dictionaryCLIBench)
import Foundation
import OnomaKit

/// `onoma-bench dictionary [ENTRIES]`: generates (once) a glossary of ENTRIES entries (default
/// 100,000: 5 names and a note each, ~50 MB) under `bench-data/`, then times, best of 3:
/// loading it (GlossaryLoader), lint (rules without schema) and validate (schema + rules).
func dictionaryBench(_ args: [String]) throws {
    let entries = args.first.flatMap(Int.init) ?? 100_000
    let file = try DictionaryBench.generatedFile(entries: entries)
    let megabytes = Double(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0) / 1e6
    print(String(format: "glossary: %@ (%d entries, %.1f MB)", file.path, entries, megabytes))
    var count = 0
    let load = try DictionaryBench.best {
        count = try GlossaryLoader.load(contentsOf: file).entries.count
    }
    DictionaryBench.report("load (GlossaryLoader, streaming SAX2)", seconds: load, megabytes: megabytes, entries: count)
    let lint = try GlossaryValidator(level: .lint)
    var diagnostics = 0
    let lintTime = DictionaryBench.best { diagnostics = lint.validate(files: [file]).diagnostics.count }
    DictionaryBench.report("lint (structure + rules) [\(diagnostics) diagnostics]", seconds: lintTime, megabytes: megabytes, entries: count)
    let full = try GlossaryValidator(level: .full)
    let fullTime = DictionaryBench.best { diagnostics = full.validate(files: [file]).diagnostics.count }
    DictionaryBench.report("validate (schema + rules) [\(diagnostics) diagnostics]", seconds: fullTime, megabytes: megabytes, entries: count)
}

/// `onoma-bench dictionary-cli [ENTRIES]`: whole-process wall time and peak RSS of
/// `onoma dict stats`, `onoma dict lint`, `onoma dict validate` and
/// `xmllint --noout --schema onoma-glossary.xsd` (and `xmllint --stream --schema`) on the
/// generated glossary, best of 3 each.
func dictionaryCLIBench(_ args: [String]) throws {
    let entries = args.first.flatMap(Int.init) ?? 100_000
    let file = try DictionaryBench.generatedFile(entries: entries)
    guard let schema = GlossaryValidator.shippedSchemaURL?.path else {
        throw DictionaryBench.Failure("the shipped schema was not found; set ONOMA_DICTIONARIES")
    }
    let onoma = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("onoma").path
    let runs: [(String, String, [String])] = [
        ("onoma dict stats", onoma, ["dict", "stats", file.path]),
        ("onoma dict lint", onoma, ["dict", "lint", file.path]),
        ("onoma dict validate", onoma, ["dict", "validate", file.path]),
        ("xmllint --noout --schema", "/usr/bin/xmllint", ["--noout", "--schema", schema, file.path]),
        ("xmllint --noout --stream --schema", "/usr/bin/xmllint", ["--noout", "--stream", "--schema", schema, file.path]),
    ]
    print("glossary: \(file.path) (\(entries) entries)")
    for (label, executable, arguments) in runs {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            print("\(label): \(executable) not found, skipped")
            continue
        }
        var best = (seconds: Double.infinity, cpu: 0.0, rss: 0, status: Int32(0))
        for _ in 0..<3 {
            let run = try DictionaryBench.runProcess(executable, arguments)
            if run.seconds < best.seconds { best = run }
        }
        print(label.padding(toLength: 36, withPad: " ", startingAt: 0)
              + String(format: "%7.3f s wall  %6.3f s CPU  %7.1f MB peak RSS  exit %d", best.seconds, best.cpu, Double(best.rss) / 1024, best.status))
    }
}

/// The generator and timing helpers of the dictionary benchmarks.
enum DictionaryBench {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ message: String) { description = message }
    }

    /// Syllables of generated given names: Hangul, Revised Romanization, the usual spelling, a
    /// Hanja. 48 of them, so 3-syllable given names are unique for 110,592 entries.
    static let syllables: [(hangul: String, rr: String, popular: String, hanja: String)] = [
        ("민", "min", "min", "民"), ("준", "jun", "joon", "俊"), ("서", "seo", "seo", "瑞"), ("연", "yeon", "yeon", "妍"),
        ("지", "ji", "ji", "智"), ("수", "su", "soo", "秀"), ("현", "hyeon", "hyun", "賢"), ("우", "u", "woo", "宇"),
        ("진", "jin", "jin", "珍"), ("영", "yeong", "young", "英"), ("하", "ha", "ha", "夏"), ("은", "eun", "eun", "恩"),
        ("재", "jae", "jae", "在"), ("성", "seong", "sung", "成"), ("동", "dong", "dong", "東"), ("호", "ho", "ho", "浩"),
        ("석", "seok", "suk", "錫"), ("정", "jeong", "jung", "貞"), ("희", "hui", "hee", "熙"), ("경", "gyeong", "kyung", "京"),
        ("태", "tae", "tae", "泰"), ("유", "yu", "yoo", "柔"), ("상", "sang", "sang", "尙"), ("원", "won", "won", "元"),
        ("혜", "hye", "hye", "惠"), ("미", "mi", "mi", "美"), ("윤", "yun", "yoon", "允"), ("승", "seung", "seung", "承"),
        ("철", "cheol", "chul", "哲"), ("용", "yong", "yong", "容"), ("주", "ju", "joo", "柱"), ("광", "gwang", "kwang", "光"),
        ("명", "myeong", "myung", "明"), ("선", "seon", "sun", "善"), ("도", "do", "do", "道"), ("한", "han", "han", "漢"),
        ("규", "gyu", "kyu", "圭"), ("범", "beom", "bum", "範"), ("환", "hwan", "hwan", "煥"), ("혁", "hyeok", "hyuk", "赫"),
        ("나", "na", "na", "娜"), ("아", "a", "ah", "雅"), ("소", "so", "so", "素"), ("예", "ye", "ye", "藝"),
        ("인", "in", "in", "仁"), ("훈", "hun", "hoon", "勳"), ("건", "geon", "gun", "建"), ("찬", "chan", "chan", "燦"),
    ]
    static let surnames: [(hangul: String, rr: String, popular: String, hanja: String)] = [
        ("김", "Gim", "Kim", "金"), ("이", "I", "Lee", "李"), ("박", "Bak", "Park", "朴"), ("최", "Choe", "Choi", "崔"),
        ("정", "Jeong", "Jung", "鄭"), ("강", "Gang", "Kang", "姜"), ("조", "Jo", "Cho", "趙"), ("윤", "Yun", "Yoon", "尹"),
        ("장", "Jang", "Jang", "張"), ("임", "Im", "Lim", "林"),
    ]

    /// `bench-data/glossary-<entries>.xml`, generated when missing. Deterministic: entry i gets
    /// given-name syllables from the digits of i in base 48, so every name is unique and the
    /// file validates clean.
    static func generatedFile(entries: Int) throws -> URL {
        let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("bench-data")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("glossary-\(entries).xml")
        if FileManager.default.fileExists(atPath: url.path) { return url }
        guard entries <= syllables.count * syllables.count * syllables.count * surnames.count else {
            throw Failure("at most \(syllables.count * syllables.count * syllables.count * surnames.count) unique entries can be generated")
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<glossary xmlns=\"urn:onoma:glossary:1\" name=\"bench-\(entries)\">\n  <title>Generated benchmark glossary (\(entries) entries)</title>\n"
        out.reserveCapacity(entries * 520)
        let n = syllables.count
        for i in 0..<entries {
            let s1 = syllables[i % n], s2 = syllables[(i / n) % n], s3 = syllables[(i / (n * n)) % n]
            let family = surnames[(i / (n * n * n)) % surnames.count]
            let givenHangul = s1.hangul + s2.hangul + s3.hangul
            let givenHanja = s1.hanja + s2.hanja + s3.hanja
            let givenPopular = s1.popular.capitalized + "-" + s2.popular + s3.popular
            let givenRR = s1.rr.capitalized + "-" + s2.rr + "-" + s3.rr
            let id = "p" + String(i + 1)
            out += """
              <entry id="\(id)" kind="person">
                <name xml:lang="ko" status="preferred" family="\(family.hangul)" given="\(givenHangul)">\(family.hangul)\(givenHangul)</name>
                <name xml:lang="ko-Hani" status="preferred" family="\(family.hanja)" given="\(givenHanja)">\(family.hanja)\(givenHanja)</name>
                <name xml:lang="en" status="preferred" family="\(family.popular)" given="\(givenPopular)">\(family.popular) \(givenPopular)</name>
                <name xml:lang="ko-Latn" scheme="rr" family="\(family.rr)" given="\(givenRR)">\(family.rr) \(givenRR)</name>
                <name xml:lang="en" status="deprecated">\(givenPopular) \(family.popular)</name>
                <note>Generated person \(i + 1), a source quoted in 2014</note>
              </entry>

            """
        }
        out += "</glossary>\n"
        try out.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Best of 3 runs: wall seconds and the CPU seconds (user + system) of that run; the CPU
    /// figure is the one to trust on a machine shared with other work.
    static func best(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        var best = (wall: Double.infinity, cpu: 0.0)
        for _ in 0..<3 {
            let cpuStart = cpuSeconds()
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if wall < best.wall { best = (wall, cpuSeconds() - cpuStart) }
        }
        return best
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func report(_ label: String, seconds: (wall: Double, cpu: Double), megabytes: Double, entries: Int) {
        print(label.padding(toLength: 52, withPad: " ", startingAt: 0)
              + String(format: "%7.3f s wall  %6.3f s CPU  %6.1f MB/s  %9.0f entries/s", seconds.wall, seconds.cpu, megabytes / seconds.wall, Double(entries) / seconds.wall))
    }

    /// Runs a command with output discarded; wall seconds, CPU seconds and peak RSS (KiB),
    /// from wait4 on a child started with posix_spawn (Foundation's Process may reap the
    /// child itself, and then wait4 sees nothing).
    static func runProcess(_ executable: String, _ arguments: [String]) throws -> (seconds: Double, cpu: Double, rss: Int, status: Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure("cannot run \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return (seconds, cpu, Int(usage.ru_maxrss), exitStatus)
    }

}
