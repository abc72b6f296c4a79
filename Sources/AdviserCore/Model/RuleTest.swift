/// A test of the rules, from `tests/*.yaml`: a situation and what the advice must show.
package struct RuleTest: Sendable {
    package var name: String
    /// Which scenarios, offerings and segments the test advises (every combination).
    package var scenarios: Selection
    package var offerings: Selection
    package var segments: Selection
    /// Market facts that override the scenario's (an inline scenario when no scenario is named).
    package var market: [String: FactAssignment]
    /// Segment facts that override the segment's.
    package var segmentFacts: [String: FactAssignment]
    package var expect: Expectation
    /// Property tests: a fact swept over values, the expectation checked at each point.
    package var sweep: Sweep?
    package var file: String
    package var location: SourceLocation

    package init(
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
    package enum Selection: Sendable {
        case unspecified
        case all(SourceLocation)
        case ids([Located<String>])
    }
}

/// What a test expects of each piece of advice it produces.
package struct Expectation: Sendable {
    package var fired: [Located<String>] = []
    package var notFired: [Located<String>] = []
    package var levers: [LeverExpectation] = []
    package var held: Located<Bool>?
    package var warnings: [Located<String>] = []
    package var talkingPoints: [Located<DriverTarget>] = []
    package var location: SourceLocation

    package init(location: SourceLocation) {
        self.location = location
    }
}

/// A lever setting a test expects: one value (or level), or a range.
package struct LeverExpectation: Sendable {
    package enum Bound: Sendable {
        case exactly(FactValue)
        case range(min: Double?, max: Double?)
    }

    package var lever: Located<String>
    package var bound: Bound

    package init(lever: Located<String>, bound: Bound) {
        self.lever = lever
        self.bound = bound
    }
}

/// A fact swept over values; optional monotonicity of a lever across the sweep.
package struct Sweep: Sendable {
    package enum Direction: String, Sendable, CaseIterable {
        case neverDecreases = "never-decreases"
        case neverIncreases = "never-increases"
    }

    package var fact: Located<String>
    /// Explicit values, or nil to take `steps` points across the fact's declared range.
    package var values: [Double]?
    package var steps: Int
    package var monotonic: (lever: Located<String>, direction: Direction)?

    package init(fact: Located<String>, values: [Double]?, steps: Int, monotonic: (lever: Located<String>, direction: Direction)?) {
        self.fact = fact
        self.values = values
        self.steps = steps
        self.monotonic = monotonic
    }
}
