// wire: runEditingBench(arguments: [String]) — `onoma-bench editing [ENTRIES]`
import Foundation
import OnomaKit

/// Editing and interchange on a generated glossary (default 100,000 entries, 5 names each):
/// an edit (add, remove) against loading and writing the file once, and TBX/CSV/JSON import and
/// export. Prints one line per measurement: what, seconds, and sizes.
func runEditingBench(arguments: [String]) {
    let count = arguments.first.flatMap(Int.init) ?? 100_000
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-bench-editing-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("big.xml").path

    // Wall time and CPU time (user + system): the machine is shared, so CPU time is the
    // steadier figure.
    func cpu() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }
    func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now, cpu0 = cpu()
        let result = try body()
        let d = ContinuousClock.now - start
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        print("\(label.padding(toLength: 46, withPad: " ", startingAt: 0)) \(String(format: "%7.3f", seconds)) s wall \(String(format: "%7.3f", cpu() - cpu0)) s cpu")
        return result
    }

    var entries: [GlossaryEntry] = []
    entries.reserveCapacity(count)
    for i in 0..<count {
        entries.append(GlossaryEntry(id: "person-\(i)", kind: .person, names: [
            NameForm(language: "ko", text: "김민\(i)", family: "김", given: "민\(i)"),
            NameForm(language: "ko-Hani", text: "金民\(i)"),
            NameForm(language: "en", text: "Kim Min-\(i)", status: .preferred, family: "Kim", given: "Min-\(i)"),
            NameForm(language: "en", text: "Gim Min \(i)", type: .alias),
            NameForm(language: "ko-Latn", text: "Gim Min-\(i)", scheme: "rr"),
        ], notes: ["Generated entry \(i) for the editing benchmark"]))
    }
    let glossary = Glossary(name: "bench", title: "Editing benchmark", entries: entries)
    let bytes = time("generate + GlossaryWriter.write") { GlossaryWriter.write(glossary) }
    print("  file: \(count) entries, \(bytes.count / 1_000_000) MB")
    try! AtomicFile.write(bytes, to: path)

    // The baseline: load the DOM and write it back once.
    _ = time("baseline: DOM load + serialize + write") { () -> Int in
        let editor = try! GlossaryEditor(bytes: try! GlossaryFile.read(path), path: path)
        let out = editor.serialized()
        _ = FileManager.default.createFile(atPath: path + ".copy", contents: Data(out))
        return out.count
    }
    _ = time("validation alone (GlossaryValidator, full)") { GlossaryFile.validate(bytes, path: path).count }
    let options = GlossaryFile.WriteOptions()
    _ = time("dict add (lock, load, edit, validate, fsync)") {
        try! GlossaryFile.edit(path, options: options) { e throws(GlossaryEditError) in
            try e.add(GlossaryEntry(id: "added", kind: .person, names: [NameForm(language: "en", text: "Added")]))
        }
    }
    _ = time("dict remove (middle entry)") {
        try! GlossaryFile.edit(path, options: options) { e throws(GlossaryEditError) in try e.remove(ids: ["person-\(count / 2)"]) }
    }
    _ = time("dict set (last entry, add a name)") {
        try! GlossaryFile.edit(path, options: options) { e throws(GlossaryEditError) in
            try e.update(id: "person-\(count - 1)", EntryChange(names: [NameUpdate(language: "zh-Hans", text: "金民")]))
        }
    }
    _ = time("dict format (already canonical)") {
        try! GlossaryFile.edit(path, options: options) { e throws(GlossaryEditError) in e.format() }
    }
    let tbx = time("export TBX v2") { TBXExporter.export(glossary, version: .v2) }
    print("  TBX: \(tbx.count / 1_000_000) MB")
    let imported = time("import TBX v2") { try! TBXImporter.importGlossary(tbx, path: "b.tbx", name: "bench") }
    precondition(imported.glossary.entries.count == count)
    let tbx3 = time("export TBX v3") { TBXExporter.export(glossary, version: .v3) }
    _ = time("import TBX v3") { try! TBXImporter.importGlossary(tbx3, path: "b.tbx", name: "bench") }
    let csv = time("export CSV") { try! CSVExporter.export(glossary) }
    print("  CSV: \(csv.count / 1_000_000) MB")
    let fromCSV = time("import CSV") { try! CSVImporter.importGlossary(csv, path: "b.csv", name: "bench") }
    precondition(fromCSV.glossary.entries.count == count)
    _ = time("export JSON") { JSONExporter.export([glossary]).count }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print("peak RSS of the benchmark process: \(usage.ru_maxrss / 1024) MB")
}
