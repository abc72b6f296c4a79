import AdviserCore
import AdviserTestSupport
import Testing

/// What a sales lead checks in the shipped workspace's advice, in every scenario: the balancer
/// respects every guardrail, never trims what a rule or a talking point cares about, and every
/// reason and talking point is about the offering it is given for.
struct ShippedAdviceTests {
    static func everyAdvice() throws -> (Workspace, [Advice]) {
        let outcome = WorkspaceLoader().load(PackagePaths.rules.path)
        #expect(!outcome.diagnostics.hasErrors)
        let engine = try AdviceEngine(workspace: outcome.workspace)
        let advice = try outcome.workspace.scenarios.flatMap { scenario in
            try engine.report(for: AdviceRequest(scenario: scenario)).advice
        }
        return (outcome.workspace, advice)
    }

    @Test func theBalancerStaysWithinEveryMoveLimitAndNeverMovesAPriceByAQuarter() throws {
        let (workspace, all) = try Self.everyAdvice()
        #expect(all.count == 5 * 14, "5 scenarios × 14 offered pairs")
        for advice in all {
            let offering = try #require(workspace.offering(advice.offering.id))
            for outcome in advice.levers where outcome.source == .balance {
                let lever = try #require(offering.lever(outcome.lever))
                if let limit = lever.maxMove {
                    #expect(abs(outcome.to - outcome.from) <= limit.allowance(from: outcome.from) + 1e-9, "\(advice.offering.id) × \(advice.segment.id): \(lever.id)")
                }
                if lever.kind == .price {
                    #expect(abs(outcome.to - outcome.from) <= 0.25 * abs(outcome.from), "\(advice.offering.id) × \(advice.segment.id): \(lever.id)")
                }
            }
        }
    }

    @Test func theBalancerNeverTrimsAProtectedEmphasizedOrTalkedAboutDriver() throws {
        let (_, all) = try Self.everyAdvice()
        for advice in all {
            for driver in advice.drivers where driver.isProtected {
                #expect(driver.reliefAfter >= driver.reliefAfterRules - 1e-9,
                        "\(advice.scenario.id): \(advice.offering.id) × \(advice.segment.id): \(driver.id)")
            }
            #expect(!advice.warnings.contains { $0.code == .lowersProtectedDriver }, "\(advice.scenario.id): \(advice.offering.id) × \(advice.segment.id)")
        }
    }

    /// A reason counts for an offering when one of its lever actions takes effect there, it has
    /// none, or it names the offering (docs/rules.md).
    @Test func everyReasonAndTalkingPointIsAboutItsOffering() throws {
        let (workspace, all) = try Self.everyAdvice()
        let rules = Dictionary(uniqueKeysWithValues: workspace.rules.map { ($0.id, $0) })
        for advice in all {
            let offering = try #require(workspace.offering(advice.offering.id))
            for fired in advice.fired {
                let rule = try #require(rules[fired.rule])
                let levers = rule.actions.compactMap { action -> String? in
                    switch action {
                    case .adjust(let lever, _), .pin(let lever): lever.value
                    default: nil
                    }
                }
                let applies = levers.isEmpty || rule.offerings.contains { $0.value == offering.id }
                    || levers.contains { id in offering.lever(id) != nil && !advice.overridden.contains { $0.rule == rule.id && $0.lever == id } }
                #expect(applies, "\(advice.scenario.id): \(fired.rule) is given as a reason for \(offering.id)")
            }
            let reasons = Set(advice.fired.map(\.rule))
            for point in advice.talkingPoints {
                #expect(reasons.contains(point.rule), "\(advice.scenario.id): a talking point of \(point.rule) without its reason")
            }
        }
    }

    @Test func everyAdviceHoldsTheClientsValue() throws {
        let (_, all) = try Self.everyAdvice()
        let notHeld = all.filter { !$0.value.held }.map { "\($0.scenario.id): \($0.offering.id) × \($0.segment.id)" }
        #expect(notHeld.isEmpty)
    }

    /// Today's `Rules/` before segments said what they buy, kept as it was: it still loads and advises.
    @Test func aWorkspaceWrittenBeforeTheAdviceModelStillLoadsAndAdvises() throws {
        let outcome = WorkspaceLoader().load(PackagePaths.fixtureWorkspace("legacy-rules").path)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.filter { $0.severity == .error }.map(DiagnosticFormatter.line))")
        let engine = try AdviceEngine(workspace: outcome.workspace)
        let report = try engine.report(for: AdviceRequest(scenario: try #require(outcome.workspace.scenario("downturn"))))
        // Every offering for every segment, each from the offering's baseline.
        #expect(report.advice.count == outcome.workspace.offerings.count * outcome.workspace.segments.count)
        let fee = try #require(report.advice.first { $0.offering.id == "managed-bookkeeping" && $0.segment.id == "solo-trades" }?
            .levers.first { $0.lever == "monthly_fee" })
        #expect(fee.from == 450 && fee.to == 400)
    }

    /// The meeting issue's must-show: every advice says where it stands against the best rival, and
    /// in at least one scenario a rival beats today's offer on value and the advice says so.
    @Test func everyAdviceReportsItsGapToTheBestRivalAndSaysWhenOneBeatsUs() throws {
        let (_, all) = try Self.everyAdvice()
        for advice in all {
            #expect(advice.rivals != nil, "\(advice.offering.id) × \(advice.segment.id) under \(advice.scenario.id): no rival")
        }
        let beaten = all.filter { ($0.rivals?.valueGapToday ?? 0) < 0 }
        #expect(!beaten.isEmpty)
        // The text report says it in the advice's card: "… today (2.9 points behind), …".
        let outcome = WorkspaceLoader().load(PackagePaths.rules.path)
        let engine = try AdviceEngine(workspace: outcome.workspace)
        var said = 0
        for scenario in outcome.workspace.scenarios {
            let report = try engine.report(for: AdviceRequest(scenario: scenario))
            said += AdviceTextReporter().render(report).components(separatedBy: " points behind), ").count - 1
        }
        #expect(said == beaten.count)
        #expect(all.contains { $0.warnings.contains { $0.code == .rivalBetterValue } })
    }
}
