import Dispatch

/// The static analyses `adviser validate` runs once a workspace has no errors: rules that conflict,
/// can never fire or are always overridden; facts, drivers and levers nothing uses; rules no test
/// names; and advice that cannot hold value. Every finding is a warning (`--strict` fails on them).
package struct WorkspaceAnalyzer: Sendable {
    package let workspace: Workspace
    /// Run the advice for every offering × segment × scenario (value-cannot-hold).
    package var adviseEverything = true

    /// The conditions as the load checked them; nil: checked here.
    package var conditions: CheckedConditions?

    /// - Parameter conditions: the conditions as the load checked them (`WorkspaceLoader.Outcome`),
    ///   which spares checking them again.
    package init(workspace: Workspace, conditions: CheckedConditions? = nil) {
        self.workspace = workspace
        self.conditions = conditions
    }

    package func analyze() -> [Diagnostic] {
        var ignored: [(analysis: String, seconds: Double)] = []
        return analyze(timings: &ignored)
    }

    /// The same, recording how long each analysis took (seconds), for the benchmark.
    package func analyze(timings: inout [(analysis: String, seconds: Double)]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func timed<T>(_ name: String, _ work: () -> T) -> T {
            let (result, seconds) = Self.measured(work)
            timings.append((name, seconds))
            return result
        }
        // The engine and the logic both build on the conditions checked once.
        let conditions = self.conditions ?? timed("check") {
            ConditionCompiler(workspace: workspace).check(workspace, keeping: true).conditions
        }
        // value-cannot-hold compiles its engine and advises on a thread of its own beside the
        // analyses of the rules' logic, which leave a core idle while they index, sort and write
        // findings. That thread then frees the engine's programs too, over all cores.
        nonisolated(unsafe) var valueHold: (findings: [Diagnostic], compile: Double, advise: Double)?
        let group = DispatchGroup()
        if adviseEverything {
            DispatchQueue.global().async(group: group) { [workspace] in
                let (engine, compile) = Self.measured { try? AdviceEngine(workspace: workspace, conditions: conditions, writingJSON: false) }
                guard let engine else { return }
                let (findings, advise) = Self.measured { ValueHoldAnalysis(engine: engine).run() }
                valueHold = (findings, compile, advise)
                let programs = engine.rules
                _ = consume engine
                programs.releaseInSlices()
            }
        }
        let logic = timed("conditions") { RuleLogic(workspace: workspace, conditions: conditions) }
        diagnostics += timed("unreachable-rule") { ReachabilityAnalysis(logic: logic).run() }
        diagnostics += timed("conflict") { ConflictAnalysis(logic: logic, workspace: workspace).run() }
        diagnostics += timed("shadowed-adjustment") { ShadowAnalysis(logic: logic).run() }
        diagnostics += timed("unused") {
            UnusedFactAnalysis(logic: logic, workspace: workspace).run() + UnusedDriverAnalysis(workspace: workspace).run()
                + UnusedLeverAnalysis(workspace: workspace).run() + UntestedRuleAnalysis(workspace: workspace).run()
        }
        timed("waiting for value-cannot-hold") { group.wait() }
        if let valueHold {
            diagnostics += valueHold.findings
            timings.append(("compile", valueHold.compile))
            timings.append(("value-cannot-hold", valueHold.advise))
        }
        // `diagnostics.sorted()`, moving indices rather than diagnostics (a large workspace has
        // hundreds of thousands, and moving one retains every string in it).
        let order = diagnostics.withUnsafeBufferPointer { all in all.indices.sorted { all[$0] < all[$1] } }
        return order.map { diagnostics[$0] }
    }

    private static func measured<T>(_ work: () -> T) -> (T, seconds: Double) {
        let start = ContinuousClock.now
        let result = work()
        let elapsed = ContinuousClock.now - start
        return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
