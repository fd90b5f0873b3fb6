import Foundation
import OnomaKit

/// Benchmarks `ChineseConverter`: table load time (the CLI pays it once per process) and
/// throughput of name mode per scheme, text mode, script conversion and the reverse parser,
/// on a deterministic set of synthetic names (common surnames + 1–2 given-name characters).
/// Run: `swift run -c release onoma-bench` (after wiring) on an otherwise idle core.
func chineseBench(_ args: [String]) throws {
    let count = args.first.flatMap(Int.init) ?? 1_000_000
    guard let dictionaries = OnomaData.defaultDirectory() else {
        print("chinese: Dictionaries/ not found (set ONOMA_DICTIONARIES)")
        return
    }
    // Load time: best of 5 (the first run includes reading the files from disk cache).
    var loadTimes: [Double] = []
    var loadCPU: [Double] = []
    var loaded: ChineseConverter?
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        var t0 = timespec(), t1 = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0)
        loaded = try? ChineseConverter(dictionaries: dictionaries)
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1)
        loadTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        loadCPU.append(Double(t1.tv_sec - t0.tv_sec) * 1e3 + Double(t1.tv_nsec - t0.tv_nsec) / 1e6)
    }
    guard let converter = loaded else {
        do { _ = try ChineseConverter(dictionaries: dictionaries) } catch { print("chinese: \(error)") }
        return
    }
    print(String(format: "chinese load: first %.1f ms wall (%.1f ms CPU), best %.1f ms wall (%.1f ms CPU)",
                 loadTimes[0], loadCPU[0], loadTimes.min()!, loadCPU.min()!))

    // Synthetic names from a fixed generator.
    let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金欧阳司马诸葛上官")
    let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红志建国文斌宇浩凯晨欣慈泽民艺谋婉儿占峰田海波云飞龙凤")
    var state: UInt64 = 0x9E3779B97F4A7C15
    func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }
    var list: [String] = []
    list.reserveCapacity(count)
    for _ in 0..<count {
        var name = ""
        if next(20) == 0 {
            let c = ["欧阳", "司马", "诸葛", "上官"][next(4)]
            name += c
        } else {
            name.append(surnames[next(surnames.count - 8)])
        }
        for _ in 0..<(1 + next(2)) { name.append(given[next(given.count)]) }
        list.append(name)
    }

    // Thread CPU time as well as wall time: the machine is shared, and names/s per core is what counts.
    func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    func measure(_ label: String, _ items: Int, _ body: () -> Int) {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = cpuSeconds()
        let sink = body()
        let cpu = cpuSeconds() - cpuStart
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "chinese %-24@ %10.0f names/s per core (CPU %.3f s; wall %.3f s) for %d names, check %d",
                     label as NSString, Double(items) / cpu, cpu, seconds, items, sink))
    }
    for scheme in ChineseScheme.allCases {
        measure("name \(scheme.rawValue)", list.count) {
            var total = 0
            for name in list { total &+= converter.romanizeName(name, scheme: scheme).output.utf8.count }
            return total
        }
    }
    measure("text pinyin", list.count) {
        var total = 0
        for name in list { total &+= converter.romanizeText(name, scheme: .pinyin).utf8.count }
        return total
    }
    measure("toTraditional", list.count) {
        var total = 0
        for name in list { total &+= converter.toTraditional(name).utf8.count }
        return total
    }
    measure("pinyinSyllables asName", list.count) {
        var total = 0
        for name in list { total &+= converter.pinyinSyllables(name, asName: true).count }
        return total
    }
    let romanized = list.prefix(100_000).map { converter.romanizeName($0, scheme: .pinyin).output }
    measure("parse(romanized:)", romanized.count) {
        var total = 0
        for name in romanized { total &+= converter.parse(romanized: name).count }
        return total
    }
}
