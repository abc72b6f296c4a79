/// What changed in the advice for one offering × segment × scenario, from an old piece of advice to
/// a new one: rules that started or stopped firing, levers whose recommended setting reads
/// differently (or that only one side has), whether value is held, and the margin per client.
///
/// The one comparison of advice: `adviser diff` (two workspaces), `adviser watch` (before and after
/// an edit) and tipping points (at another market value) all report these deltas.
public struct AdviceDelta: Sendable {
    public var offering: Advice.Reference
    public var segment: Advice.Reference
    public var scenario: Advice.Reference
    /// Rules that fire in the new advice and did not in the old, in the new advice's firing order.
    public var nowFired: [AdviceDiff.RuleReference]
    /// Rules that fired in the old advice and no longer do, in the old advice's firing order.
    public var noLongerFired: [AdviceDiff.RuleReference]
    /// Levers whose recommended setting reads differently: in the new advice's order, then the
    /// levers only the old advice has.
    public var levers: [LeverChange]
    /// The value outcome of the old advice and of the new one (changed or not).
    public var value: BeforeAfter<ValueOutcome>
    /// Margin per client after the advice, old and new, when it changed (nil on a side whose
    /// offering declares no costs).
    public var margin: BeforeAfter<Double?>?
    /// The currency of the margins (the new advice's, when it has a margin).
    public var currency: String

    /// A lever whose recommended setting changed, or that only one side has.
    public struct LeverChange: Sendable {
        public var lever: String
        public var name: String
        /// The lever's outcome in the old advice and in the new one (nil: the offering lacks it on
        /// that side).
        public var outcome: BeforeAfter<LeverOutcome?>

        /// Recommended settings, as the reports show them (nil: the lever is missing on that side).
        public var before: String? { outcome.before?.toText }
        public var after: String? { outcome.after?.toText }
        /// The rule (or `balance`, `baseline`) that set it, on each side.
        public var sourceBefore: String? { outcome.before?.source.description }
        public var sourceAfter: String? { outcome.after?.source.description }
    }

    /// Compares two pieces of advice for the same offering × segment; rules are named where each
    /// side's advice says they are written.
    public init(from old: Advice, to new: Advice) {
        offering = new.offering
        segment = new.segment
        scenario = new.scenario
        let oldRules = Set(old.fired.map(\.rule)), newRules = Set(new.fired.map(\.rule))
        nowFired = new.fired.filter { !oldRules.contains($0.rule) }.map { .init(id: $0.rule, location: $0.location) }
        noLongerFired = old.fired.filter { !newRules.contains($0.rule) }.map { .init(id: $0.rule, location: $0.location) }
        levers = Self.leverChanges(old.levers, new.levers)
        value = BeforeAfter(old.value, new.value)
        let marginBefore = old.margin?.after, marginAfter = new.margin?.after
        margin = Self.differ(marginBefore, marginAfter) ? BeforeAfter(marginBefore, marginAfter) : nil
        currency = new.margin?.currency ?? old.margin?.currency ?? ""
    }

    private static func leverChanges(_ old: [LeverOutcome], _ new: [LeverOutcome]) -> [LeverChange] {
        let oldByID = Dictionary(old.map { ($0.lever, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.map(\.lever))
        let pairs = new.map { (oldByID[$0.lever], Optional($0)) } + old.filter { !newIDs.contains($0.lever) }.map { (Optional($0), nil) }
        return pairs.compactMap { before, after in
            guard before?.toText != after?.toText, let either = after ?? before else { return nil }
            return LeverChange(lever: either.lever, name: either.name, outcome: BeforeAfter(before, after))
        }
    }

    /// Margins differ beyond rounding dust, or exist on one side only.
    private static func differ(_ before: Double?, _ after: Double?) -> Bool {
        switch (before, after) {
        case (nil, nil): false
        case (let x?, let y?): abs(x - y) > 1e-6
        default: true
        }
    }

    /// Value held, old and new, when it changed.
    public var held: BeforeAfter<Bool>? {
        value.before.held == value.after.held ? nil : BeforeAfter(value.before.held, value.after.held)
    }

    /// Which combination changed.
    public var key: AdviceDiff.Key { AdviceDiff.Key(offering: offering.id, segment: segment.id, scenario: scenario.id) }

    /// Nothing a report would show changed.
    public var isEmpty: Bool {
        nowFired.isEmpty && noLongerFired.isEmpty && levers.isEmpty && held == nil && margin == nil
    }
}

// MARK: - In one sentence

extension AdviceDelta {
    /// "Sales-process consultation for Micro retail shops: rule downturn-cost-focus now fires;
    /// Package price 4900 → 4300 EUR; value held (56.0 → 54.0)", for watch and tipping points.
    public var sentence: String { sentence(ReportWording()) }

    /// The sentence with numbers as `wording`'s locale writes them.
    func sentence(_ wording: ReportWording) -> String {
        var parts: [String] = []
        parts += nowFired.map { "rule \($0.id) now fires" }
        parts += noLongerFired.map { "rule \($0.id) no longer fires" }
        parts += levers.map { l in
            let before = l.outcome.before.map { wording.settingText($0, recommended: true) }
            let after = l.outcome.after.map { ReportWording.setting(wording.settingText($0, recommended: true), $0.unit, kind: $0.kind) }
            return "\(l.name) \(before ?? "–") → \(after ?? "–")"
        }
        // A lever that moved explains its margin; a margin that moved with no lever (a cost edited)
        // is news of its own.
        if levers.isEmpty, let margin {
            func money(_ value: Double?) -> String { value.map { wording.money($0, currency) } ?? "–" }
            parts.append("margin per client \(money(margin.before)) → \(money(margin.after))")
        }
        let values = "\(wording.index(value.before.final)) → \(wording.index(value.after.final))"
        if let held {
            parts.append(held.after ? "value held again (\(values))" : "value NOT held (\(values))")
        } else if !parts.isEmpty {
            parts.append("value \(value.after.held ? "held" : "still not held") (\(values))")
        }
        return "\(offering.name) for \(segment.name): " + parts.joined(separator: "; ")
    }
}
