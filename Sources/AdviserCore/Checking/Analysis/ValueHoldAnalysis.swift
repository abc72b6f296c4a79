import Dispatch
import Synchronization

/// `value-cannot-hold`: advice for an offering × segment × scenario of the workspace that ends with
/// value not held: the rules move the offering further than the flex levers can make up.
/// The combinations are advised in parallel (the engine holds no mutable state).
struct ValueHoldAnalysis {
    let engine: AdviceEngine

    func run() -> [Diagnostic] {
        let workspace = engine.workspace
        var combinations: [(Offering, Segment, Scenario)] = []
        for offering in workspace.offerings {
            for segment in workspace.segments where segment.isOffered(offering.id) {
                for scenario in workspace.scenarios { combinations.append((offering, segment, scenario)) }
            }
        }
        let found = Mutex<[Int: Diagnostic]>([:])
        let all = combinations
        DispatchQueue.concurrentPerform(iterations: all.count) { index in
            let (offering, segment, scenario) = all[index]
            let advice = engine.advise(offering: offering, segment: segment, scenario: scenario)
            guard !advice.value.held else { return }
            let diagnostic = Self.diagnostic(advice, offering: offering, segment: segment, scenario: scenario)
            found.withLock { $0[index] = diagnostic }
        }
        return found.withLock { $0 }.sorted { $0.key < $1.key }.map(\.value)
    }

    static func diagnostic(_ advice: Advice, offering: Offering, segment: Segment, scenario: Scenario) -> Diagnostic {
        let rules = advice.fired.map { "'\($0.rule)'" }.joined(separator: ", ")
        return .warning(
            .valueCannotHold,
            "value cannot be held for '\(offering.id)' × '\(segment.id)' under '\(scenario.id)'"
                + (advice.value.shortfall.map { ": \($0)" } ?? ""),
            at: offering.location,
            hint: "make more levers flex, soften the adjustments" + (rules.isEmpty ? "" : " of \(rules)")
                + ", or check with adviser advise --offering \(offering.id) --segment \(segment.id) --scenario \(scenario.id)",
            related: advice.fired.map { Located("'\($0.rule)' fired", at: $0.location) })
    }
}
