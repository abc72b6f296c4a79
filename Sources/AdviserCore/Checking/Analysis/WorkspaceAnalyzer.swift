/// The static analyses `adviser validate` runs once a workspace has no errors: rules that conflict,
/// can never fire or are always overridden; facts, drivers and levers nothing uses; rules no test
/// names; and advice that cannot hold value. Every finding is a warning (`--strict` fails on them).
package struct WorkspaceAnalyzer: Sendable {
    package let workspace: Workspace
    /// Run the advice for every offering × segment × scenario (value-cannot-hold).
    package var adviseEverything = true

    package init(workspace: Workspace) {
        self.workspace = workspace
    }

    package func analyze() -> [Diagnostic] {
        var ignored: [(analysis: String, seconds: Double)] = []
        return analyze(timings: &ignored)
    }

    /// The same, recording how long each analysis took (seconds), for the benchmark.
    package func analyze(timings: inout [(analysis: String, seconds: Double)]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func timed<T>(_ name: String, _ work: () -> T) -> T {
            let start = ContinuousClock.now
            let result = work()
            let elapsed = ContinuousClock.now - start
            timings.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            return result
        }
        // The engine that value-cannot-hold advises with has checked every condition already: the
        // other analyses read its checked expressions.
        let engine = adviseEverything ? timed("compile") { try? AdviceEngine(workspace: workspace) } : nil
        let logic = timed("conditions") { RuleLogic(workspace: workspace, compiled: engine?.rules ?? []) }
        diagnostics += timed("unreachable-rule") { ReachabilityAnalysis(logic: logic).run() }
        diagnostics += timed("conflict") { ConflictAnalysis(logic: logic, workspace: workspace).run() }
        diagnostics += timed("shadowed-adjustment") { ShadowAnalysis(logic: logic).run() }
        diagnostics += timed("unused") {
            UnusedFactAnalysis(logic: logic, workspace: workspace).run() + UnusedDriverAnalysis(workspace: workspace).run()
                + UnusedLeverAnalysis(workspace: workspace).run() + UntestedRuleAnalysis(workspace: workspace).run()
        }
        if let engine { diagnostics += timed("value-cannot-hold") { ValueHoldAnalysis(engine: engine).run() } }
        // `diagnostics.sorted()`, moving indices rather than diagnostics (a large workspace has
        // hundreds of thousands, and moving one retains every string in it).
        let order = diagnostics.withUnsafeBufferPointer { all in all.indices.sorted { all[$0] < all[$1] } }
        return order.map { diagnostics[$0] }
    }
}
