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
    /// The guardrails that bound the result: a move limit or a segment's bound the recommendation
    /// stops at, a protected driver that kept the balancer from trimming a lever.
    public var guardrails: [GuardrailOutcome] = []
    /// How the offer compares with the rivals the segment weighs against it; nil: none.
    public var rivals: RivalOutcome?
    /// With `explain`: every rule's condition and how it evaluated.
    public var explanations: [RuleExplanation]
    /// Which of `fired` and `talkingPoints` the engine wrote beforehand; a list that changes is
    /// forgotten here, and then written field by field.
    var prerendered = PrerenderedRecords()

    /// Levers whose recommended setting differs from today's.
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

/// One lever: the segment's setting today and the recommended one, and what set it.
public struct LeverOutcome: Sendable {
    public enum Source: Hashable, Sendable, CustomStringConvertible {
        /// Left as the segment has it today.
        case today
        /// Set by this rule.
        case rule(String)
        /// Moved by the balancer to hold value.
        case balance

        public var description: String {
            switch self {
            case .today: "today"
            case .rule(let id): id
            case .balance: "balance"
            }
        }
    }

    public var lever: String
    public var name: String
    public var kind: Lever.Kind
    public var unit: String?
    /// Today's setting (the segment's, else the offering's baseline) and the recommended one.
    public var from: Double
    public var to: Double
    public var fromText: String
    public var toText: String
    public var source: Source
    public var pinned: Bool
    public var flex: Bool
    /// For a lever priced or costed per unit of a quantity (`per:`): that quantity, today and recommended.
    public var quantity: QuantityOutcome?

    public var changed: Bool { from != to }
}

/// The quantity a lever is `per` (seats, users), today and as recommended.
public struct QuantityOutcome: Sendable {
    public var lever: String
    public var name: String
    public var unit: String?
    public var from: Double
    public var to: Double
}

public struct ValueOutcome: Sendable {
    /// V of today's offering under the emphasized weights: the value to hold.
    public var target: Double
    /// V once the rules' adjustments are applied, before balancing.
    public var afterRules: Double
    /// V of the recommendation.
    public var final: Double
    public var tolerance: Double
    /// What the balancer aimed for (`adviser.yaml` `balance.hold`).
    public var hold: BalanceObjective.Hold
    /// Whether the client gets no less value than today (within the tolerance).
    public var held: Bool
    /// When not held: by how much, and what blocks it, in words.
    public var shortfall: String?

    /// Whether the client gets more value than today, beyond the tolerance.
    public var above: Bool { final > target + tolerance + 1e-12 }
}

/// Margin per client, today and as recommended, with what it is made of.
public struct MarginOutcome: Sendable {
    public var before: Double
    public var after: Double
    public var currency: String
    /// What the price levers bring in, and what serving the client costs, today and recommended.
    public var revenueBefore: Double
    public var revenueAfter: Double
    public var costBefore: Double
    public var costAfter: Double
}

/// A guardrail that bound the result.
public struct GuardrailOutcome: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The lever's `max_move`: how far it may move in one review.
        case moveLimit = "move-limit"
        /// The segment's own bound on the lever (`bounds:`).
        case segmentBound = "segment-bound"
        /// A driver the balancer may not relieve less (protected, emphasized or talked about).
        case protectedDriver = "protected-driver"
    }

    public var kind: Kind
    public var lever: String
    /// For `protectedDriver`: the driver.
    public var driver: String?
    /// What it did, in words.
    public var message: String
}

/// Why a driver is protected: the balancer never relieves it less than today.
public enum Protection: Hashable, Sendable, CustomStringConvertible {
    /// The segment marks it `protected: true`.
    case declared
    /// A fired rule emphasized it (times above 1).
    case emphasized(rule: String)
    /// A talking point of the advice is about it (by id or by kind).
    case talkedAbout(rule: String)

    /// Why, as the end of a sentence: "the segment protects it".
    public var description: String {
        switch self {
        case .declared: "the segment protects it"
        case .emphasized(let rule): "rule '\(rule)' weighs it more"
        case .talkedAbout(let rule): "a talking point of rule '\(rule)' is about it"
        }
    }
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
    /// Relief (0–1) at today's settings, after the rules' adjustments, and at the recommended ones.
    public var reliefBefore: Double
    public var reliefAfterRules: Double
    public var reliefAfter: Double
    /// False when no lever of this offering relieves it (its relief is then 0).
    public var addressed: Bool
    /// Why the balancer may not relieve it less than today (empty: it may).
    public var protectedBy: [Protection]

    public var isProtected: Bool { !protectedBy.isEmpty }
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
    /// What the `say` action named in `about:` (a driver id or a kind), as written.
    public var about: DriverTarget? {
        get { storage.fields.about }
        set { update { $0.about = newValue } }
    }
    /// The segment's drivers it is about: the one it names, or every driver of the kind it names.
    public var drivers: [String] {
        get { storage.fields.drivers }
        set { update { $0.drivers = newValue } }
    }
    public var text: String {
        get { storage.fields.text }
        set { update { $0.text = newValue } }
    }
    public var rule: String {
        get { storage.fields.rule }
        set { update { $0.rule = newValue } }
    }

    init(kind: Driver.Kind?, driver: String?, about: DriverTarget? = nil, drivers: [String] = [], text: String, rule: String) {
        storage = Storage(Fields(kind: kind, driver: driver, about: about, drivers: drivers, text: text, rule: rule))
    }

    // One shared, immutable box, as for `FiredRule`: one retain per copy.
    private struct Fields: Sendable {
        var kind: Driver.Kind?, driver: String?, about: DriverTarget?, drivers: [String], text: String, rule: String
    }

    private typealias Storage = SharedFields<Fields>

    private var storage: Storage

    private mutating func update(_ change: (inout Fields) -> Void) { storage = storage.updated(change) }

    /// The point a `say` action makes for a segment; nil when it is about a driver this segment
    /// does not have (the point is about something else than this segment's clients care about).
    static func make(_ text: String, about: DriverTarget?, rule: String, segment: Segment) -> TalkingPoint? {
        switch about {
        case .kind(let kind)?:
            let drivers = segment.drivers.filter { $0.kind == kind }.map(\.id)
            return TalkingPoint(kind: kind, driver: nil, about: about, drivers: drivers, text: text, rule: rule)
        case .driver(let id)?:
            guard let driver = segment.drivers.first(where: { $0.id == id }) else { return nil }
            return TalkingPoint(kind: driver.kind, driver: id, about: about, drivers: [id], text: text, rule: rule)
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
    /// For a rule that fired but does not count for this offering: why (its actions are about
    /// other offerings, or every adjustment gave way to a higher-priority rule).
    public var note: String?
}
