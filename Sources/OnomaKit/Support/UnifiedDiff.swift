/// Unified diffs (`diff -u` format) between two texts, for `--dry-run`.
public enum UnifiedDiff {
    /// The unified diff turning `old` into `new`, or "" when they are equal.
    /// - Parameters:
    ///   - oldName, newName: the names on the `---` and `+++` lines.
    ///   - context: unchanged lines shown around each change.
    /// - Complexity: linear in the common prefix and suffix; O((N+M)·D) on the changed middle
    ///   (Myers). A middle of more than 20,000 lines on both sides is shown as one replacement
    ///   hunk rather than searched for the shortest edit.
    public static func make(old: [UInt8], new: [UInt8], oldName: String, newName: String, context: Int = 3) -> String {
        guard old != new else { return "" }
        let a = lines(old), b = lines(new)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
        // Edit script: (op, line) with op " ", "-", "+".
        var script: [(Character, Substring)] = a[0..<prefix].map { (" ", $0) }
        if midA.count > 20_000 && midB.count > 20_000 {
            script += midA.map { ("-", $0) } + midB.map { ("+", $0) }
        } else {
            let difference = midB.difference(from: midA)
            var removed = Set<Int>(), inserted = Set<Int>()
            for change in difference {
                switch change {
                case .remove(let offset, _, _): removed.insert(offset)
                case .insert(let offset, _, _): inserted.insert(offset)
                }
            }
            var i = 0, j = 0
            while i < midA.count || j < midB.count {
                if i < midA.count, removed.contains(i) { script.append(("-", midA[i])); i += 1 }
                else if j < midB.count, inserted.contains(j) { script.append(("+", midB[j])); j += 1 }
                else { script.append((" ", midA[i])); i += 1; j += 1 }
            }
        }
        script += a[(a.count - suffix)...].map { (" ", $0) }

        var out = "--- \(oldName)\n+++ \(newName)\n"
        let changed = script.indices.filter { script[$0].0 != " " }
        // Line numbers before each script position, in each file.
        var oldAt = [Int](repeating: 1, count: script.count + 1), newAt = oldAt
        for (i, s) in script.enumerated() {
            oldAt[i + 1] = oldAt[i] + (s.0 != "+" ? 1 : 0)
            newAt[i + 1] = newAt[i] + (s.0 != "-" ? 1 : 0)
        }
        var k = 0
        while k < changed.count {
            let start = max(0, changed[k] - context)
            var end = changed[k]
            while k + 1 < changed.count, changed[k + 1] - end <= 2 * context + 1 { k += 1; end = changed[k] }
            end = min(script.count - 1, end + context)
            k += 1
            let oldLine = oldAt[start], newLine = newAt[start]
            let hunk = script[start...end]
            let oldCount = hunk.filter { $0.0 != "+" }.count, newCount = hunk.filter { $0.0 != "-" }.count
            out += "@@ -\(oldCount == 0 ? oldLine - 1 : oldLine),\(oldCount) +\(newCount == 0 ? newLine - 1 : newLine),\(newCount) @@\n"
            for (op, line) in hunk { out += "\(op)\(line)\n" }
        }
        return out
    }

    private static func lines(_ bytes: [UInt8]) -> [Substring] {
        let text = String(decoding: bytes, as: UTF8.self)
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        if parts.last == "" { parts.removeLast() }
        return parts
    }
}
