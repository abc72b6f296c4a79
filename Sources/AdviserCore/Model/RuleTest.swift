/// A test of the rules, from `tests/*.yaml`: a situation and what the advice must show.
public struct RuleTest: Sendable {
    public var name: String
    /// Which scenarios, offerings and segments the test advises (every combination).
    public var scenarios: Selection
    public var offerings: Selection
    public var segments: Selection
    /// Market facts that override the scenario's (an inline scenario when no scenario is named).
    public var market: [String: FactAssignment]
    /// Segment facts that override the segment's.
    public var segmentFacts: [String: FactAssignment]
    public var expect: Expectation
    /// Property tests: a fact swept over values, the expectation checked at each point.
    public var sweep: Sweep?
    public var file: String
    public var location: SourceLocation

    public init(
        name: String, scenarios: Selection, offerings: Selection, segments: Selection,
        market: [String: FactAssignment], segmentFacts: [String: FactAssignment], expect: Expectation,
        sweep: Sweep?, file: String, location: SourceLocation
    ) {
        self.name = name
        self.scenarios = scenarios
        self.offerings = offerings
        self.segments = segments
        self.market = market
        self.segmentFacts = segmentFacts
        self.expect = expect
        self.sweep = sweep
        self.file = file
        self.location = location
    }

    /// Some ids, or every one the workspace has (`all`), or the default (nothing said).
    public enum Selection: Sendable {
        case unspecified
        case all(SourceLocation)
        case ids([Located<String>])
    }
}

/// What a test expects of each piece of advice it produces.
public struct Expectation: Sendable {
    public var fired: [Located<String>] = []
    public var notFired: [Located<String>] = []
    public var levers: [LeverExpectation] = []
    public var held: Located<Bool>?
    public var warnings: [Located<String>] = []
    public var talkingPoints: [Located<DriverTarget>] = []
    public var location: SourceLocation

    public init(location: SourceLocation) {
        self.location = location
    }
}

/// A lever setting a test expects: one value (or level), or a range.
public struct LeverExpectation: Sendable {
    public enum Bound: Sendable {
        case exactly(FactValue)
        case range(min: Double?, max: Double?)
    }

    public var lever: Located<String>
    public var bound: Bound

    public init(lever: Located<String>, bound: Bound) {
        self.lever = lever
        self.bound = bound
    }
}

/// A fact swept over values; optional monotonicity of a lever across the sweep.
public struct Sweep: Sendable {
    public enum Direction: String, Sendable, CaseIterable {
        case neverDecreases = "never-decreases"
        case neverIncreases = "never-increases"
    }

    public var fact: Located<String>
    /// Explicit values, or nil to take `steps` points across the fact's declared range.
    public var values: [Double]?
    public var steps: Int
    public var monotonic: (lever: Located<String>, direction: Direction)?

    public init(fact: Located<String>, values: [Double]?, steps: Int, monotonic: (lever: Located<String>, direction: Direction)?) {
        self.fact = fact
        self.values = values
        self.steps = steps
        self.monotonic = monotonic
    }
}
