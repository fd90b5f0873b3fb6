// wire: koreanBench(romanizer: KoreanRomanizer, names: [String]) -> [String]
//   e.g. in main.swift: let k = try KoreanRomanizer(dictionaries: OnomaData.defaultDirectory()!)
//        for line in koreanBench(romanizer: k, names: koreanBenchNames(count: 1_000_000)) { print(line) }
import Foundation
import OnomaKit

/// A reproducible list of Korean names: surnames weighted like the census top (김 이 박 …),
/// given names from common syllables; a fixed LCG seed, so every run uses the same names.
func koreanBenchNames(count: Int) -> [String] {
    let surnames = Array("김김김김김이이이이박박박최정정강조윤장임한오서신권황안송류홍") + ["남궁", "황보", "제갈", "선우"].map { Character($0) }
    let given = Array("영수현희찬욱강인호연성진경화신종중근혜구기문재명대무석열흥민지병우준용태동상덕교하나은서윤원선주혁규빈")
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ n: Int) -> Int {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Int((seed >> 33) % UInt64(n))
    }
    return (0..<count).map { i in
        let s = i % 97 == 0 ? ["남궁", "황보", "제갈", "선우"][next(4)] : String(surnames[next(surnames.count)])
        let syllables = next(10) == 0 ? 1 : 2
        return s + String((0..<syllables).map { _ in given[next(given.count)] })
    }
}

/// Measures name-mode romanization per Korean scheme (names/s, one core, best of 5 runs),
/// text mode, and the reverse parser. Returns report lines.
func koreanBench(romanizer: KoreanRomanizer, names: [String]) -> [String] {
    var lines = [String]()
    func measure(_ label: String, count: Int, _ body: () -> Int) {
        // Best of 5 runs after a warm-up: the machine is shared, the best run is the least disturbed.
        var checksum = body(), seconds = Double.infinity
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            checksum = body()
            seconds = min(seconds, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        lines.append(String(format: "korean %-22@ %12.0f items/s  (%d items, %.3f s, checksum %d)", label as NSString, Double(count) / seconds, count, seconds, checksum))
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
    let big = String(repeating: "한국 서울특별시 ", count: 100_000)
    measure("text rr 1.1 MB line", count: 1) { romanizer.romanizeText(big, scheme: .rr).utf8.count }
    return lines
}
