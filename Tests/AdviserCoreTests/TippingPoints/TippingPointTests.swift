@testable import AdviserCore
import AdviserTestSupport
import Testing

/// Tipping points on the minimal fixture: every one found must be borne out by advising again.
struct TippingPointTests {
    func engine() throws -> AdviceEngine {
        let outcome = WorkspaceLoader().load(PackagePaths.fixtureWorkspace("minimal").path)
        #expect(!outcome.diagnostics.hasErrors)
        return try AdviceEngine(workspace: outcome.workspace)
    }

    @Test func everyNumericMarketFactTheRulesUseHasAVerifiedThresholdUnderCurrent() throws {
        let engine = try engine()
        let scenario = try engine.scenario("current")
        let analysis = engine.tippingPoints(scenario: scenario)
        // The rules compare market.demand_index (> 1.1) and market.competitor_price_index (< 0.9);
        // market.inflation is declared but no rule reads it.
        #expect(analysis.facts.map(\.fact) == ["market.demand_index", "market.competitor_price_index"])
        for fact in analysis.facts { #expect(!fact.points.isEmpty, "\(fact.fact) has no tipping point") }

        let demand = try #require(analysis.facts.first { $0.fact == "market.demand_index" }?.points.first)
        #expect(demand.direction == .falls && demand.threshold == 1.1 && demand.tested == 1.1)
        #expect(demand.rules == ["expansion-grow-scope"])
        #expect(demand.changes.allSatisfy { $0.noLongerFired.map(\.id) == ["expansion-grow-scope"] })
        let rivals = try #require(analysis.facts.first { $0.fact == "market.competitor_price_index" }?.points.first)
        #expect(rivals.direction == .falls && rivals.threshold == 0.9 && rivals.tested == 0.89)
        #expect(rivals.changes.allSatisfy { $0.nowFired.map(\.id) == ["undercut-by-rivals"] })

        // Each claim, checked independently: advise at the tested value and compare.
        let base = try engine.report(for: AdviceRequest(scenario: scenario)).advice
        for fact in analysis.facts {
            for point in fact.points {
                let moved = try engine.report(for: AdviceRequest(
                    scenario: scenario, options: .init(overrides: [fact.fact: .number(point.tested)]))).advice
                for delta in point.changes {
                    let before = try #require(base.first { $0.offering.id == delta.offering.id && $0.segment.id == delta.segment.id })
                    let after = try #require(moved.first { $0.offering.id == delta.offering.id && $0.segment.id == delta.segment.id })
                    for rule in delta.nowFired.map(\.id) {
                        #expect(!before.fired.contains { $0.rule == rule } && after.fired.contains { $0.rule == rule })
                    }
                    for lever in delta.levers {
                        #expect(before.levers.first { $0.lever == lever.lever }?.toText == lever.before)
                        #expect(after.levers.first { $0.lever == lever.lever }?.toText == lever.after)
                    }
                }
                if let min = fact.min { #expect(point.tested >= min) }
                if let max = fact.max { #expect(point.tested <= max) }
            }
        }
    }

    @Test func aThresholdOnTheOtherSideIsFoundToo() throws {
        let engine = try engine()
        let analysis = engine.tippingPoints(scenario: try engine.scenario("downturn"))
        let rivals = try #require(analysis.facts.first { $0.fact == "market.competitor_price_index" }?.points.first)
        // 0.85 now; `< 0.9` stops holding at 0.9 itself.
        #expect(rivals.direction == .rises && rivals.tested == 0.9 && rivals.phrase == "reaches 0.9")
        #expect(rivals.changes.allSatisfy { $0.noLongerFired.map(\.id) == ["undercut-by-rivals"] })
        // demand_index > 1.1 alone does not fire expansion-grow-scope in a downturn: no change, no claim.
        #expect(analysis.facts.first { $0.fact == "market.demand_index" }?.points.isEmpty == true)
    }

    @Test func stepsJustPastAThreshold() {
        #expect(AdviceEngine.step(after: 0.9) == 0.01)
        #expect(AdviceEngine.step(after: 6) == 0.1)
        #expect(AdviceEngine.testValues(6, now: 2.4, direction: .rises, ops: ["_>_"], integer: false) == [6.1])
        #expect(AdviceEngine.testValues(6, now: 2.4, direction: .rises, ops: ["_>=_"], integer: false) == [6, 6.1])
        #expect(AdviceEngine.testValues(10, now: 20, direction: .falls, ops: ["_<_"], integer: true) == [9])
    }
}
