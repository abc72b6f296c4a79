import Dispatch

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
            let (result, seconds) = Self.measured(work)
            timings.append((name, seconds))
            return result
        }
        // value-cannot-hold advises on a thread of its own beside the analyses of the rules' logic,
        // which leave a core idle while they index, sort and write findings. That thread then frees
        // the engine's programs too, over all cores: one at a time, it took about as long as
        // compiling them.
        nonisolated(unsafe) var engine = adviseEverything ? timed("compile") { try? AdviceEngine(workspace: workspace, writingJSON: false) } : nil
        nonisolated(unsafe) var compiled = engine?.rules ?? []
        nonisolated(unsafe) var valueHold: (findings: [Diagnostic], seconds: Double)?
        let logicBuilt = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        if engine != nil {
            DispatchQueue.global().async(group: group) {
                valueHold = Self.measured { ValueHoldAnalysis(engine: engine!).run() }
                // The logic reads the checked conditions while it is built; once it is, this thread
                // holds the last references to the programs.
                logicBuilt.wait()
                engine = nil
                let programs = compiled
                compiled = []
                programs.releaseInSlices()
            }
        }
        // The engine has checked every condition already: the logic reads its checked expressions.
        let logic = timed("conditions") { RuleLogic(workspace: workspace, compiled: compiled) }
        logicBuilt.signal()
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
            timings.append(("value-cannot-hold", valueHold.seconds))
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
