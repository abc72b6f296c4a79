/// `value-cannot-hold`: advice for an offering × segment × scenario of the workspace that ends with
/// value not held: the rules move the offering further than the flex levers can make up.
struct ValueHoldAnalysis {
    let workspace: Workspace

    func run() -> [Diagnostic] {
        guard let engine = try? AdviceEngine(workspace: workspace) else { return [] }
        var diagnostics: [Diagnostic] = []
        for offering in workspace.offerings {
            for segment in workspace.segments {
                for scenario in workspace.scenarios {
                    let advice = engine.advise(offering: offering, segment: segment, scenario: scenario)
                    guard !advice.value.held else { continue }
                    let rules = advice.fired.map { "'\($0.rule)'" }.joined(separator: ", ")
                    diagnostics.append(.warning(
                        .valueCannotHold,
                        "value cannot be held for '\(offering.id)' × '\(segment.id)' under '\(scenario.id)'"
                            + (advice.value.shortfall.map { ": \($0)" } ?? ""),
                        at: offering.location,
                        hint: "make more levers flex, soften the adjustments" + (rules.isEmpty ? "" : " of \(rules)")
                            + ", or check with adviser advise --offering \(offering.id) --segment \(segment.id) --scenario \(scenario.id)",
                        related: advice.fired.map { Located("'\($0.rule)' fired", at: $0.location) }))
                }
            }
        }
        return diagnostics
    }
}
