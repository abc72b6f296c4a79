/// The static analyses `adviser validate` runs once a workspace has no errors: rules that conflict,
/// can never fire or are always overridden; facts, drivers and levers nothing uses; rules no test
/// names; and advice that cannot hold value. Every finding is a warning (`--strict` fails on them).
public struct WorkspaceAnalyzer: Sendable {
    public let workspace: Workspace
    /// Run the advice for every offering × segment × scenario (value-cannot-hold).
    public var adviseEverything = true

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    public func analyze() -> [Diagnostic] {
        var ignored: [(analysis: String, seconds: Double)] = []
        return analyze(timings: &ignored)
    }

    /// The same, recording how long each analysis took (seconds), for the benchmark.
    public func analyze(timings: inout [(analysis: String, seconds: Double)]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func timed<T>(_ name: String, _ work: () -> T) -> T {
            let start = ContinuousClock.now
            let result = work()
            let elapsed = ContinuousClock.now - start
            timings.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            return result
        }
        let logic = timed("conditions") { RuleLogic(workspace: workspace) }
        diagnostics += timed("unreachable-rule") { ReachabilityAnalysis(logic: logic).run() }
        diagnostics += timed("conflict") { ConflictAnalysis(logic: logic, workspace: workspace).run() }
        diagnostics += timed("shadowed-adjustment") { ShadowAnalysis(logic: logic).run() }
        diagnostics += timed("unused") {
            UnusedFactAnalysis(logic: logic, workspace: workspace).run() + UnusedDriverAnalysis(workspace: workspace).run()
                + UnusedLeverAnalysis(workspace: workspace).run() + UntestedRuleAnalysis(workspace: workspace).run()
        }
        if adviseEverything { diagnostics += timed("value-cannot-hold") { ValueHoldAnalysis(workspace: workspace).run() } }
        return diagnostics.sorted()
    }
}
