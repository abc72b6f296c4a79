@testable import AdviserCore

/// One random workspace advised for every offering its segment is offered, each advice beside
/// what the documentation says it should be (`ReferenceAdvice`).
struct AdviceSample: Sendable {
    struct Case: Sendable {
        let advice: Advice
        /// The same advice as batch mode makes it: from what it prepared for the offering ×
        /// segment, with warnings worded for an earlier client.
        let batched: Advice
        let reference: ReferenceAdvice
        let objective: BalanceObjective
        let tolerance: Double

        var offering: Offering { reference.offering }
        var segment: Segment { reference.segment }
    }

    let seed: UInt64
    let spec: WorkspaceSpec
    let cases: [Case]

    init(seed: UInt64) {
        var random = RandomWorkspace(seed: seed)
        self.init(seed: seed, spec: random.spec())
    }

    init(seed: UInt64, spec: WorkspaceSpec) {
        let workspace: Workspace
        switch spec.load() {
        case .success(let loaded): workspace = loaded
        case .failure(let failure): fatalError("seed \(seed) does not load: \(failure.errors)\n\(spec.yaml)")
        }
        let engine = try! AdviceEngine(workspace: workspace)
        let segment = workspace.segments[0], scenario = workspace.scenarios[0]
        self.seed = seed
        self.spec = spec
        let offered = workspace.offerings.indices.filter { index in
            spec.segment.buys?.contains { $0.offering == workspace.offerings[index].id } ?? true
        }
        cases = offered.map { index in
            let offering = workspace.offerings[index]
            var batch = AdviceEngine.Options()
            batch.prepared = PreparedAdvice(engine: engine, offeringIndex: index, segmentIndex: 0, scenario: scenario)
            _ = engine.advise(offering: offering, segment: segment, scenario: scenario, options: batch)
            return Case(
                advice: engine.advise(offering: offering, segment: segment, scenario: scenario),
                batched: engine.advise(offering: offering, segment: segment, scenario: scenario, options: batch),
                reference: ReferenceAdvice(workspace: workspace, offering: offering, segment: segment),
                objective: workspace.settings.balance, tolerance: workspace.settings.valueTolerance)
        }
    }
}
