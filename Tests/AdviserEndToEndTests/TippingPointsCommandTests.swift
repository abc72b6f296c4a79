import AdviserTestSupport
import Foundation
import Testing

/// `adviser tipping-points`, run as a user runs it.
struct TippingPointsCommandTests {
    static let minimal = PackagePaths.fixtureWorkspace("minimal").path

    @Test func jsonCarriesEachClaimWithTheReAdviceThatVerifiesIt() throws {
        let result = try AdviserProcess.run(["tipping-points", "--rules", Self.minimal, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((report["scenario"] as? [String: Any])?["id"] as? String == "current")
        let facts = try #require(report["facts"] as? [[String: Any]])
        #expect(facts.compactMap { $0["fact"] as? String } == ["market.phase", "market.demand_index", "market.competitor_price_index"])
        let rivals = try #require((facts[2]["tipping_points"] as? [[String: Any]])?.first)
        #expect(rivals["claim"] as? String == "if market.competitor_price_index falls below 0.9")
        #expect(rivals["tested"] as? Double == 0.89 && rivals["direction"] as? String == "falls")
        let micro = try #require((rivals["changes"] as? [[String: Any]])?.first { $0["segment"] as? String == "micro-retail" })
        #expect(micro["started_firing"] as? [String] == ["undercut-by-rivals"])
        let calls = try #require((micro["levers"] as? [[String: Any]])?.first { $0["lever"] as? String == "follow_up_calls" })
        // Today the balancer gives six calls; undercut-by-rivals sets five, and the price comes down.
        #expect(calls["before"] as? Double == 6 && calls["after"] as? Double == 5)
        for key in ["value_before", "value_after", "held_before", "held_after"] { #expect(micro[key] != nil, "\(key)") }
        // An enum fact: no threshold, the other values each block holds for.
        let phase = try #require(facts.first)
        #expect(phase["now"] as? String == "expansion" && phase["thresholds"] == nil)
        let phases = try #require(phase["tipping_points"] as? [[String: Any]])
        #expect(phases.map { $0["values"] as? [String] ?? [] } == [["peak", "downturn", "recovery"], ["peak", "recovery"], ["downturn"]])
        #expect(phases.first?["claim"] as? String == "if market.phase becomes peak, downturn or recovery")
    }

    /// The fact a user cares about most: the shipped workspace tells what each other phase changes.
    @Test func theShippedWorkspaceListsTheMarketPhase() throws {
        let result = try AdviserProcess.run(["tipping-points"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\nmarket.phase: now expansion · unit phase\n"))
        #expect(result.stdout.contains("  - if market.phase becomes downturn (rules downturn-cut-price,"))
        #expect(result.stdout.contains("Managed bookkeeping for Trades and solo professionals: rule downturn-cut-price now fires;"))
    }

    @Test func textAndMarkdownRenderAndTheShippedWorkspaceRuns() throws {
        let text = try AdviserProcess.run(["tipping-points", "--rules", Self.minimal, "--scenario", "downturn"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("if market.competitor_price_index reaches 0.9"))
        let markdown = try AdviserProcess.run(["tipping-points", "--rules", Self.minimal, "--format", "markdown"])
        #expect(markdown.status == 0 && markdown.stdout.hasPrefix("# Northwind Sales Coaching: tipping points"))
        let shipped = try AdviserProcess.run(["tipping-points", "--format", "json"])
        #expect(shipped.status == 0, "\(shipped.stderr)")
    }
}
