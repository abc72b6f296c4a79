@testable import AdviserCore
import AdviserTestSupport
import Testing

/// `ScenarioComparison` on the minimal fixture: today's market against the downturn.
struct ScenarioComparisonTests {
    func comparison() throws -> ScenarioComparison {
        let outcome = WorkspaceLoader().load(PackagePaths.fixtureWorkspace("minimal").path)
        #expect(!outcome.diagnostics.hasErrors)
        let engine = try AdviceEngine(workspace: outcome.workspace)
        return try engine.compare(scenarios: [try engine.scenario("current"), try engine.scenario("downturn")])
    }

    func settings(_ lever: ScenarioComparison.LeverDifference) -> [String] { lever.outcomes.map(\.toText) }

    @Test func listsTheRulesAndLeverSettingsThatDiffer() throws {
        let c = try comparison()
        #expect(c.scenarios.map(\.id) == ["current", "downturn"])
        #expect(c.rows.map(\.segment.id) == ["growing-sme", "micro-retail"])

        let sme = c.rows[0]
        #expect(sme.rules == [
            .init(rule: "expansion-grow-scope", why: sme.rules.first?.why ?? "", firedIn: ["current"], notFiredIn: ["downturn"]),
            .init(rule: "undercut-by-rivals", why: sme.rules.last?.why ?? "", firedIn: ["downturn"], notFiredIn: ["current"]),
        ])
        #expect(sme.levers.map(\.lever) == ["workshop_days", "payment_terms", "follow_up_calls"])
        #expect(sme.levers.map(settings) == [["5", "3"], ["0", "45"], ["3", "5"]])

        let micro = c.rows[1]
        #expect(micro.rules.map(\.rule) == ["expansion-grow-scope", "downturn-cost-focus", "undercut-by-rivals"])
        #expect(micro.rules.map(\.firedIn) == [["current"], ["downturn"], ["downturn"]])
        #expect(micro.levers.map(\.lever) == ["price", "workshop_days", "payment_terms", "follow_up_calls"])
        #expect(micro.levers.map(settings) == [["5200", "4300"], ["5", "2"], ["15", "30"], ["6", "5"]])
        #expect(micro.levers[0].outcomes.map(\.source) == [.balance, .rule("downturn-cost-focus")])
        #expect(micro.advice.allSatisfy { $0.value.held })
        #expect(c.rows.allSatisfy { $0.differs })
    }

    @Test func aScenarioComparedWithItselfDiffersNowhere() throws {
        let outcome = WorkspaceLoader().load(PackagePaths.fixtureWorkspace("minimal").path)
        let engine = try AdviceEngine(workspace: outcome.workspace)
        let current = try engine.scenario("current")
        let c = try engine.compare(scenarios: [current, current])
        #expect(c.rows.allSatisfy { !$0.differs && $0.rules.isEmpty && $0.levers.isEmpty })
    }
}
