/// What changed between two sets of advice (before and after an edit, or at another market value):
/// rules now firing or no longer firing, lever settings, value held. Advice is matched by offering
/// and segment.
public struct AdviceChanges: Sendable {
    public var deltas: [AdviceDelta]
    /// Offering × segment pairs only in the new advice, and only in the old (an offering or segment
    /// added or removed), as "offering for segment".
    public var added: [String]
    public var removed: [String]

    public var isEmpty: Bool { deltas.isEmpty && added.isEmpty && removed.isEmpty }

    public init(from old: [Advice], to new: [Advice]) {
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
    public var lines: [String] {
        deltas.map(\.sentence) + added.map { "new: \($0)" } + removed.map { "gone: \($0)" }
    }
}

/// How the advice for one offering and one segment changed.
public struct AdviceDelta: Sendable {
    public var offering: Advice.Reference
    public var segment: Advice.Reference
    public var startedFiring: [FiredRule]
    public var stoppedFiring: [FiredRule]
    public var levers: [LeverDelta]
    public var valueBefore: Double
    public var valueAfter: Double
    public var heldBefore: Bool
    public var heldAfter: Bool

    public struct LeverDelta: Sendable {
        public var lever: String
        public var name: String
        public var unit: String?
        public var kind: Lever.Kind
        public var before: Double
        public var after: Double
        public var beforeText: String
        public var afterText: String
    }

    public init(from old: Advice, to new: Advice) {
        offering = new.offering
        segment = new.segment
        let oldRules = Set(old.fired.map(\.rule)), newRules = Set(new.fired.map(\.rule))
        startedFiring = new.fired.filter { !oldRules.contains($0.rule) }
        stoppedFiring = old.fired.filter { !newRules.contains($0.rule) }
        let oldLevers = Dictionary(old.levers.map { ($0.lever, $0) }, uniquingKeysWith: { a, _ in a })
        levers = new.levers.compactMap { l in
            guard let o = oldLevers[l.lever], o.toText != l.toText else { return nil }
            return LeverDelta(lever: l.lever, name: l.name, unit: l.unit, kind: l.kind, before: o.to, after: l.to,
                              beforeText: o.toText, afterText: l.toText)
        }
        valueBefore = old.value.final
        valueAfter = new.value.final
        heldBefore = old.value.held
        heldAfter = new.value.held
    }

    public var isEmpty: Bool {
        startedFiring.isEmpty && stoppedFiring.isEmpty && levers.isEmpty && heldBefore == heldAfter
    }

    /// "Sales-process consultation for Micro retail shops: rule downturn-cost-focus now fires;
    /// Package price 4900 → 4300 EUR; value held (56.0 → 54.0)".
    public var sentence: String {
        var parts: [String] = []
        parts += startedFiring.map { "rule \($0.rule) now fires" }
        parts += stoppedFiring.map { "rule \($0.rule) no longer fires" }
        parts += levers.map { l in
            "\(l.name) \(l.beforeText) → \(ReportWording.setting(l.afterText, l.unit, kind: l.kind))"
        }
        let values = "\(ReportWording.index(valueBefore)) → \(ReportWording.index(valueAfter))"
        if heldBefore != heldAfter {
            parts.append(heldAfter ? "value held again (\(values))" : "value NOT held (\(values))")
        } else if !parts.isEmpty {
            parts.append("value \(heldAfter ? "held" : "still not held") (\(values))")
        }
        return "\(offering.name) for \(segment.name): " + parts.joined(separator: "; ")
    }
}
