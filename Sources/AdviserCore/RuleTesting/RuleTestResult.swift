/// The outcome of one test from `tests/*.yaml`.
public struct RuleTestResult: Sendable, Codable {
    /// The test's `name:`.
    public var name: String
    /// The test file that holds it.
    public var file: String
    /// Where the test is written.
    public var location: SourceLocation
    /// Every unmet expectation; empty when the test passed.
    public var failures: [Failure]
    /// How many pieces of advice the test checked (combinations × sweep points).
    public var checks: Int

    /// Whether every expectation was met.
    public var passed: Bool { failures.isEmpty }

    /// One unmet expectation, at the place in the test file that states it.
    public struct Failure: Sendable, Codable {
        /// Where the expectation is written.
        public var location: SourceLocation
        /// What was expected and what came.
        public var message: String

        /// `file:line:col: message`, the line a user jumps to.
        public var line: String { "\(location): \(message)" }
    }
}

/// All test results of a run, with rule coverage and the phase × size matrix.
public struct RuleTestReport: Sendable, Codable {
    /// Every test's outcome, in file order.
    public var results: [RuleTestResult]
    /// Which rules some test made fire.
    public var coverage: RuleCoverage
    /// The phase × client size matrix; nil when the workspace has no `market.phase` fact.
    public var matrix: CoverageMatrix?

    /// How many tests passed.
    public var passed: Int { results.count { $0.passed } }
    /// How many tests failed.
    public var failed: Int { results.count { !$0.passed } }
}

/// Which rules some test made fire.
public struct RuleCoverage: Sendable {
    /// One ruleset's coverage.
    public struct Ruleset: Sendable, Codable {
        /// The ruleset's id.
        public var id: String
        /// The file that holds it.
        public var file: String
        /// How many rules it has.
        public var total: Int
        /// How many of them some test fired.
        public var covered: Int
        /// `covered` as a percentage of `total` (100 for an empty ruleset).
        public var percent: Double { total == 0 ? 100 : Double(covered) * 100 / Double(total) }
    }

    /// Coverage ruleset by ruleset, in file order.
    public var rulesets: [Ruleset]
    /// Rules no test fired, in file order.
    public var uncovered: [(rule: String, location: SourceLocation)]

    /// How many rules the workspace has.
    public var total: Int { rulesets.reduce(0) { $0 + $1.total } }
    /// How many of them some test fired.
    public var covered: Int { rulesets.reduce(0) { $0 + $1.covered } }
    /// `covered` as a percentage of `total` (100 for a workspace without rules).
    public var percent: Double { total == 0 ? 100 : Double(covered) * 100 / Double(total) }
}

/// For each business-cycle phase × client size: is it tested, and does any rule speak to it?
public struct CoverageMatrix: Sendable, Codable {
    /// One phase × client size.
    public struct Cell: Sendable, Codable {
        /// The business-cycle phase (a value of `market.phase`).
        public var phase: String
        /// The client size.
        public var size: Segment.Size
        /// Some test advised a segment of this size under a scenario in this phase.
        public var tested: Bool
        /// Some rule fires for some offering × segment of this size under a shipped scenario in this
        /// phase (nil: the workspace has no scenario or no segment for this cell).
        public var ruleFires: Bool?
    }

    /// The phases, in the order `market.phase` declares them.
    public var phases: [String]
    /// Every phase × size, phases first.
    public var cells: [Cell]

    /// The cell of one phase and size, if the matrix has it.
    public func cell(_ phase: String, _ size: Segment.Size) -> Cell? {
        cells.first { $0.phase == phase && $0.size == size }
    }
}
