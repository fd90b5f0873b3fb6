/// A conflict found while merging glossaries. Conflicts are never resolved silently.
public struct MergeConflict: Sendable, Hashable, CustomStringConvertible {
    /// What conflicts.
    public enum Kind: Sendable, Hashable {
        /// The same id with different content in two inputs.
        case sameID(String)
        /// The same name form (language and text, case-folded) under two ids from different inputs.
        case sharedForm(language: String, text: String, ids: [String])
    }
    /// What conflicts.
    public var kind: Kind
    /// Where each side is.
    public var locations: [SourceLocation]

    /// Creates a conflict.
    public init(kind: Kind, locations: [SourceLocation]) {
        self.kind = kind
        self.locations = locations
    }

    public var description: String {
        let places = locations.map(\.description).joined(separator: " and ")
        switch kind {
        case .sameID(let id): return "id '\(id)' has different content in \(places)"
        case .sharedForm(let language, let text, let ids):
            return "the name \(language):\(text) belongs to \(ids.map { "'\($0)'" }.joined(separator: " and ")) (\(places)); if they are one entry, merge them by hand; if they are homographs, pass --allow-homographs"
        }
    }
}

/// Merges several glossaries into the first one, keeping the first file's layout, comments and
/// entry order, and appending the other files' new entries in their order.
public enum GlossaryMerger {
    /// How to resolve entries with the same id and different content.
    public enum Preference: String, Sendable, CaseIterable {
        /// Do not resolve: report a conflict.
        case none
        /// Keep the entry of the earliest input.
        case first
        /// Keep the entry of the latest input (replacing the earlier one in place).
        case last
    }

    /// The merged file and what conflicted.
    public struct Result: Sendable {
        /// The merged glossary; nil when there are unresolved conflicts.
        public var output: [UInt8]?
        /// Conflicts that prevent the merge.
        public var conflicts: [MergeConflict]
        /// Conflicts resolved by the chosen preference or allowed by the caller, for reporting.
        public var resolved: [MergeConflict]
    }

    /// Merges `inputs` (path and bytes), the first being the base.
    /// - Parameters:
    ///   - prefer: how to resolve an id with different content in two inputs.
    ///   - allowSharedForms: accept the same name form under two ids (homographs), reporting
    ///     them in `resolved`.
    /// - Throws: `GlossaryEditError` when an input is not a readable glossary.
    /// - Complexity: linear in the total size of the inputs.
    public static func merge(_ inputs: [(path: String, bytes: [UInt8])], prefer: Preference = .none,
                             allowSharedForms: Bool = false) throws(GlossaryEditError) -> Result {
        guard let first = inputs.first else { return Result(output: nil, conflicts: [], resolved: []) }
        let base = try GlossaryEditor(bytes: first.bytes, path: first.path)
        var merged: [String: (entry: GlossaryEntry, input: Int)] = [:]
        for element in base.document.entryElements {
            let e = try base.document.entry(from: element)
            if merged[e.id] == nil { merged[e.id] = (e, 0) }
        }
        var conflicts: [MergeConflict] = [], resolved: [MergeConflict] = []
        var layout = GlossaryEditor.Layout(root: base.document.root, entries: base.document.entryElements)
        for (k, input) in inputs.enumerated().dropFirst() {
            let other = try GlossaryDocument(bytes: input.bytes, path: input.path)
            for element in other.entryElements {
                let e = try other.entry(from: element)
                if let existing = merged[e.id] {
                    if sameContent(existing.entry, e) { continue }
                    let conflict = MergeConflict(kind: .sameID(e.id), locations: [existing.entry.location, e.location].compactMap { $0 })
                    switch prefer {
                    case .none: conflicts.append(conflict)
                    case .first: resolved.append(conflict)
                    case .last:
                        resolved.append(conflict)
                        base.replaceEntry(id: e.id, with: element, layout: &layout)
                        merged[e.id] = (e, k)
                    }
                } else {
                    base.appendCopy(of: element, id: e.id, layout: &layout)
                    merged[e.id] = (e, k)
                }
            }
        }
        // The same form under two ids from different inputs. Names are NFC (validation
        // enforces it), so lower-casing is the fold; no ICU call per name on this path.
        var forms: [String: [(id: String, input: Int, name: NameForm)]] = [:]
        var order: [String] = []
        for element in base.document.entryElements {
            guard let id = element.attribute("id"), let m = merged[id] else { continue }
            var seenInEntry: Set<String> = []
            for name in m.entry.names {
                let key = name.language.lowercased() + "\u{0}" + name.text.lowercased()
                guard seenInEntry.insert(key).inserted else { continue }
                if forms[key] == nil { order.append(key) }
                forms[key, default: []].append((id, m.input, name))
            }
        }
        for key in order {
            guard let owners = forms[key], Set(owners.map(\.id)).count > 1, Set(owners.map(\.input)).count > 1 else { continue }
            let conflict = MergeConflict(kind: .sharedForm(language: owners[0].name.language, text: owners[0].name.text, ids: owners.map(\.id)),
                                         locations: owners.compactMap(\.name.location))
            if allowSharedForms { resolved.append(conflict) } else { conflicts.append(conflict) }
        }
        return Result(output: conflicts.isEmpty ? base.serialized() : nil, conflicts: conflicts, resolved: resolved)
    }

    /// Same kind, names (with every attribute) and notes, in any order.
    static func sameContent(_ a: GlossaryEntry, _ b: GlossaryEntry) -> Bool {
        func names(_ e: GlossaryEntry) -> [String] {
            e.names.map { [$0.language.lowercased(), $0.text, $0.status.rawValue, $0.type.rawValue, $0.family ?? "", $0.given ?? "", $0.scheme ?? ""].joined(separator: "\u{0}") }.sorted()
        }
        return a.kind == b.kind && names(a) == names(b) && a.notes.sorted() == b.notes.sorted()
    }
}

extension GlossaryEditor {
    /// Appends a copy of an entry element from another document after the last entry.
    /// `layout` is read once per merge and its anchor moved to each new entry, so appending
    /// many entries stays linear.
    func appendCopy(of element: XML.Node, id: String, layout: inout Layout) {
        let root = document.root
        let copy = root.importCopy(of: element)
        if let anchor = layout.anchor {
            anchor.insertAfter(copy)
            anchor.insertAfter(anchor.makeText(layout.entrySpace))
        } else if let last = root.lastChild, last.isWhitespace {
            last.insertBefore(last.makeText(layout.entrySpace))
            last.insertBefore(copy)
        } else {
            root.append(root.makeText(layout.entrySpace))
            root.append(copy)
            root.append(root.makeText("\n"))
        }
        layout.anchor = copy
        document.register(copy, id: id)
    }

    /// Replaces the entry with `id` by a copy of `element` (from another document), in place.
    /// `layout`'s anchor follows when it was the replaced element (which is freed).
    func replaceEntry(id: String, with element: XML.Node, layout: inout Layout) {
        guard let old = document.entryElement(id: id) else { return }
        let copy = document.root.importCopy(of: element)
        old.insertBefore(copy)
        if layout.anchor?.pointer == old.pointer { layout.anchor = copy }
        old.remove()
        document.register(copy, id: id)
    }
}
