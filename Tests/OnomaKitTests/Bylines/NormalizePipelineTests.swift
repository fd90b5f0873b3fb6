import OnomaKit
import Testing

@Suite struct NormalizePipelineTests {
    let normalizer = BylineNormalizer(resolver: TableResolver(), suggester: TableSuggester())

    func run(_ input: [UInt8], _ configuration: NormalizePipeline.Configuration = .init(jobs: 1)) throws -> (output: [UInt8], report: NormalizeReport, invalid: [NormalizeReport.InvalidLine]) {
        let pipeline = NormalizePipeline(normalizer: normalizer, configuration: configuration)
        var output: [UInt8] = []
        var invalid: [NormalizeReport.InvalidLine] = []
        let report = try pipeline.run([MemoryLineInput(input)]) { chunk in
            output.append(contentsOf: chunk.bytes)
            invalid.append(contentsOf: chunk.invalidLines)
        }
        return (output, report, invalid)
    }

    func text(_ s: String, _ configuration: NormalizePipeline.Configuration = .init(jobs: 1)) throws -> String {
        String(decoding: try run(Array(s.utf8), configuration).output, as: UTF8.self)
    }

    @Test func emptyInputGivesEmptyOutput() throws {
        let r = try run([])
        #expect(r.output.isEmpty)
        #expect(r.report.linesRead == 0)
    }

    @Test(arguments: [
        ("\n", "\n"),
        ("\n\n\n", "\n\n\n"),
        ("By 고영아", "By Koh Young-aah\n"),            // no final newline: still one line
        ("By 고영아\r\n(Yonhap)\r\n", "By Koh Young-aah\r\n(Yonhap)\r\n"),
        ("(Yonhap)\n\nBy 고영아\n", "(Yonhap)\n\nBy Koh Young-aah\n"),
    ])
    func oneOutputLinePerInputLine(_ input: String, _ expected: String) throws {
        #expect(try text(input) == expected)
    }

    @Test func invalidUTF8IsPassedThroughByteForByteAndReported() throws {
        let bad: [UInt8] = [0x42, 0x79, 0x20, 0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80] // 0xFF, a broken pair, a surrogate
        var input = Array("By 고영아\n".utf8)
        input += bad + [0x0A]
        input += Array("记者 杨占峰\n".utf8)
        let r = try run(input)
        var expected = Array("By Koh Young-aah\n".utf8)
        expected += bad + [0x0A]
        expected += Array("记者 Yang Zhanfeng\n".utf8)
        #expect(r.output == expected)
        #expect(r.invalid == [NormalizeReport.InvalidLine(source: "-", line: 2)])
        #expect(r.report.invalidLines == 1)
        #expect(r.report.linesRead == 3)
    }

    @Test func invalidUTF8IsReplacedOnRequest() throws {
        let input: [UInt8] = Array("By 고영아 ".utf8) + [0xFF] + [0x0A]
        let r = try run(input, .init(invalidUTF8: .replace, jobs: 1))
        #expect(String(decoding: r.output, as: UTF8.self) == "By Koh Young-aah \u{FFFD}\n")
        #expect(r.report.invalidLines == 1)
    }

    @Test func invalidUTF8InJSONLinesIsMarked() throws {
        let input: [UInt8] = [0x61, 0xFE, 0x0A]
        let r = try run(input, .init(format: .jsonl, jobs: 1))
        #expect(String(decoding: r.output, as: UTF8.self) ==
                #"{"line":1,"input":"a\#u{FFFD}","output":"a\#u{FFFD}","names":[],"invalidUTF8":true}"# + "\n")
    }

    @Test func validUTF8EdgeCasesAreAccepted() throws {
        // U+FFFF, U+10FFFF, U+0080, U+07FF: valid, must not be reported.
        let line = "\u{80}\u{7FF}\u{FFFF}\u{10FFFF}"
        let r = try run(Array((line + "\n").utf8))
        #expect(r.report.invalidLines == 0)
        #expect(r.output == Array((line + "\n").utf8))
    }

    @Test func tenMegabyteLine() throws {
        var line = "By 고영아 and Kim Sin-jong; "
        let unit = Array(line.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10_500_000)
        while bytes.count < 10_000_000 { bytes += unit }
        line = ""
        let input = Array("(Yonhap)\n".utf8) + bytes + [0x0A] + Array("记者 杨占峰\n".utf8)
        let r = try run(input)
        let lines = r.output.split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(lines.count == 4) // three lines and the empty tail after the last "\n"
        #expect(String(decoding: lines[2], as: UTF8.self) == "记者 Yang Zhanfeng")
        let repeats = bytes.count / unit.count
        #expect(r.report.namesResolved == 2 * repeats + 1)
        #expect(lines[1].starts(with: Array("By Koh Young-aah and Kim Shin-jong; By Koh".utf8)))
    }

    @Test func lineCountAndOrderDoNotDependOnJobs() throws {
        // 60,000 generated lines, numbered so that any reordering shows.
        let shapes = ["By 고영아", "记者 杨占峰", "By Yang Zhan Feng and Koh Young-aah", "(Yonhap)", "",
                      "홍길동 기자", "From Staff Reporter Kim Sin-jong in Seoul"]
        var input: [UInt8] = []
        for k in 0..<60_000 {
            input += Array("\(shapes[k % shapes.count]) #\(k)\n".utf8)
            if k % 9_973 == 0 { input += [0xFF, 0x0A] }
        }
        let small = NormalizePipeline.Configuration(jobs: 1, batchLines: 700, batchBytes: 1 << 14)
        let one = try run(input, small)
        var two = small
        two.jobs = 2
        let parallel = try run(input, two)
        var four = small
        four.jobs = 4
        let many = try run(input, four)
        #expect(one.output == parallel.output)
        #expect(one.output == many.output)
        #expect(one.report == parallel.report)
        #expect(one.invalid == parallel.invalid)
        let lines = one.output.split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(lines.count == input.split(separator: 0x0A, omittingEmptySubsequences: false).count)
        #expect(one.report.linesRead == 60_000 + 7)
    }

    @Test func reportCountsUnresolvedNamesMostFrequentFirst() throws {
        let input = "홍길동 기자\nBy 고영아\n记者 王小明\n홍길동·고영아 기자\nBy Ko Young-a\n"
        let r = try run(Array(input.utf8))
        #expect(r.report.linesRead == 5)
        #expect(r.report.linesChanged == 3)
        #expect(r.report.namesResolved == 3)
        #expect(r.report.namesUnresolved == 3)
        #expect(r.report.unresolved.map(\.text) == ["홍길동", "王小明"])
        #expect(r.report.unresolved.map(\.count) == [2, 1])
        #expect(r.report.unresolved.map(\.suggestion) == ["Hong Gil-dong", "Wang Xiaoming"])
    }

    @Test func jsonLinesFollowTheContract() throws {
        let out = try text("By 고영아\n(Yonhap)\n홍길동 기자\n", .init(format: .jsonl, jobs: 1))
        #expect(out == """
        {"line":1,"input":"By 고영아","output":"By Koh Young-aah","names":[{"start":3,"end":6,"text":"고영아","id":"koh-young-aah","canonical":"Koh Young-aah","score":1.0,"method":"exact"}]}
        {"line":2,"input":"(Yonhap)","output":"(Yonhap)","names":[]}
        {"line":3,"input":"홍길동 기자","output":"홍길동 기자","names":[{"start":0,"end":3,"text":"홍길동","id":null,"canonical":null,"score":null,"suggestion":"Hong Gil-dong"}]}

        """)
    }

    @Test func namesakesInJSONLinesAndReport() throws {
        let pipeline = NormalizePipeline(normalizer: BylineNormalizer(resolver: BylineNormalizerTests.NamesakeResolver()),
                                         configuration: .init(format: .jsonl, jobs: 1))
        var out: [UInt8] = []
        let report = try pipeline.run([MemoryLineInput(Array("김민준 기자\n记者 张建力\n".utf8))]) { out += $0.bytes }
        #expect(String(decoding: out, as: UTF8.self) == """
        {"line":1,"input":"김민준 기자","output":"김민준 기자","names":[{"start":0,"end":3,"text":"김민준","id":null,"canonical":null,"score":1.0,"candidates":["p1","p2"]}]}
        {"line":2,"input":"记者 张建力","output":"记者 Zhang Jianli","names":[{"start":3,"end":6,"text":"张建力","id":"p3","canonical":"Zhang Jianli","score":1.0,"homographs":["p4"]}]}

        """)
        #expect(report.namesAmbiguous == 1 && report.namesResolved == 1 && report.namesUnresolved == 0)
        #expect(report.unresolved.isEmpty)
    }

    @Test func jsonIsOneArrayStreamed() throws {
        let small = NormalizePipeline.Configuration(format: .json, jobs: 2, batchLines: 1)
        #expect(try text("", small) == "[]\n")
        #expect(try text("(Yonhap)\n\n", small) == """
        [
        {"line":1,"input":"(Yonhap)","output":"(Yonhap)","names":[]},
        {"line":2,"input":"","output":"","names":[]}
        ]

        """)
    }

    @Test func tsvEscapesTabs() throws {
        let out = try text("By 고영아\ta\\b\n", .init(format: .tsv, jobs: 1))
        #expect(out == "1\tBy 고영아\\ta\\\\b\tBy Koh Young-aah\\ta\\\\b\tkoh-young-aah\n")
    }

    @Test func severalSourcesAreReadInTurn() throws {
        let pipeline = NormalizePipeline(normalizer: normalizer, configuration: .init(format: .tsv, jobs: 2))
        var output: [UInt8] = []
        _ = try pipeline.run([MemoryLineInput(Array("By 고영아".utf8), name: "a"),
                              MemoryLineInput(Array("记者 杨占峰\n".utf8), name: "b")]) { output += $0.bytes }
        #expect(String(decoding: output, as: UTF8.self) ==
                "1\tBy 고영아\tBy Koh Young-aah\tkoh-young-aah\n2\t记者 杨占峰\t记者 Yang Zhanfeng\tyang-zhanfeng\n")
    }

    /// An input that fails after `good` bytes, as a disk or a pipe can.
    final class FailingInput: LineInput {
        let name = "failing"
        let size: Int? = nil
        private var bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            guard !bytes.isEmpty else { throw NormalizeError.readFailed(name: name, reason: "Input/output error") }
            let n = min(buffer.count, bytes.count, 1000)
            buffer.copyBytes(from: bytes[..<n])
            bytes.removeFirst(n)
            return n
        }
    }

    /// A read error ends the run with that error, after every line read before it is written
    /// (complete lines only, in order), at any number of jobs.
    @Test(arguments: [1, 2, 3])
    func readFailureWritesWhatWasReadThenThrows(_ jobs: Int) throws {
        var input: [UInt8] = []
        for k in 0..<3_000 { input += Array("By 고영아 #\(k)\n".utf8) }
        let pipeline = NormalizePipeline(normalizer: normalizer, configuration: .init(jobs: jobs, batchLines: 50, batchBytes: 1 << 12))
        var output: [UInt8] = []
        #expect(throws: NormalizeError.self) {
            _ = try pipeline.run([FailingInput(input)]) { output += $0.bytes }
        }
        let lines = output.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        #expect(lines.count > 0 && lines.count <= 3_000)
        for (k, line) in lines.enumerated() { #expect(line == "By Koh Young-aah #\(k)") }
    }

    struct Full: Error {}

    /// When the output fails (a full disk, a closed pipe), the run stops with that error and
    /// nothing is written after the failure, whatever the number of jobs.
    @Test(arguments: [1, 2, 4])
    func writeFailureStopsTheRun(_ jobs: Int) throws {
        var input: [UInt8] = []
        for k in 0..<20_000 { input += Array("记者 杨占峰 \(k)\n".utf8) }
        let pipeline = NormalizePipeline(normalizer: normalizer, configuration: .init(jobs: jobs, batchLines: 100, batchBytes: 1 << 14))
        var calls = 0
        #expect(throws: Full.self) {
            _ = try pipeline.run([MemoryLineInput(input)]) { _ in
                calls += 1
                if calls == 5 { throw Full() }
            }
        }
        #expect(calls == 5)
    }
}

