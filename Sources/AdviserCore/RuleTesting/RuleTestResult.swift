/// The outcome of one test from `tests/*.yaml`.
public struct RuleTestResult: Sendable {
    public var name: String
    public var file: String
    public var location: SourceLocation
    /// Every unmet expectation; empty when the test passed.
    public var failures: [Failure]
    /// How many pieces of advice the test checked (combinations × sweep points).
    public var checks: Int

    public var passed: Bool { failures.isEmpty }

    /// One unmet expectation, at the place in the test file that states it.
    public struct Failure: Sendable {
        public var location: SourceLocation
        public var message: String

        /// `file:line:col: message`, the line a user jumps to.
        public var line: String { "\(location): \(message)" }
    }
}

/// All test results of a run, with rule coverage and the phase × size matrix.
public struct RuleTestReport: Sendable {
    public var results: [RuleTestResult]
    public var coverage: RuleCoverage
    public var matrix: CoverageMatrix?

    public var passed: Int { results.count { $0.passed } }
    public var failed: Int { results.count { !$0.passed } }
}

/// Which rules some test made fire.
public struct RuleCoverage: Sendable {
    public struct Ruleset: Sendable {
        public var id: String
        public var file: String
        public var total: Int
        public var covered: Int
        public var percent: Double { total == 0 ? 100 : Double(covered) * 100 / Double(total) }
    }

    public var rulesets: [Ruleset]
    /// Rules no test fired, in file order.
    public var uncovered: [(rule: String, location: SourceLocation)]

    public var total: Int { rulesets.reduce(0) { $0 + $1.total } }
    public var covered: Int { rulesets.reduce(0) { $0 + $1.covered } }
    public var percent: Double { total == 0 ? 100 : Double(covered) * 100 / Double(total) }
}

/// For each business-cycle phase × client size: is it tested, and does any rule speak to it?
public struct CoverageMatrix: Sendable {
    public struct Cell: Sendable {
        public var phase: String
        public var size: Segment.Size
        /// Some test advised a segment of this size under a scenario in this phase.
        public var tested: Bool
        /// Some rule fires for some offering × segment of this size under a shipped scenario in this
        /// phase (nil: the workspace has no scenario or no segment for this cell).
        public var ruleFires: Bool?
    }

    public var phases: [String]
    public var cells: [Cell]

    public func cell(_ phase: String, _ size: Segment.Size) -> Cell? {
        cells.first { $0.phase == phase && $0.size == size }
    }
}
