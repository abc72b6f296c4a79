import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// `adviser diff`'s core: exactly the combinations a rule change affects.
struct AdviceDiffTests {
    func load(_ path: String) throws -> Workspace {
        let outcome = WorkspaceLoader().load(path)
        try #require(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.line))")
        return outcome.workspace
    }

    @Test func oneAdjustmentChangedReportsExactlyItsCombinations() throws {
        let base = try load(PackagePaths.fixtureWorkspace("minimal").path)
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try copy.edit("rules/business-cycle.yaml", replacing: "        by: -10%", with: "        by: -20%")
        let head = try load(copy.path)
        let diff = try AdviceDiff.compare(base: base, head: head, baseName: "base", headName: "head")
        // The rule fires only in a downturn for price-sensitive segments (micro-retail at 0.8).
        let expected = base.offerings.flatMap { o in base.segments.flatMap { s in base.scenarios.map { (o, s, $0) } } }
            .filter { _, segment, scenario in
                scenario.market["phase"]?.value.value == .string("downturn")
                    && (segment.facts["price_sensitivity"]?.value.value.number ?? 0) >= 0.5
            }
            .map { AdviceDiff.Key(offering: $0.0.id, segment: $0.1.id, scenario: $0.2.id) }
        #expect(!expected.isEmpty)
        #expect(diff.changes.map(\.key) == expected)
        #expect(diff.compared == base.offerings.count * base.segments.count * base.scenarios.count)
        #expect(diff.onlyInBase.isEmpty && diff.onlyInHead.isEmpty)
        let change = try #require(diff.changes.first)
        #expect(change.nowFired.isEmpty && change.noLongerFired.isEmpty)
        #expect(change.levers.contains { $0.lever == "price" && $0.before == "4300" && $0.after == "3800" && $0.sourceAfter == "downturn-cost-focus" })
        #expect(diff.changedRules.map(\.rule.id) == ["downturn-cost-focus"])
    }

    @Test func noChangeNoDifferences() throws {
        let base = try load(PackagePaths.fixtureWorkspace("minimal").path)
        let diff = try AdviceDiff.compare(base: base, head: base, baseName: "a", headName: "b")
        #expect(diff.isEmpty)
        #expect(AdviceDiffMarkdownReporter().render(diff).contains("No advice changes."))
    }

    @Test func aRuleThatStopsFiringIsNamed() throws {
        let base = try load(PackagePaths.fixtureWorkspace("minimal").path)
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try copy.edit("rules/business-cycle.yaml", replacing: "market.demand_index > 1.1", with: "market.demand_index > 1.5")
        let diff = try AdviceDiff.compare(base: base, head: try load(copy.path), baseName: "a", headName: "b")
        #expect(!diff.changes.isEmpty)
        #expect(diff.changes.allSatisfy { $0.noLongerFired.map(\.id) == ["expansion-grow-scope"] && $0.key.scenario == "current" })
        let github = AdviceDiffGitHubReporter().render(diff)
        #expect(github.hasPrefix("::notice file=\(copy.path("rules/business-cycle.yaml")),line="))
        #expect(github.contains("no longer fires"))
    }
}
