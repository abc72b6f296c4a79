/// Runs the tests of `tests/*.yaml` against the real engine: for each test, every combination of
/// its scenarios × offerings × segments (and every point of a sweep) is advised and checked.
public struct RuleTestRunner: Sendable {
    public let engine: AdviceEngine
    /// Today, for the stale-scenario warning (tests may expect it).
    public var today: Int?

    public init(engine: AdviceEngine, today: Int? = nil) {
        self.engine = engine
        self.today = today
    }

    private var workspace: Workspace { engine.workspace }

    public func run() -> RuleTestReport {
        var fired: Set<String> = []
        var tested: Set<String> = []  // "phase|size"
        var results: [RuleTestResult] = []
        for test in workspace.tests {
            var result = RuleTestResult(name: test.name, file: test.file, location: test.location, failures: [], checks: 0)
            for scenario in scenarios(of: test) {
                for offering in select(test.offerings, workspace.offerings, id: \.id) {
                    // A segment is tested on the offerings it is offered, unless the test names both.
                    let named = Self.names(test.offerings) && Self.names(test.segments)
                    for segment in select(test.segments, workspace.segments, id: \.id) where named || segment.isOffered(offering.id) {
                        let context = Context(test: test, scenario: scenario, offering: offering, segment: segment)
                        let outcomes = run(context, result: &result)
                        for advice in outcomes {
                            fired.formUnion(advice.advice.fired.map(\.rule))
                            if let phase = advice.phase { tested.insert("\(phase)|\(segment.size.rawValue)") }
                        }
                    }
                }
            }
            results.append(result)
        }
        return RuleTestReport(results: results, coverage: coverage(fired: fired), matrix: matrix(tested: tested))
    }

    // MARK: - One combination

    private struct Context {
        var test: RuleTest
        var scenario: Scenario
        var offering: Offering
        var segment: Segment

        var label: String { "\(offering.id) × \(segment.id) under \(scenario.id)" }
    }

    private struct Outcome {
        var advice: Advice
        var phase: String?
    }

    /// Advises one combination (once, or at each sweep point) and records unmet expectations.
    private func run(_ context: Context, result: inout RuleTestResult) -> [Outcome] {
        var overrides: [String: FactValue] = [:]
        for (name, assignment) in context.test.market { overrides["market.\(name)"] = assignment.value.value }
        for (name, assignment) in context.test.segmentFacts { overrides["segment.\(name)"] = assignment.value.value }
        guard let sweep = context.test.sweep else {
            let advice = advise(context, overrides)
            result.checks += 1
            result.failures += check(context.test.expect, advice.advice, label: context.label)
            return [advice]
        }
        var outcomes: [Outcome] = []
        var previous: (value: Double, setting: Double, text: String)?
        for point in sweepValues(sweep) {
            var pointOverrides = overrides
            pointOverrides[sweep.fact.value] = .number(point)
            let outcome = advise(context, pointOverrides)
            outcomes.append(outcome)
            result.checks += 1
            let label = "\(context.label) with \(sweep.fact.value) = \(formatNumber(point))"
            let failures = check(context.test.expect, outcome.advice, label: label)
            result.failures += failures
            if let monotonic = sweep.monotonic,
               let lever = outcome.advice.levers.first(where: { $0.lever == monotonic.lever.value }) {
                if let previous {
                    let wrong = monotonic.direction == .neverDecreases ? lever.to < previous.setting : lever.to > previous.setting
                    if wrong {
                        let verb = monotonic.direction == .neverDecreases ? "lowered" : "raised"
                        result.failures.append(.init(
                            location: monotonic.lever.location,
                            message: "expected \(lever.lever) never to \(monotonic.direction == .neverDecreases ? "decrease" : "increase") "
                                + "as \(sweep.fact.value) rises, but raising it from \(formatNumber(previous.value)) to \(formatNumber(point)) "
                                + "\(verb) \(lever.lever) from \(previous.text) to \(lever.toText) (\(context.label))"))
                        break  // the first counter-example is the useful one
                    }
                }
                previous = (point, lever.to, lever.toText)
            }
            if !failures.isEmpty { break }
        }
        return outcomes
    }

    private func advise(_ context: Context, _ overrides: [String: FactValue]) -> Outcome {
        let advice = engine.advise(
            offering: context.offering, segment: context.segment, scenario: context.scenario,
            options: .init(today: today, overrides: overrides))
        var phase: String?
        if case .string(let p)? = overrides["market.phase"] ?? context.scenario.market["phase"]?.value.value { phase = p }
        return Outcome(advice: advice, phase: phase)
    }

    private func sweepValues(_ sweep: Sweep) -> [Double] {
        if let values = sweep.values { return values }
        guard let fact = workspace.fact(sweep.fact.value), let min = fact.min, let max = fact.max else { return [] }
        let steps = Swift.max(sweep.steps, 2)
        return (0..<steps).map { i in
            let value = min + (max - min) * Double(i) / Double(steps - 1)
            return fact.kind == .integer ? value.rounded() : (value * 1e9).rounded() / 1e9
        }
    }

    // MARK: - Expectations

    private func check(_ expect: Expectation, _ advice: Advice, label: String) -> [RuleTestResult.Failure] {
        var failures: [RuleTestResult.Failure] = []
        let firedIDs = advice.fired.map(\.rule)
        let firedText = firedIDs.isEmpty ? "no rule fired" : "fired: " + firedIDs.joined(separator: ", ")
        for rule in expect.fired where !firedIDs.contains(rule.value) {
            failures.append(.init(location: rule.location, message: "expected rule '\(rule.value)' to fire for \(label), but it did not (\(firedText))"))
        }
        for rule in expect.notFired where firedIDs.contains(rule.value) {
            failures.append(.init(location: rule.location, message: "expected rule '\(rule.value)' not to fire for \(label), but it did"))
        }
        for expectation in expect.levers {
            guard let lever = advice.levers.first(where: { $0.lever == expectation.lever.value }) else {
                continue  // the offering has no such lever: nothing to check for it
            }
            if let problem = Self.mismatch(expectation.bound, lever) {
                failures.append(.init(
                    location: expectation.lever.location,
                    message: "expected \(lever.lever) \(problem) for \(label), got \(lever.toText) (\(ReportWording.source(lever.source)))"))
            }
        }
        if let held = expect.held, held.value != advice.value.held {
            let wording = ReportWording()
            let got = "value index \(wording.index(advice.value.final)) against \(wording.index(advice.value.target))"
            failures.append(.init(
                location: held.location,
                message: "expected value \(held.value ? "held" : "not held") for \(label), got \(advice.value.held ? "held" : "not held") (\(got))"))
        }
        let codes = Set(advice.warnings.map(\.code.rawValue))
        for code in expect.warnings where !codes.contains(code.value) {
            failures.append(.init(
                location: code.location,
                message: "expected a '\(code.value)' warning for \(label), got " + (codes.isEmpty ? "none" : codes.sorted().joined(separator: ", "))))
        }
        for target in expect.talkingPoints {
            let found = advice.talkingPoints.contains { point in
                switch target.value {
                case .kind(let kind): point.kind == kind
                case .driver(let id): point.driver == id
                }
            }
            if !found {
                failures.append(.init(location: target.location, message: "expected a talking point about '\(target.value)' for \(label), got none"))
            }
        }
        return failures
    }

    /// Why a lever's setting misses its expectation, or nil when it meets it.
    static func mismatch(_ bound: LeverExpectation.Bound, _ lever: LeverOutcome) -> String? {
        switch bound {
        case .exactly(.number(let n)):
            return abs(lever.to - n) < 1e-9 ? nil : "to be \(formatNumber(n))"
        case .exactly(let value):
            return lever.toText == value.description ? nil : "to be \(value)"
        case .range(let min, let max):
            if let min, lever.to < min - 1e-9 { return "to be at least \(formatNumber(min))" }
            if let max, lever.to > max + 1e-9 { return "to be at most \(formatNumber(max))" }
            return nil
        }
    }

    // MARK: - Selections

    private func scenarios(of test: RuleTest) -> [Scenario] {
        switch test.scenarios {
        case .unspecified: workspace.defaultScenario.map { [$0] } ?? []
        case .all: workspace.scenarios
        case .ids(let ids): ids.compactMap { workspace.scenario($0.value) }
        }
    }

    private static func names(_ selection: RuleTest.Selection) -> Bool {
        if case .ids = selection { return true }
        return false
    }

    private func select<T>(_ selection: RuleTest.Selection, _ all: [T], id: KeyPath<T, String>) -> [T] {
        guard case .ids(let ids) = selection else { return all }
        return ids.compactMap { wanted in all.first { $0[keyPath: id] == wanted.value } }
    }

    // MARK: - Coverage

    private func coverage(fired: Set<String>) -> RuleCoverage {
        var rulesets: [RuleCoverage.Ruleset] = []
        var uncovered: [(rule: String, location: SourceLocation)] = []
        for ruleset in workspace.rulesets {
            let covered = ruleset.rules.count { fired.contains($0.id) }
            rulesets.append(.init(id: ruleset.id, file: ruleset.file, total: ruleset.rules.count, covered: covered))
            uncovered += ruleset.rules.filter { !fired.contains($0.id) }.map { ($0.id, $0.location) }
        }
        return RuleCoverage(rulesets: rulesets, uncovered: uncovered)
    }

    /// Phases come from the `market.phase` enum fact; without one there is no matrix.
    private func matrix(tested: Set<String>) -> CoverageMatrix? {
        guard let fact = workspace.fact("market.phase"), case .enumeration(let phases) = fact.kind else { return nil }
        var cells: [CoverageMatrix.Cell] = []
        for phase in phases {
            let scenarios = workspace.scenarios.filter { $0.market["phase"]?.value.value == .string(phase) }
            for size in Segment.Size.allCases {
                let segments = workspace.segments.filter { $0.size == size }
                var fires: Bool?
                if !scenarios.isEmpty && !segments.isEmpty {
                    fires = scenarios.contains { scenario in
                        segments.contains { segment in
                            workspace.offerings.contains { offering in
                                !engine.advise(offering: offering, segment: segment, scenario: scenario).fired.isEmpty
                            }
                        }
                    }
                }
                cells.append(.init(phase: phase, size: size, tested: tested.contains("\(phase)|\(size.rawValue)"), ruleFires: fires))
            }
        }
        return CoverageMatrix(phases: phases, cells: cells)
    }
}
