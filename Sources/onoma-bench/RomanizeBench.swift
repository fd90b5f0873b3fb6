import Foundation
import OnomaKit

/// Realistic synthetic names for the romanization benchmarks: common surnames weighted towards
/// the most frequent, two given-name syllables from common name syllables.
enum SyntheticNames {
    // Benchmark input only (not reference data): frequent surnames and given-name syllables.
    static let koreanSurnames = Array("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부황보남궁제갈선우독고").map(String.init)
    static let koreanGiven = Array("영민수현지준서연우진성희은정호경하윤재동상승혜미선아유나주원태석철용훈기광소예다채시한결찬웅인").map(String.init)
    static let chineseSurnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").map(String.init)
    static let chineseGiven = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国红文辉力志海云飞鹏宇浩轩子涵欣怡梓萱思雨晨博宁佳琪俊杨占峰泽民慈艺谋镕基婉儿田艳").map(String.init)

    /// `count` Korean names (about 5% with a compound surname).
    static func korean(_ count: Int, seed: UInt64 = 42) -> [String] {
        var g = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            // Skew towards the first (most frequent) surnames, as in reality.
            let r = Double(g.next() % 10_000) / 10_000
            let i = min(Int(r * r * Double(koreanSurnames.count)), koreanSurnames.count - 1)
            return koreanSurnames[i] + koreanGiven.randomElement(using: &g)! + koreanGiven.randomElement(using: &g)!
        }
    }

    /// `count` Chinese names in simplified characters (one or two given-name characters).
    static func chinese(_ count: Int, seed: UInt64 = 7) -> [String] {
        var g = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let r = Double(g.next() % 10_000) / 10_000
            let i = min(Int(r * r * Double(chineseSurnames.count)), chineseSurnames.count - 1)
            var name = chineseSurnames[i] + chineseGiven.randomElement(using: &g)!
            if g.next() % 4 != 0 { name += chineseGiven.randomElement(using: &g)! }
            return name
        }
    }

    /// Writes names one per line and returns the file.
    static func write(_ names: [String], to name: String) throws -> URL {
        let url = Bench.dataDirectory.appendingPathComponent(name)
        try (names.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}

/// In-process names/s for every scheme on 200,000 names.
func romanizeBench(_ args: [String]) throws {
    let loadTime = try Bench.best(repeats: 3) { _ = try Romanizer.loadDefault() }
    Bench.report("load reference tables", items: 1, seconds: loadTime, unit: "loads")
    let romanizer = try Romanizer.loadDefault()
    let korean = SyntheticNames.korean(200_000)
    let chinese = SyntheticNames.chinese(200_000)
    let koreanSchemes: [(RomanizationScheme, Bool)] = [(.rr, false), (.mr, false), (.mrASCII, false), (.yale, false), (.popular, false), (.rr, true), (.mr, true)]
    let chineseSchemes: [(RomanizationScheme, Bool)] = [(.pinyin, false), (.pinyinTones, false), (.pinyinNumbers, false), (.wadeGiles, false),
                                                        (.hangul, false), (.sinoKorean, false), (.traditional, false), (.simplified, false)]
    let cases = koreanSchemes.map { ($0.0, korean, $0.1, "Korean") } + chineseSchemes.map { ($0.0, chinese, $0.1, "Chinese") }
    for (scheme, names, text, label) in cases {
        let options = RomanizationOptions(scheme: scheme, text: text)
        var sink = 0
        let t = Bench.best {
            for n in names { sink &+= romanizer.romanize(n, options: options).output.utf8.count }
        }
        precondition(sink > 0)
        Bench.report("romanize \(scheme.rawValue)\(text ? " --text" : "") (\(label))", items: names.count, seconds: t, unit: "names")
    }
}

/// Whole-process `onoma romanize` against `uconv -x Hangul-Latin` / `uconv -x Han-Latin` on the
/// same 1,000,000-name files (the issue's targets: ≥ 3× and ≥ 20×).
func romanizeCLIBench(_ args: [String]) throws {
    let count = Int(args.first ?? "") ?? 1_000_000
    let koreanFile = try SyntheticNames.write(SyntheticNames.korean(count), to: "korean-\(count).txt")
    let chineseFile = try SyntheticNames.write(SyntheticNames.chinese(count), to: "chinese-\(count).txt")
    let uconv = "/usr/bin/uconv"
    guard FileManager.default.isExecutableFile(atPath: uconv) else {
        print("uconv not found (apt-get install icu-devtools) — cannot compare")
        return
    }
    for (label, file, scheme, transform) in [("Korean", koreanFile, "rr", "Hangul-Latin"), ("Chinese", chineseFile, "pinyin", "Han-Latin")] {
        var onomaBest = Double.infinity, uconvBest = Double.infinity, rss = 0
        for _ in 0..<3 {
            let o = try Bench.runProcess(Bench.onomaExecutable, ["romanize", "--scheme", scheme], stdin: file)
            precondition(o.status == 0, "onoma romanize failed with status \(o.status)")
            if o.seconds < onomaBest { onomaBest = o.seconds; rss = o.maxRSSKiB }
        }
        // uconv is slow on Han; one run of it is enough to compare.
        let u = try Bench.runProcess(uconv, ["-x", transform], stdin: file)
        uconvBest = u.seconds
        Bench.report("onoma romanize --scheme \(scheme) (\(label))", items: count, seconds: onomaBest, unit: "names")
        Bench.report("uconv -x \(transform) (\(label))", items: count, seconds: uconvBest, unit: "names")
        print(String(format: "  speed-up %.1f×, onoma peak RSS %d MiB", uconvBest / onomaBest, rss / 1024))
    }
}
