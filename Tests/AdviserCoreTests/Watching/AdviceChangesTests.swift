@testable import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// What `adviser watch` prints after a save: each edit shows as the change it makes to the advice,
/// in one line per offering × segment, and an edit that changes nothing says so.
struct AdviceChangesTests {
    static let minimal = PackagePaths.fixtureWorkspace("minimal")

    /// The advice for every offering × segment of the workspace at `path` under `scenario`.
    func advice(_ path: String, scenario: String) throws -> [Advice] {
        let outcome = WorkspaceLoader().load(path)
        try #require(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.line))")
        let engine = try AdviceEngine(workspace: outcome.workspace)
        return try engine.report(for: AdviceRequest(scenario: try engine.scenario(scenario))).advice
    }

    /// The changes an edit of the minimal workspace makes to its advice under `scenario`.
    func changes(under scenario: String, _ edits: Breakage...) throws -> AdviceChanges {
        let copy = try TemporaryWorkspace(copying: Self.minimal)
        try copy.apply(edits)
        return AdviceChanges(from: try advice(Self.minimal.path, scenario: scenario), to: try advice(copy.path, scenario: scenario))
    }

    @Test func noEditNoChange() throws {
        let changes = try changes(under: "downturn")
        #expect(changes.isEmpty)
        #expect(changes.lines.isEmpty)
    }

    @Test func aChangedAdjustmentShowsAsTheLeverItMoves() throws {
        let changes = try changes(under: "downturn", Breakage("rules/business-cycle.yaml", replacing: "by: -10%", with: "by: -20%"))
        // The rule fires only for price-sensitive segments: micro-retail, not growing-sme.
        let delta = try #require(changes.deltas.first)
        #expect(changes.deltas.map(\.segment.id) == ["micro-retail"])
        #expect(delta.nowFired.isEmpty && delta.noLongerFired.isEmpty)
        #expect(delta.levers.first.map { "\($0.lever): \($0.before ?? "–") → \($0.after ?? "–")" } == "price: 4300 → 3800")
        // Workshop days were already trimmed as far as one review allows: the client gets the
        // lower price on top.
        #expect(changes.lines == [
            "Sales-process consultation for Micro retail shops: Package price 4300 → 3800 EUR; value held (57.7 → 60.8)",
        ])
    }

    @Test func aRuleThatNoLongerFiresIsNamed() throws {
        let changes = try changes(
            under: "current", Breakage("rules/business-cycle.yaml", replacing: "market.demand_index > 1.1", with: "market.demand_index > 1.5"))
        #expect(!changes.deltas.isEmpty)
        for delta in changes.deltas {
            #expect(delta.noLongerFired.map(\.id) == ["expansion-grow-scope"])
            #expect(delta.sentence.hasPrefix("Sales-process consultation for \(delta.segment.name): rule expansion-grow-scope no longer fires; "))
        }
    }

    /// A cost to serve of a lever nobody moves changes no lever, only the margin: the change still
    /// shows, with the margin.
    @Test func anEditedCostShowsAsTheMarginItChanges() throws {
        let changes = try changes(
            under: "current", Breakage("offerings/sales-consultation.yaml", replacing: "phone: 150", with: "phone: 200"))
        #expect(changes.deltas.allSatisfy { $0.levers.isEmpty && $0.held == nil })
        // Phone support, which both segments keep, costs 50 EUR more.
        #expect(changes.lines == [
            "Sales-process consultation for Growing SMEs: margin per client 2,530 EUR → 2,480 EUR; value held (56.8 → 56.8)",
            "Sales-process consultation for Micro retail shops: margin per client 2,170 EUR → 2,120 EUR; value held (55.2 → 55.2)",
        ])
    }

    /// A lever only the new offering has shows with nothing before it.
    @Test func aLeverAddedToTheOfferingShows() throws {
        let lever = """
              - id: onboarding
                name: Onboarding sessions
                kind: number
                unit: sessions
                baseline: 2
                min: 0
                max: 4
                step: 1
                flex: false

            """
        let changes = try changes(under: "current", Breakage("offerings/sales-consultation.yaml", replacing: "  - id: support\n", with: lever + "  - id: support\n"))
        #expect(changes.deltas.count == 2)
        for delta in changes.deltas {
            #expect(delta.levers.map(\.lever) == ["onboarding"])
            #expect(delta.levers.first?.before == nil && delta.levers.first?.after == "2")
            #expect(delta.sentence.hasPrefix("Sales-process consultation for \(delta.segment.name): Onboarding sessions – → 2 sessions; value held"))
        }
    }

    @Test func aSegmentRemovedOrAddedIsNamed() throws {
        let copy = try TemporaryWorkspace(copying: Self.minimal)
        try copy.remove("segments/growing-sme.yaml")
        let before = try advice(Self.minimal.path, scenario: "current"), after = try advice(copy.path, scenario: "current")
        let removed = AdviceChanges(from: before, to: after)
        let name = try #require(before.first { $0.segment.id == "growing-sme" }?.segment.name)
        #expect(removed.lines == ["gone: Sales-process consultation for \(name)"])
        let added = AdviceChanges(from: after, to: before)
        #expect(added.lines == ["new: Sales-process consultation for \(name)"])
    }
}
