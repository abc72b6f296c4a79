@testable import AdviserCore
import Testing

/// Rules and the balancer read one grid (docs/rules.md, "Which setting is a setting"): with
/// `min: 2`, `step: 4`, `max: 20` the settings are 2, 6, 10, 14, 18 and 20. Regression tests for
/// the defect where a rule could land on 20 but the balancer never considered it.
struct OneGridTests {
    /// `hours` (flex, today 18) relieves one driver, `seats` (today 10) another, equally weighted;
    /// one rule with the given action.
    static func workspace(rule: WorkspaceSpec.ActionSpec) throws -> (AdviceEngine, Workspace) {
        let spec = WorkspaceSpec(
            tolerance: 0.005, hold: nil, prefer: nil,
            offerings: [.init(id: "care", levers: [
                .init(id: "hours", kind: .number, unit: "hours", min: 2, max: 20, step: 4, baseline: "18", flex: true),
                .init(id: "seats", kind: .number, unit: "users", min: 0, max: 10, step: 1, baseline: "10", flex: false),
            ])],
            segment: .init(
                drivers: [
                    .init(id: "covered", kind: .need, importance: 1, protected: false, reliefs: [.init(lever: "hours", points: [("2", 0), ("18", 0.9), ("20", 1)])]),
                    .init(id: "team", kind: .want, importance: 1, protected: false, reliefs: [.init(lever: "seats", points: [("0", 0), ("10", 1)])]),
                ],
                buys: nil, bounds: []),
            rules: [.init(id: "the-rule", when: "true", priority: 0, offerings: [], actions: [rule])])
        let workspace = try spec.load().get()
        return (try AdviceEngine(workspace: workspace), workspace)
    }

    static func advise(_ rule: WorkspaceSpec.ActionSpec) throws -> Advice {
        let (engine, workspace) = try workspace(rule: rule)
        return engine.advise(offering: workspace.offerings[0], segment: workspace.segments[0], scenario: workspace.scenarios[0])
    }

    /// Seats 10 → 9 costs half a tenth of value; only hours 18 → 20 gives it back.
    @Test func theBalancerReachesAnOffStepMaximumWhenOnlyItHoldsValue() throws {
        let advice = try Self.advise(.adjust(lever: "seats", by: "-1", to: nil))
        let hours = try #require(advice.levers.first { $0.lever == "hours" })
        #expect(hours.from == 18 && hours.to == 20 && hours.source == .balance)
        #expect(advice.value.held)
    }

    /// To the nearest setting, halfway the higher, clamped to the maximum.
    @Test(arguments: [("20", 20.0), ("25", 20), ("19", 20), ("18.9", 18), ("16", 18)])
    func aRuleLandsOnTheSameGrid(to asked: String, lands: Double) throws {
        let advice = try Self.advise(.adjust(lever: "hours", by: nil, to: asked))
        let hours = try #require(advice.levers.first { $0.lever == "hours" })
        #expect(hours.to == lands && hours.source == .rule("the-rule"))
    }
}
