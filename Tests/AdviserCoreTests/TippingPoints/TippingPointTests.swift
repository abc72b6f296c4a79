@testable import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// Tipping points: every one found must be borne out by advising again, every named rule must fire
/// on exactly one side of it, and no line of change is told twice.
struct TippingPointTests {
    func engine(_ root: URL = PackagePaths.fixtureWorkspace("minimal")) throws -> AdviceEngine {
        let outcome = WorkspaceLoader().load(root.path)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        return try AdviceEngine(workspace: outcome.workspace)
    }

    @Test func everyMarketFactTheRulesReadHasAVerifiedTippingPointUnderCurrent() throws {
        let engine = try engine()
        let scenario = try engine.scenario("current")
        let analysis = engine.tippingPoints(scenario: scenario)
        // market.inflation is declared but no rule reads it.
        #expect(analysis.facts.map(\.fact) == ["market.phase", "market.demand_index", "market.competitor_price_index"])
        for fact in analysis.facts { #expect(!fact.points.isEmpty, "\(fact.fact) has no tipping point") }

        let demand = try #require(analysis.facts.first { $0.fact == "market.demand_index" }?.points.first)
        #expect(demand.direction == .falls && demand.threshold == 1.1 && demand.tested == [.number(1.1)])
        #expect(demand.phrase == "falls to 1.1" && demand.rules == ["expansion-grow-scope"])
        #expect(demand.changes.allSatisfy { $0.noLongerFired.map(\.id) == ["expansion-grow-scope"] })
        let rivals = try #require(analysis.facts.first { $0.fact == "market.competitor_price_index" }?.points.first)
        #expect(rivals.direction == .falls && rivals.threshold == 0.9 && rivals.tested == [.number(0.89)])
        #expect(rivals.phrase == "falls below 0.9")
        #expect(rivals.changes.allSatisfy { $0.nowFired.map(\.id) == ["undercut-by-rivals"] })
        try verify(analysis, engine: engine, scenario: scenario)
    }

    @Test func everyOtherPhaseIsTriedAndAChangeSharedByPhasesIsToldOnce() throws {
        let engine = try engine()
        let analysis = engine.tippingPoints(scenario: try engine.scenario("current"))
        let phase = try #require(analysis.facts.first { $0.fact == "market.phase" })
        #expect(phase.now == .string("expansion") && phase.thresholds.isEmpty)
        // Growing SMEs lose expansion-grow-scope whatever the phase becomes; micro retail shops
        // lose it alike in a peak or a recovery, and in a downturn gain the cost focus as well.
        #expect(phase.points.map(\.phrase) == ["becomes peak, downturn or recovery", "becomes peak or recovery", "becomes downturn"])
        #expect(phase.points.map { $0.changes.map(\.segment.id) } == [["growing-sme"], ["micro-retail"], ["micro-retail"]])
        #expect(phase.points.map(\.rules) == [["expansion-grow-scope"], ["expansion-grow-scope"], ["downturn-cost-focus", "expansion-grow-scope"]])
        try verify(analysis, engine: engine, scenario: try engine.scenario("current"))
    }

    @Test func aThresholdOnTheOtherSideIsFoundToo() throws {
        let engine = try engine()
        let analysis = engine.tippingPoints(scenario: try engine.scenario("downturn"))
        let rivals = try #require(analysis.facts.first { $0.fact == "market.competitor_price_index" }?.points.first)
        // 0.85 now; `< 0.9` stops holding at 0.9 itself.
        #expect(rivals.direction == .rises && rivals.tested == [.number(0.9)] && rivals.phrase == "reaches 0.9")
        #expect(rivals.changes.allSatisfy { $0.noLongerFired.map(\.id) == ["undercut-by-rivals"] })
        // demand_index > 1.1 alone does not fire expansion-grow-scope in a downturn: no change, no claim.
        let demand = try #require(analysis.facts.first { $0.fact == "market.demand_index" })
        #expect(demand.points.isEmpty && demand.thresholds.isEmpty)
    }

    @Test func aFactReadInsideArithmeticOrAnInListIsFound() throws {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try copy.edit("rules/competition.yaml", replacing: "market.competitor_price_index < 0.9",
                      with: "market.competitor_price_index * 2.0 - 0.3 < 1.5")
        try copy.edit("rules/business-cycle.yaml", replacing: "market.demand_index > 1.1", with: "market.demand_index in [1.15, 1.3]")
        let engine = try engine(copy.root)
        let scenario = try engine.scenario("current")
        let analysis = engine.tippingPoints(scenario: scenario)
        // 2x − 0.3 < 1.5 holds below 0.9: the same tipping point as `< 0.9`, found by evaluating.
        let rivals = try #require(analysis.facts.first { $0.fact == "market.competitor_price_index" })
        #expect(rivals.points.map(\.phrase) == ["falls below 0.9"] && rivals.points[0].tested == [.number(0.89)])
        // 1.15 now: the rule stops firing just above it, fires again at 1.3 and stops above it;
        // just below 1.15 it stops too.
        let demand = try #require(analysis.facts.first { $0.fact == "market.demand_index" })
        #expect(demand.thresholds == [1.15, 1.3])
        #expect(demand.points.map(\.phrase) == ["rises above 1.15", "reaches 1.3", "rises above 1.3", "falls below 1.15"])
        #expect(demand.points.map(\.tested) == [[.number(1.151)], [.number(1.3)], [.number(1.31)], [.number(1.149)]])
        try verify(analysis, engine: engine, scenario: scenario)
    }

    /// Moving one way, each point tells only what crossing it adds; a line may recur only the other
    /// way (leaving a window of values up or down can undo the same rule).
    @Test func theShippedWorkspaceTellsEachLineOnceAndNamesOnlyRulesThatFlip() throws {
        let engine = try engine(PackagePaths.rules)
        for scenario in engine.workspace.scenarios {
            let analysis = engine.tippingPoints(scenario: scenario)
            #expect(analysis.facts.contains { $0.fact == "market.phase" && !$0.points.isEmpty }, "\(scenario.id)")
            for fact in analysis.facts {
                for direction in [TippingPointAnalysis.TippingPoint.Direction.rises, .falls, .becomes] {
                    let lines = fact.points.filter { $0.direction == direction }.flatMap { $0.changes.map(\.sentence) }
                    #expect(Set(lines).count == lines.count, "\(scenario.id) \(fact.fact) repeats a line")
                }
            }
            // Re-advising every claim twice, explained, is slow in a debug build: two scenarios.
            if ["current", "downturn"].contains(scenario.id) { try verify(analysis, engine: engine, scenario: scenario) }
        }
    }

    @Test func namesTheShortestDecimalAtABoundary() {
        #expect(NumericBoundarySearch.shortestDecimal(between: 3.4999999999999996, and: 3.5) == 3.5)
        #expect(NumericBoundarySearch.shortestDecimal(between: 6, and: 6.000000000000001) == 6)
        #expect(NumericBoundarySearch.step(after: 0.9) == 0.01)
        #expect(NumericBoundarySearch.step(after: 6) == 0.1)
    }

    /// Checks every claim independently: advise (explaining) on both sides of each point; each
    /// named rule's condition holds on exactly one side for some changed pair, and each change is
    /// what the two pieces of advice show.
    func verify(_ analysis: TippingPointAnalysis, engine: AdviceEngine, scenario: Scenario) throws {
        func advice(_ fact: String, _ value: FactValue?) throws -> [Advice] {
            try engine.report(for: AdviceRequest(scenario: scenario, options: .init(explain: true, overrides: value.map { [fact: $0] } ?? [:]))).advice
        }
        for fact in analysis.facts {
            var previous: [TippingPointAnalysis.TippingPoint.Direction: FactValue] = [:]
            for point in fact.points {
                #expect(!point.changes.isEmpty && !point.rules.isEmpty)
                for tested in point.tested {
                    let before = try advice(fact.fact, point.direction == .becomes ? nil : previous[point.direction])
                    let after = try advice(fact.fact, tested)
                    for delta in point.changes {
                        let old = try #require(before.first { $0.offering.id == delta.offering.id && $0.segment.id == delta.segment.id })
                        let new = try #require(after.first { $0.offering.id == delta.offering.id && $0.segment.id == delta.segment.id })
                        #expect(AdviceDelta(from: old, to: new).sentence == delta.sentence, "\(fact.fact) \(point.phrase)")
                    }
                    for rule in point.rules {
                        let flips = point.changes.contains { delta in
                            let holds = { (list: [Advice]) in
                                list.first { $0.offering.id == delta.offering.id && $0.segment.id == delta.segment.id }?
                                    .explanations.first { $0.rule == rule }?.fired ?? false
                            }
                            return holds(before) != holds(after)
                        }
                        #expect(flips, "\(fact.fact) \(point.phrase) names \(rule), which fires on neither side or both")
                    }
                    if let n = tested.number {
                        if let min = fact.min { #expect(n >= min) }
                        if let max = fact.max { #expect(n <= max) }
                    }
                }
                if point.direction != .becomes { previous[point.direction] = point.tested[0] }
            }
        }
    }
}
