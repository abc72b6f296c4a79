/// What changed between two sets of advice (before and after an edit, or at another market value):
/// an `AdviceDelta` for each offering × segment whose advice changed, and the pairs only one side
/// has. Advice is matched by offering and segment.
package struct AdviceChanges: Sendable {
    package var deltas: [AdviceDelta]
    /// Offering × segment pairs only in the new advice, and only in the old (an offering or segment
    /// added or removed), as "offering for segment".
    package var added: [String]
    package var removed: [String]

    package var isEmpty: Bool { deltas.isEmpty && added.isEmpty && removed.isEmpty }

    package init(from old: [Advice], to new: [Advice]) {
        func key(_ a: Advice) -> String { a.offering.id + "\u{1F}" + a.segment.id }
        let oldByKey = Dictionary(old.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let newKeys = Set(new.map(key))
        deltas = new.compactMap { a in
            guard let before = oldByKey[key(a)] else { return nil }
            let delta = AdviceDelta(from: before, to: a)
            return delta.isEmpty ? nil : delta
        }
        added = new.filter { oldByKey[key($0)] == nil }.map { "\($0.offering.name) for \($0.segment.name)" }
        removed = old.filter { !newKeys.contains(key($0)) }.map { "\($0.offering.name) for \($0.segment.name)" }
    }

    /// One line per change, for a terminal.
    package var lines: [String] {
        deltas.map(\.sentence) + added.map { "new: \($0)" } + removed.map { "gone: \($0)" }
    }
}
