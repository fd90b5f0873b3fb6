import Foundation
import OnomaKit

/// Measures name-mode romanization per Korean scheme (names/s, one core, best of 5 runs),
/// text mode, and the reverse parser. Returns report lines.
func koreanBench(romanizer: KoreanRomanizer, names: [String]) -> [String] {
    var lines = [String]()
    func measure(_ label: String, count: Int, _ body: () -> Int) {
        // Best of 5 runs after a warm-up, timed in this thread's CPU time (names/s per core):
        // the machine is shared, and wall time would count the time other processes ran.
        var checksum = body(), seconds = Double.infinity, wall = Double.infinity
        for _ in 0..<5 {
            let start = threadCPUSeconds(), wallStart = DispatchTime.now().uptimeNanoseconds
            checksum = body()
            seconds = min(seconds, threadCPUSeconds() - start)
            wall = min(wall, Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9)
        }
        lines.append(String(format: "korean %-22@ %12.0f items/s per core  (%d items, %.3f s CPU, %.3f s wall, checksum %d)",
                            label as NSString, Double(count) / seconds, count, seconds, wall, checksum))
    }
    for scheme in KoreanScheme.allCases {
        measure("name \(scheme.rawValue)", count: names.count) {
            var total = 0
            for n in names { total &+= romanizer.romanizeName(n, scheme: scheme).output.utf8.count }
            return total
        }
    }
    measure("text rr", count: names.count) {
        var total = 0
        for n in names { total &+= romanizer.romanizeText(n, scheme: .rr).utf8.count }
        return total
    }
    let romanized = names.prefix(20_000).map { romanizer.romanizeName($0, scheme: .popular).output }
    measure("parse (popular)", count: romanized.count) {
        var total = 0
        for n in romanized { total &+= romanizer.parse(romanized: n).count }
        return total
    }
    // For comparison: ICU's rule-based Hangul-Latin (what `uconv -x Hangul-Latin` runs), in process.
    if let icu = try? ICU.Transliterator(id: "Hangul-Latin") {
        let sample = Array(names.prefix(200_000))
        measure("ICU Hangul-Latin", count: sample.count) {
            var total = 0
            for n in sample { total &+= ((try? icu.transform(n)) ?? "").utf8.count }
            return total
        }
    }
    let big = String(repeating: "한국 서울특별시 ", count: 100_000)
    measure("text rr 1.1 MB line", count: 1) { romanizer.romanizeText(big, scheme: .rr).utf8.count }
    return lines
}

/// CPU time used by the calling thread, in seconds.
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// `onoma-bench korean [COUNT]`: the Korean engine alone, per scheme and for reverse parsing.
func koreanEngineBench(_ args: [String]) throws {
    guard let dir = OnomaData.defaultDirectory() else { throw RomanizationError.dataNotFound }
    let romanizer = try KoreanRomanizer(dictionaries: dir)
    for line in koreanBench(romanizer: romanizer, names: SyntheticNames.korean(Int(args.first ?? "") ?? 1_000_000)) { print(line) }
}
