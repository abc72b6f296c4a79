/// The shape of every kind of workspace file. The loader checks files against these, and
/// `adviser schema` turns them into JSON Schema, so they are the single definition of the format.
public enum WorkspaceSchema {
    /// A kind of file in a workspace, with where it lives.
    public enum FileKind: String, CaseIterable, Sendable {
        case settings, facts, offering, segment, rival, ruleset, scenario, test

        public var shape: Shape {
            switch self {
            case .settings: .object(WorkspaceSchema.settings)
            case .facts: .object(WorkspaceSchema.facts)
            case .offering: .object(WorkspaceSchema.offering)
            case .segment: .object(WorkspaceSchema.segment)
            case .rival: .object(WorkspaceSchema.rival)
            case .ruleset: .object(WorkspaceSchema.ruleset)
            case .scenario: .object(WorkspaceSchema.scenario)
            case .test: .object(WorkspaceSchema.testFile)
            }
        }

        /// A file name, or a folder of `*.yaml` files, inside the workspace.
        public var place: String {
            switch self {
            case .settings: "adviser.yaml"
            case .facts: "facts.yaml"
            case .offering: "offerings/"
            case .segment: "segments/"
            case .rival: "rivals/"
            case .ruleset: "rules/"
            case .scenario: "scenarios/"
            case .test: "tests/"
            }
        }
    }

    static let driverKinds = Driver.Kind.allCases.map(\.rawValue)

    public static let settings = ObjectShape("workspace settings", doc: "adviser.yaml: the workspace's name and defaults.", [
        .required("name", .text, "the business or workspace name, shown on reports"),
        .optional("default_scenario", .identifier, "the scenario advice runs under when none is named"),
        .optional("value_tolerance", .number, "how far perceived value (0..1) may drift and still count as held; default 0.005"),
        .optional("currency", .text, "currency code or symbol for prices and margins; default EUR"),
        .optional("locale", .text, "how reports write numbers, money and dates, such as en-US or de-DE; default en-US with ISO dates (docs/reports.md)"),
        .optional("stale_after_days", .integer, "warn when a scenario's as_of date is older than this; default 90"),
        .optional("limits", .object(limits), "bounds on file sizes, nesting and evaluation cost (docs/limits.md)"),
        .optional("balance", .object(balance), "what holding value means and what the balancer prefers (docs/value-model.md)"),
    ])

    /// `balance:` in adviser.yaml.
    public static let balance = ObjectShape("balance", doc: "How the balancer holds value and chooses among settings that do.", [
        .optional("hold", .choice(BalanceObjective.Hold.allCases.map(\.rawValue)),
                  "band (default): value within ±value_tolerance of today's; at-least: no lower than today's − value_tolerance"),
        .optional("prefer", .list(.choice(BalanceObjective.Criterion.allCases.map(\.rawValue)), minCount: 1),
                  "the balancer's preferences, most important first; default [margin, fewest-levers, smallest-move]"),
    ])

    /// `limits:` in adviser.yaml: each key a whole number from 1 up to its hard cap.
    public static let limits = ObjectShape("limits", doc: "Bounds that keep hostile or broken input cheap (docs/limits.md).",
        WorkspaceLimits.keys.map { key in
            .optional(key.name, .integer, "\(key.doc); default \(key.value(in: WorkspaceLimits())), at most \(key.cap)")
        })

    public static let fact = ObjectShape("fact", doc: "A fact rules may read.", [
        .required("name", .text, "scoped name: market.<name> or segment.<name>"),
        .required("type", .choice(["number", "integer", "bool", "string", "enum"]), "the kind of value"),
        .optional("values", .list(.text, minCount: 1), "for type enum: the allowed values"),
        .optional("unit", .text, "unit of the value, e.g. %, EUR, 0..1"),
        .optional("min", .number, "smallest allowed value (numbers)"),
        .optional("max", .number, "largest allowed value (numbers)"),
        .required("doc", .text, "one line saying what the fact means"),
    ])

    public static let facts = ObjectShape("facts file", doc: "facts.yaml: every fact a rule may read.", [
        .required("facts", .list(.object(fact)), "the declared facts"),
    ])

    public static let lever = ObjectShape("lever", doc: "Something about the offering that can be turned up or down.", [
        .required("id", .identifier, "the lever's id, used by rules and drivers"),
        .optional("name", .text, "a readable name; defaults to the id"),
        .required("kind", .choice(Lever.Kind.allCases.map(\.rawValue)), "number, price or level"),
        .optional("unit", .text, "unit of the lever (number and price levers)"),
        .optional("doc", .text, "what the lever means"),
        .required("baseline", .numberOrWord, "today's setting: a number, or a level"),
        .optional("min", .number, "lowest setting (number and price levers)"),
        .optional("max", .number, "highest setting (number and price levers)"),
        .optional("step", .number, "grid step (number and price levers)"),
        .optional("levels", .list(.identifier, minCount: 1), "level levers: the levels, lowest first"),
        .optional("cost", .oneOf([.number, .dictionary(.number)]),
                  "cost to serve: per unit (number levers) or a mapping level -> cost (level levers)"),
        .optional("flex", .bool, "may the balancer move this lever to hold value? default false"),
        .optional("per", .identifier, "a quantity lever (seats, users) of the offering: this lever's price and cost are per unit of it"),
        .optional("max_move", .change, "how far the balancer may move this lever in one review: 10% of today's setting, or 2 units (levels)"),
    ])

    public static let offering = ObjectShape("offering", doc: "One offering per file.", [
        .required("id", .identifier, "the offering's id"),
        .required("name", .text, "the offering's name"),
        .optional("doc", .text, "what is sold"),
        .required("levers", .list(.object(lever), minCount: 1), "the offering's levers"),
    ])

    public static let driver = ObjectShape("driver", doc: "A want, need, pain or fear of the segment.", [
        .required("id", .identifier, "the driver's id"),
        .optional("name", .text, "a readable name; defaults to the id"),
        .required("kind", .choice(driverKinds), "want, need, pain or fear"),
        .required("importance", .number, "how much it matters (> 0)"),
        .required("relieved_by", .dictionary(.dictionary(.number)),
                  "lever id (or offering-id.lever-id for one offering's lever) -> curve: lever value (or level) -> relief in 0..1"),
        .optional("protected", .bool, "a must-have: the balancer never relieves it less than today; default false"),
    ])

    static let leverBound = ObjectShape("lever bound", doc: "The segment's own bounds on a lever.", [
        .optional("min", .numberOrWord, "the lowest setting (or level) this segment accepts"),
        .optional("max", .numberOrWord, "the highest setting (or level) this segment accepts"),
    ])

    public static let segment = ObjectShape("segment", doc: "One client segment per file.", [
        .required("id", .identifier, "the segment's id"),
        .required("name", .text, "the segment's name"),
        .required("size", .choice(Segment.Size.allCases.map(\.rawValue)), "micro, sme or enterprise"),
        .optional("doc", .text, "who these clients are"),
        .optional("facts", .dictionary(.numberOrWord), "values of declared segment.* facts, by short name"),
        .required("drivers", .list(.object(driver), minCount: 1), "the segment's wants, needs, pains and fears"),
        .optional("buys", .dictionary(.dictionary(.numberOrWord)),
                  "offering id -> what the segment has of it today (lever id -> setting); only these offerings are advised for it"),
        .optional("bounds", .dictionary(.object(leverBound)), "lever id -> {min, max}: the segment's own bounds on a lever"),
    ])

    public static let rival = ObjectShape("rival", doc: "A competitor's offer, or the status quo, in our offerings' terms; one per file.", [
        .required("id", .identifier, "the rival's id"),
        .required("name", .text, "the name the client knows it by"),
        .optional("kind", .choice(Rival.Kind.allCases.map(\.rawValue)),
                  "competitor (default), or status-quo: doing nothing, or the work in-house"),
        .optional("doc", .text, "where the figures come from, and when"),
        .required("competes_with", .list(.identifier, minCount: 1), "the ids of our offerings it competes with"),
        .required("offers", .dictionary(.numberOrWord),
                  "lever id (or offering-id.lever-id) -> its setting; a lever it does not match relieves nothing"),
        .optional("only_for", .list(.identifier, minCount: 1), "the segments that consider it; default every segment"),
        .optional("per_segment", .dictionary(.dictionary(.numberOrWord)),
                  "segment id -> settings that segment gets differently (lever id -> setting)"),
    ])

    static let condition: Shape = .oneOf([
        .text,
        .list(.text, minCount: 1),
        .object(ObjectShape("condition group", doc: "all: every part holds; any: at least one holds.", [
            .optional("all", .list(.text, minCount: 1), "every expression must hold"),
            .optional("any", .list(.text, minCount: 1), "at least one expression must hold"),
        ])),
    ])

    public static let action = ObjectShape("action", doc: "One thing a rule does: adjust, emphasize, pin or say.", [
        .optional("adjust", .identifier, "a lever to move"),
        .optional("by", .change, "with adjust: -10% (percent) or -40 (units; levels for level levers)"),
        .optional("to", .numberOrWord, "with adjust: a value or a level"),
        .optional("emphasize", .identifier, "a driver id, or a kind: want, need, pain, fear"),
        .optional("times", .number, "with emphasize: factor on importance (> 0)"),
        .optional("pin", .identifier, "a lever the balancer may not move"),
        .optional("say", .text, "a talking point for the meeting"),
        .optional("about", .identifier, "with say: the driver id or kind it speaks to"),
    ])

    public static let rule = ObjectShape("rule", doc: "When a condition holds, change the offering and say why.", [
        .required("id", .identifier, "the rule's id, unique in the workspace"),
        .required("when", condition, "the condition (an expression, a list meaning all, or all:/any:)"),
        .required("why", .text, "a sentence for the report: why this advice"),
        .optional("priority", .integer, "higher wins when rules adjust the same lever; default 0"),
        .required("then", .list(.object(action), minCount: 1), "the actions"),
        .optional("offerings", selection, "the offering(s) the rule is about: it fires for no other"),
    ])

    public static let ruleset = ObjectShape("ruleset", doc: "A ruleset file: rules on one theme.", [
        .required("ruleset", .identifier, "the ruleset's id"),
        .optional("doc", .text, "what the ruleset is about"),
        .required("rules", .list(.object(rule)), "the rules"),
    ])

    static let marketValue: Shape = .oneOf([
        .numberOrWord,
        .object(ObjectShape("fact with source", doc: "A value with where it came from.", [
            .required("value", .numberOrWord, "the value"),
            .optional("source", .text, "where the figure comes from"),
        ])),
    ])

    public static let scenario = ObjectShape("scenario", doc: "Market conditions to advise under.", [
        .required("id", .identifier, "the scenario's id"),
        .required("name", .text, "the scenario's name"),
        .optional("doc", .text, "what the scenario describes"),
        .optional("as_of", .date, "when the market data was true (YYYY-MM-DD)"),
        .required("market", .dictionary(marketValue), "values of declared market.* facts, by short name"),
    ])

    static let selection: Shape = .oneOf([.identifier, .list(.identifier, minCount: 1)])

    public static let leverExpectation: Shape = .oneOf([
        .numberOrWord,
        .object(ObjectShape("lever range", doc: "A range the lever's setting must fall in.", [
            .optional("min", .number, "lowest acceptable setting"),
            .optional("max", .number, "highest acceptable setting"),
        ])),
    ])

    public static let expectation = ObjectShape("expectation", doc: "What each piece of advice must show.", [
        .optional("fired", .list(.identifier), "rules that must fire"),
        .optional("not_fired", .list(.identifier), "rules that must not fire"),
        .optional("levers", .dictionary(leverExpectation), "lever id -> expected setting or {min, max}"),
        .optional("held", .bool, "whether value must be held"),
        .optional("warnings", .list(.identifier), "warning codes that must be present"),
        .optional("talking_points", .list(.identifier), "drivers (or kinds) that must get a talking point"),
    ])

    public static let sweep = ObjectShape("sweep", doc: "A fact swept over values; the expectation holds at each.", [
        .required("fact", .text, "the fact to sweep, e.g. market.competitor_price_index"),
        .optional("values", .list(.number, minCount: 1), "the values; default: steps across the declared range"),
        .optional("steps", .integer, "how many points across the range; default 11"),
        .optional("lever", .identifier, "with direction: the lever to watch"),
        .optional("direction", .choice(Sweep.Direction.allCases.map(\.rawValue)), "how the lever may move as the fact rises"),
    ])

    public static let test = ObjectShape("test", doc: "A situation and what the advice must show.", [
        .required("name", .text, "what the test proves, in a sentence"),
        .optional("scenario", selection, "scenario id(s), or all; default: the workspace's default"),
        .optional("offering", selection, "offering id(s), or all; default: all"),
        .optional("segment", selection, "segment id(s), or all; default: all"),
        .optional("market", .dictionary(.numberOrWord), "market facts overriding the scenario's"),
        .optional("segment_facts", .dictionary(.numberOrWord), "segment facts overriding the segment's"),
        .optional("sweep", .object(sweep), "sweep a fact and check the expectation at each value"),
        .required("expect", .object(expectation), "what the advice must show"),
    ])

    public static let testFile = ObjectShape("test file", doc: "tests/*.yaml: tests of the rules.", [
        .required("tests", .list(.object(test), minCount: 1), "the tests"),
    ])
}
