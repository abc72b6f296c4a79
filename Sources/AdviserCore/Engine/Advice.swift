/// The recommendation for one offering, one client segment, under one scenario.
public struct Advice: Sendable {
    public var offering: Reference
    public var segment: Reference
    public var segmentSize: Segment.Size
    public var scenario: Reference
    /// Rules whose condition held, in the order they were applied.
    public var fired: [FiredRule] {
        didSet { prerendered.firedRules = nil }
    }
    /// Every lever, with its baseline and recommended setting (changed or not).
    public var levers: [LeverOutcome]
    public var value: ValueOutcome
    /// Margin per client before and after, when the offering declares costs to serve.
    public var margin: MarginOutcome?
    /// Drivers whose weight rules changed.
    public var emphasized: [EmphasizedDriver]
    /// Drivers that no lever of this offering addresses.
    public var unaddressed: [DriverReference]
    /// Every driver of the segment: weight and relief before (today's offering, plain weights) and
    /// after (the recommendation, emphasized weights).
    public var drivers: [DriverOutcome]
    public var talkingPoints: [TalkingPoint] {
        didSet { prerendered.talkingPoints = nil }
    }
    public var warnings: [AdviceWarning]
    /// Adjustments that lost to a higher-priority rule (by design, not a warning).
    public var overridden: [OverriddenAdjustment]
    /// With `explain`: every rule's condition and how it evaluated.
    public var explanations: [RuleExplanation]
    /// Which of `fired` and `talkingPoints` the engine wrote beforehand; a list that changes is
    /// forgotten here, and then written field by field.
    var prerendered = PrerenderedRecords()

    /// Levers whose recommended setting differs from the baseline.
    public var changes: [LeverOutcome] { levers.filter(\.changed) }

    /// An id and a readable name.
    public struct Reference: Hashable, Sendable {
        public var id: String
        public var name: String
    }
}

public struct FiredRule: Sendable {
    public var rule: String {
        get { storage.fields.rule }
        set { update { $0.rule = newValue } }
    }
    public var ruleset: String {
        get { storage.fields.ruleset }
        set { update { $0.ruleset = newValue } }
    }
    public var location: SourceLocation {
        get { storage.fields.location }
        set { update { $0.location = newValue } }
    }
    public var why: String {
        get { storage.fields.why }
        set { update { $0.why = newValue } }
    }
    public var priority: Int {
        get { storage.fields.priority }
        set { update { $0.priority = newValue } }
    }

    init(rule: String, ruleset: String, location: SourceLocation, why: String, priority: Int) {
        storage = Storage(Fields(rule: rule, ruleset: ruleset, location: location, why: why, priority: priority))
    }

    // One shared, immutable box: advice copies the engine's record for each rule that fires, and
    // copying a box costs one retain where the fields cost five.
    private struct Fields: Sendable {
        var rule: String, ruleset: String, location: SourceLocation, why: String, priority: Int
    }

    private typealias Storage = SharedFields<Fields>

    private var storage: Storage

    private mutating func update(_ change: (inout Fields) -> Void) { storage = storage.updated(change) }
}

public struct LeverOutcome: Sendable {
    public enum Source: Hashable, Sendable, CustomStringConvertible {
        case baseline
        case rule(String)
        case balance

        public var description: String {
            switch self {
            case .baseline: "baseline"
            case .rule(let id): id
            case .balance: "balance"
            }
        }
    }

    public var lever: String
    public var name: String
    public var kind: Lever.Kind
    public var unit: String?
    public var from: Double
    public var to: Double
    public var fromText: String
    public var toText: String
    public var source: Source
    public var pinned: Bool
    public var flex: Bool

    public var changed: Bool { from != to }
}

public struct ValueOutcome: Sendable {
    /// V of today's offering under the emphasized weights: the value to hold.
    public var target: Double
    /// V once the rules' adjustments are applied, before balancing.
    public var afterRules: Double
    /// V of the recommendation.
    public var final: Double
    public var tolerance: Double
    public var held: Bool
    /// When not held: by how much, and what blocks it, in words.
    public var shortfall: String?
}

public struct MarginOutcome: Sendable {
    public var before: Double
    public var after: Double
    public var currency: String
}

public struct EmphasizedDriver: Sendable {
    public var driver: String
    public var name: String
    public var kind: Driver.Kind
    public var factor: Double
    public var weightBefore: Double
    public var weightAfter: Double
    public var rules: [String]
}

/// One driver's share of the value and how well it is relieved, today and as recommended.
public struct DriverOutcome: Sendable {
    public var id: String
    public var name: String
    public var kind: Driver.Kind
    /// Normalized weight (0–1) before the rules' emphasis, and after it.
    public var weightBefore: Double
    public var weightAfter: Double
    /// Relief (0–1) at today's settings and at the recommended ones.
    public var reliefBefore: Double
    public var reliefAfter: Double
    /// False when no lever of this offering relieves it (its relief is then 0).
    public var addressed: Bool
}

public struct DriverReference: Sendable {
    public var id: String
    public var name: String
    public var kind: Driver.Kind
}

public struct TalkingPoint: Sendable {
    /// The kind it speaks to (nil: a general point).
    public var kind: Driver.Kind? {
        get { storage.fields.kind }
        set { update { $0.kind = newValue } }
    }
    /// The driver it speaks to, when it names one this segment has.
    public var driver: String? {
        get { storage.fields.driver }
        set { update { $0.driver = newValue } }
    }
    public var text: String {
        get { storage.fields.text }
        set { update { $0.text = newValue } }
    }
    public var rule: String {
        get { storage.fields.rule }
        set { update { $0.rule = newValue } }
    }

    init(kind: Driver.Kind?, driver: String?, text: String, rule: String) {
        storage = Storage(Fields(kind: kind, driver: driver, text: text, rule: rule))
    }

    // One shared, immutable box, as for `FiredRule`: one retain per copy.
    private struct Fields: Sendable {
        var kind: Driver.Kind?, driver: String?, text: String, rule: String
    }

    private typealias Storage = SharedFields<Fields>

    private var storage: Storage

    private mutating func update(_ change: (inout Fields) -> Void) { storage = storage.updated(change) }

    /// The point a `say` action makes for a segment: a driver it names is kept only when the segment has it.
    static func make(_ text: String, about: DriverTarget?, rule: String, segment: Segment) -> TalkingPoint {
        switch about {
        case .kind(let kind)?:
            return TalkingPoint(kind: kind, driver: nil, text: text, rule: rule)
        case .driver(let id)?:
            if let driver = segment.drivers.first(where: { $0.id == id }) {
                return TalkingPoint(kind: driver.kind, driver: id, text: text, rule: rule)
            }
            return TalkingPoint(kind: nil, driver: nil, text: text, rule: rule)
        case nil:
            return TalkingPoint(kind: nil, driver: nil, text: text, rule: rule)
        }
    }
}

public struct OverriddenAdjustment: Sendable {
    public var lever: String
    public var rule: String
    public var location: SourceLocation
    public var by: String
    public var byLocation: SourceLocation
}

public struct RuleExplanation: Sendable {
    public var rule: String
    public var location: SourceLocation
    public var fired: Bool
    public var condition: String
    /// `segment.price_sensitivity (0.8) >= 0.5 → true`, one line per evaluated part.
    public var trace: [String]
    /// For a rule that did not fire: the parts that were false.
    public var failing: [String]
}
