@testable import AdviserCore
import AdviserTestSupport
import Testing

/// The engine on the minimal fixture workspace, broken or bent on purpose.
struct AdviceEngineTests {
    func advise(
        _ breakages: [Breakage] = [], scenario: String = "downturn", segment: String = "micro-retail", today: Int? = nil
    ) throws -> Advice {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try copy.apply(breakages)
        let outcome = WorkspaceLoader().load(copy.path)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.line))")
        let engine = try AdviceEngine(workspace: outcome.workspace)
        let workspace = outcome.workspace
        return engine.advise(
            offering: workspace.offerings[0], segment: try #require(workspace.segment(segment)),
            scenario: try #require(workspace.scenario(scenario)), options: .init(today: today))
    }

    @Test func downturnCutsThePriceAndHoldsValue() throws {
        let advice = try advise()
        #expect(advice.fired.map(\.rule) == ["downturn-cost-focus", "undercut-by-rivals"])
        let price = try #require(advice.levers.first { $0.lever == "price" })
        #expect(price.from == 4800 && price.to == 4300 && price.source == .rule("downturn-cost-focus"))
        // The cut takes more than the balancer may trim in one review: the client gets more than
        // today, and the price cut is more than the price's move limit allows.
        #expect(advice.value.held && advice.value.above)
        let days = try #require(advice.levers.first { $0.lever == "workshop_days" })
        #expect(days.to == 2 && days.source == .balance)
        #expect(advice.warnings.map(\.code) == [.beyondMoveLimit])
        #expect(advice.guardrails.map(\.kind) == [.moveLimit, .protectedDriver])
        #expect(advice.emphasized.map(\.driver) == ["cash-flow"])
        #expect(advice.talkingPoints.map(\.kind) == [.pain, .fear])
    }

    @Test func rulesFireInPriorityOrderAndAHigherPriorityWins() throws {
        let advice = try advise([Breakage(
            "rules/competition.yaml", replacing: "      - adjust: follow_up_calls\n        by: +2",
            with: "      - adjust: price\n        to: 7000")])
        #expect(advice.levers.first { $0.lever == "price" }?.to == 4300)
        #expect(advice.overridden.map(\.rule) == ["undercut-by-rivals"])
        #expect(!advice.warnings.contains { $0.code == .conflict })
    }

    @Test func samePriorityAdjustmentsOfOneLeverAreAConflict() throws {
        let advice = try advise([
            Breakage("rules/competition.yaml", replacing: "      - adjust: follow_up_calls\n        by: +2",
                     with: "      - adjust: price\n        to: 7000"),
            Breakage("rules/business-cycle.yaml", replacing: "    priority: 10\n", with: ""),
        ])
        let conflict = try #require(advice.warnings.first { $0.code == .conflict })
        #expect(conflict.message.contains("'downturn-cost-focus'") && conflict.message.contains("'undercut-by-rivals'"))
        #expect(conflict.message.contains("business-cycle.yaml") && conflict.message.contains("competition.yaml"))
        #expect(advice.levers.first { $0.lever == "price" }?.to == 4300, "the earlier rule (by file) wins")
    }

    @Test func adjustmentBeyondABoundIsClampedWithAWarning() throws {
        let advice = try advise([Breakage("rules/business-cycle.yaml", replacing: "        by: -10%", with: "        by: -60%")])
        #expect(advice.levers.first { $0.lever == "price" }?.to == 2400)
        #expect(advice.warnings.contains { $0.code == .clamped && $0.message.contains("1920") })
    }

    @Test func pinnedLeverIsNeverBalanced() throws {
        let advice = try advise([Breakage("rules/business-cycle.yaml", replacing: "      - pin: support", with: "      - pin: payment_terms")])
        let terms = try #require(advice.levers.first { $0.lever == "payment_terms" })
        #expect(terms.pinned && terms.to == terms.from)
    }

    @Test func staleScenarioIsWarned() throws {
        let asOf = try ScalarReader.date(YAMLScalar("2026-10-15")).get()
        #expect(try advise(today: asOf + 90).warnings.contains { $0.code == .staleScenario } == false)
        let stale = try advise(today: asOf + 91)
        #expect(stale.warnings.contains { $0.code == .staleScenario && $0.message.contains("91 days ago") })
    }

    @Test func valueThatCannotHoldSaysWhy() throws {
        // Nothing may move (no flex lever), yet the rule raises the price 40 %: value cannot hold.
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        let text = try copy.read("offerings/sales-consultation.yaml")
        try copy.write("offerings/sales-consultation.yaml", text.replacingOccurrences(of: "    flex: true\n", with: "    flex: false\n"))
        try copy.apply([Breakage("rules/business-cycle.yaml", replacing: "        by: -10%", with: "        by: +40%")])
        let workspace = WorkspaceLoader().load(copy.path).workspace
        let advice = try AdviceEngine(workspace: workspace).advise(
            offering: workspace.offerings[0], segment: try #require(workspace.segment("micro-retail")),
            scenario: try #require(workspace.scenario("downturn")))
        #expect(!advice.value.held)
        #expect(advice.value.shortfall?.hasPrefix("Value ends") == true)
        #expect(advice.value.shortfall?.contains("no lever is free to balance it") == true)
        #expect(advice.warnings.contains { $0.code == .valueNotHeld })
    }

    @Test func whenTheBalancerCannotHoldValueTheShortfallNamesOnlyWhatBinds() throws {
        // The price rises 40 %; follow-up calls may add at most one call, workshop days are at
        // their highest. Payment terms could give more, but are pinned by a rule.
        let advice = try advise([
            Breakage("rules/business-cycle.yaml", replacing: "        by: -10%", with: "        by: +40%"),
            Breakage("rules/business-cycle.yaml", replacing: "      - pin: support", with: "      - pin: payment_terms"),
            Breakage("offerings/sales-consultation.yaml", replacing: "    cost: 90\n    max_move: 3", with: "    cost: 90\n    max_move: 1"),
            Breakage("offerings/sales-consultation.yaml", replacing: "    baseline: 4\n", with: "    baseline: 8\n"),
            Breakage("rules/competition.yaml", replacing: "      - adjust: follow_up_calls\n        by: +2\n", with: ""),
        ])
        #expect(!advice.value.held)
        let shortfall = try #require(advice.value.shortfall)
        #expect(shortfall.contains("Follow-up calls may move at most 1 call in one review"))
        #expect(shortfall.contains("Workshop days is already at its highest (8 days)"))
        #expect(!shortfall.contains("Payment terms is already"))
        #expect(shortfall.hasSuffix("set by rules: Package price, Payment terms."))
        #expect(advice.guardrails.map(\.kind) == [.moveLimit])
    }

    @Test func driverNoLeverOfTheOfferingAddressesIsReported() throws {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try copy.write("offerings/onboarding.yaml", """
            id: onboarding
            name: Onboarding
            levers:
              - {id: onboarding_hours, kind: number, baseline: 2, min: 0, max: 4, step: 1}
            """)
        try copy.apply([Breakage("segments/micro-retail.yaml", replacing: "      price: {2400: 1.0, 4800: 0.5, 7200: 0.1}",
                                 with: "      onboarding_hours: {0: 0.0, 4: 1.0}")])
        let outcome = WorkspaceLoader().load(copy.path)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.line))")
        let workspace = outcome.workspace
        let advice = try AdviceEngine(workspace: workspace).advise(
            offering: try #require(workspace.offering("sales-consultation")), segment: try #require(workspace.segment("micro-retail")),
            scenario: try #require(workspace.scenario("current")))
        #expect(advice.unaddressed.map(\.id) == ["affordable"])
        #expect(advice.unaddressed.first?.kind == .need)
    }

    @Test func invalidWorkspaceIsRefused() throws {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try copy.apply([Breakage("rules/competition.yaml", replacing: "market.competitor_price_index < 0.9", with: "market.competitor_price < 0.9")])
        let outcome = WorkspaceLoader().load(copy.path)
        #expect(throws: AdviceError.self) { try AdviceEngine(workspace: outcome.workspace) }
    }
}
