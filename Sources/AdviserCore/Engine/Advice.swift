/// The recommendation for one offering, one client segment, under one scenario.
public struct Advice: Sendable, Codable {
    /// The offering advised.
    public var offering: Reference
    /// The client segment advised.
    public var segment: Reference
    /// The segment's client size.
    public var segmentSize: Segment.Size
    /// The market scenario the advice holds under.
    public var scenario: Reference
    /// Rules whose condition held, in the order they were applied.
    public var fired: [FiredRule] {
        didSet { prerendered.firedRules = nil }
    }
    /// Every lever, with its baseline and recommended setting (changed or not).
    public var levers: [LeverOutcome]
    /// The client's perceived value: today's, after the rules, and recommended.
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
    /// What to say to these clients: the points of the fired rules' `say` actions.
    public var talkingPoints: [TalkingPoint] {
        didSet { prerendered.talkingPoints = nil }
    }
    /// What the user should know about this advice: a rule skipped or clamped, value not held, old figures.
    public var warnings: [AdviceWarning] {
        didSet { prerendered.warnings = [] }
    }
    /// Adjustments that lost to a higher-priority rule (by design, not a warning).
    public var overridden: [OverriddenAdjustment]
    /// The guardrails that bound the result: a move limit or a segment's bound the recommendation
    /// stops at, a protected driver that kept the balancer from trimming a lever.
    public var guardrails: [GuardrailOutcome] = []
    /// How the offer compares with the rivals the segment weighs against it; nil: none.
    public var rivals: RivalOutcome?
    /// With `explain`: every rule's condition and how it evaluated.
    public var explanations: [RuleExplanation]
    /// Which of `fired`, `talkingPoints` and `warnings` the engine wrote beforehand; a list that
    /// changes is forgotten here, and then written field by field.
    var prerendered = PrerenderedRecords()

    // Every stored field but `prerendered`, a cache that a decoded advice starts without.
    enum CodingKeys: String, CodingKey {
        case offering, segment, segmentSize, scenario, fired, levers, value, margin, emphasized, unaddressed, drivers
        case talkingPoints, warnings, overridden, guardrails, explanations
    }

    /// Levers whose recommended setting differs from today's.
    public var changes: [LeverOutcome] { levers.filter(\.changed) }

    /// An id and a readable name.
    public struct Reference: Hashable, Sendable, Codable {
        /// The id, as the workspace's files write it.
        public var id: String
        /// The readable name.
        public var name: String
    }
}

/// A rule whose condition held for this advice, and where it is written.
public struct FiredRule: Sendable {
    /// The rule's id.
    public var rule: String {
        get { storage.fields.rule }
        set { update { $0.rule = newValue } }
    }
    /// The id of the ruleset that holds it.
    public var ruleset: String {
        get { storage.fields.ruleset }
        set { update { $0.ruleset = newValue } }
    }
    /// Where the rule is written.
    public var location: SourceLocation {
        get { storage.fields.location }
        set { update { $0.location = newValue } }
    }
    /// The rule's `why:`, the reason in words.
    public var why: String {
        get { storage.fields.why }
        set { update { $0.why = newValue } }
    }
    /// Its priority: a higher one wins over a lower one on the same lever.
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
public struct LeverOutcome: Sendable, Codable {
    /// What set a lever's recommended setting.
    public enum Source: Hashable, Sendable, CustomStringConvertible, Codable {
        /// Left as the segment has it today.
        case today
        /// Set by this rule.
        case rule(String)
        /// Moved by the balancer to hold value.
        case balance

        /// `today`, the rule's id, or `balance`.
        public var description: String {
            switch self {
            case .today: "today"
            case .rule(let id): id
            case .balance: "balance"
            }
        }
    }

    /// The lever's id.
    public var lever: String
    /// The lever's readable name.
    public var name: String
    /// What kind of lever it is: a number, a price or a level.
    public var kind: Lever.Kind
    /// Its unit (`EUR`, `days`), if it has one.
    public var unit: String?
    /// Today's setting (the segment's, else the offering's baseline) and the recommended one.
    public var from: Double
    /// The recommended setting (a level lever's: the level's index).
    public var to: Double
    /// Today's setting as written for people (`4,800 EUR`, `phone`).
    public var fromText: String
    /// The recommended setting as written for people.
    public var toText: String
    /// What set the recommended setting.
    public var source: Source
    /// Whether a rule pinned the lever, so that the balancer leaves it alone.
    public var pinned: Bool
    /// Whether the balancer may move the lever to hold value (`flex: true`).
    public var flex: Bool
    /// For a lever priced or costed per unit of a quantity (`per:`): that quantity, today and recommended.
    public var quantity: QuantityOutcome?

    /// Whether the recommended setting differs from today's.
    public var changed: Bool { from != to }
}

/// The quantity a lever is `per` (seats, users), today and as recommended.
public struct QuantityOutcome: Sendable, Codable {
    /// The quantity lever's id.
    public var lever: String
    /// The quantity's readable name.
    public var name: String
    /// Its unit (`seats`), if it has one.
    public var unit: String?
    /// The quantity today.
    public var from: Double
    /// The quantity recommended.
    public var to: Double
}

/// The client's perceived value V (0–100), today, after the rules and as recommended.
public struct ValueOutcome: Sendable, Codable {
    /// V of today's offering under the emphasized weights: the value to hold.
    public var target: Double
    /// V once the rules' adjustments are applied, before balancing.
    public var afterRules: Double
    /// V of the recommendation.
    public var final: Double
    /// How far from `target` V may end and still count as held (`adviser.yaml` `value_tolerance`).
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
public struct MarginOutcome: Sendable, Codable {
    /// Margin per client today.
    public var before: Double
    /// Margin per client as recommended.
    public var after: Double
    /// The currency of the amounts (`adviser.yaml` `currency`).
    public var currency: String
    /// What the price levers bring in, and what serving the client costs, today and recommended.
    public var revenueBefore: Double
    /// What the price levers bring in as recommended.
    public var revenueAfter: Double
    /// What serving the client costs today.
    public var costBefore: Double
    /// What serving the client costs as recommended.
    public var costAfter: Double
}

/// A guardrail that bound the result.
public struct GuardrailOutcome: Sendable, Codable {
    /// What kind of guardrail bound the result.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// The lever's `max_move`: how far it may move in one review.
        case moveLimit = "move-limit"
        /// The segment's own bound on the lever (`bounds:`).
        case segmentBound = "segment-bound"
        /// A driver the balancer may not relieve less (protected, emphasized or talked about).
        case protectedDriver = "protected-driver"
    }

    /// What kind of guardrail it is.
    public var kind: Kind
    /// The lever it bound.
    public var lever: String
    /// For `protectedDriver`: the driver.
    public var driver: String?
    /// What it did, in words.
    public var message: String
}

/// Why a driver is protected: the balancer never relieves it less than today.
public enum Protection: Hashable, Sendable, CustomStringConvertible, Codable {
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

/// A driver whose weight fired rules changed (`emphasize`).
public struct EmphasizedDriver: Sendable, Codable {
    /// The driver's id.
    public var driver: String
    /// The driver's readable name.
    public var name: String
    /// Whether it is a want, a need, a pain or a fear.
    public var kind: Driver.Kind
    /// The product of the rules' `times:` factors.
    public var factor: Double
    /// Its normalized weight (0–1) before the emphasis.
    public var weightBefore: Double
    /// Its normalized weight (0–1) after the emphasis.
    public var weightAfter: Double
    /// The rules that emphasized it, in firing order.
    public var rules: [String]
}

/// One driver's share of the value and how well it is relieved, today and as recommended.
public struct DriverOutcome: Sendable, Codable {
    /// The driver's id.
    public var id: String
    /// The driver's readable name.
    public var name: String
    /// Whether it is a want, a need, a pain or a fear.
    public var kind: Driver.Kind
    /// Normalized weight (0–1) before the rules' emphasis, and after it.
    public var weightBefore: Double
    /// Its normalized weight after the rules' emphasis.
    public var weightAfter: Double
    /// Relief (0–1) at today's settings, after the rules' adjustments, and at the recommended ones.
    public var reliefBefore: Double
    /// Its relief once the rules' adjustments are applied, before balancing.
    public var reliefAfterRules: Double
    /// Its relief at the recommended settings.
    public var reliefAfter: Double
    /// False when no lever of this offering relieves it (its relief is then 0).
    public var addressed: Bool
    /// Why the balancer may not relieve it less than today (empty: it may).
    public var protectedBy: [Protection]

    /// Whether the balancer may not relieve it less than today.
    public var isProtected: Bool { !protectedBy.isEmpty }
}

/// A driver of the segment, by id, name and kind.
public struct DriverReference: Sendable, Codable {
    /// The driver's id.
    public var id: String
    /// The driver's readable name.
    public var name: String
    /// Whether it is a want, a need, a pain or a fear.
    public var kind: Driver.Kind
}

/// Something to say to the segment's clients, from a fired rule's `say` action.
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
    /// What to say.
    public var text: String {
        get { storage.fields.text }
        set { update { $0.text = newValue } }
    }
    /// The rule whose `say` it is.
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

/// An adjustment a rule asked for that gave way to a rule of higher priority on the same lever.
public struct OverriddenAdjustment: Sendable, Codable {
    /// The lever both rules adjust.
    public var lever: String
    /// The rule whose adjustment lost.
    public var rule: String
    /// Where the losing adjustment is written.
    public var location: SourceLocation
    /// The rule that won.
    public var by: String
    /// Where the winning adjustment is written.
    public var byLocation: SourceLocation
}

/// How one rule's condition evaluated for this advice (with `explain`).
public struct RuleExplanation: Sendable, Codable {
    /// The rule's id.
    public var rule: String
    /// Where the rule is written.
    public var location: SourceLocation
    /// Whether the rule fired.
    public var fired: Bool
    /// The condition as written.
    public var condition: String
    /// `segment.price_sensitivity (0.8) >= 0.5 → true`, one line per evaluated part.
    public var trace: [String]
    /// For a rule that did not fire: the parts that were false.
    public var failing: [String]
    /// For a rule that fired but does not count for this offering: why (its actions are about
    /// other offerings, or every adjustment gave way to a higher-priority rule).
    public var note: String?
}
