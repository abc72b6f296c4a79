import AdviserTestSupport
import Foundation
import Testing

/// `adviser compare`, run as a user runs it.
struct CompareCommandTests {
    static let minimal = PackagePaths.fixtureWorkspace("minimal").path

    @Test func jsonListsTheDifferingRulesAndLeversExactly() throws {
        let result = try AdviserProcess.run(["compare", "--rules", Self.minimal, "--scenario", "current", "--scenario", "downturn",
                                             "--segment", "micro-retail", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((report["scenarios"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["current", "downturn"])
        let row = try #require((report["comparisons"] as? [[String: Any]])?.first)
        #expect(row["segment"] as? String == "micro-retail" && row["differs"] as? Bool == true)
        let rules = try #require(row["rules_differing"] as? [[String: Any]])
        #expect(rules.compactMap { $0["rule"] as? String } == ["expansion-grow-scope", "downturn-cost-focus", "undercut-by-rivals"])
        #expect(rules.compactMap { $0["fired_in"] as? [String] } == [["current"], ["downturn"], ["downturn"]])
        let levers = try #require(row["levers_differing"] as? [[String: Any]])
        #expect(levers.compactMap { $0["lever"] as? String } == ["price", "workshop_days", "payment_terms", "follow_up_calls"])
        let price = try #require(levers.first?["settings"] as? [[String: Any]])
        #expect(price.compactMap { $0["to_text"] as? String } == ["5200", "4300"])
        #expect(price.compactMap { $0["source"] as? String } == ["balance", "downturn-cost-focus"])
        #expect((row["by_scenario"] as? [[String: Any]])?.count == 2)
    }

    @Test func everyFormatRendersAndTextShowsTheScenariosSideBySide() throws {
        let text = try AdviserProcess.run(["compare", "--rules", Self.minimal, "--all-scenarios"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("- downturn-cost-focus: fires under downturn, not under current"))
        #expect(text.stdout.contains("Package price      5200 EUR   4300 EUR"))
        for (format, start) in [("markdown", "# Northwind"), ("html", "<!DOCTYPE html>")] {
            let result = try AdviserProcess.run(["compare", "--rules", Self.minimal, "--all-scenarios", "--format", format])
            #expect(result.status == 0 && result.stdout.hasPrefix(start), "\(format): \(result.stderr)")
        }
        // The shipped workspace: it runs, whatever its content.
        let shipped = try AdviserProcess.run(["compare", "--all-scenarios", "--format", "json"])
        #expect(shipped.status == 0, "\(shipped.stderr)")
    }

    @Test func oneScenarioIsAUsageError() throws {
        let result = try AdviserProcess.run(["compare", "--rules", Self.minimal, "--scenario", "current"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("at least two scenarios"))
        let unknown = try AdviserProcess.run(["compare", "--rules", Self.minimal, "--scenario", "current", "--scenario", "downtrun"])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown scenario 'downtrun'"))
    }
}
