@testable import AdviserCore
import AdviserTestSupport
import Testing

/// Rivals on the minimal workspace: each is valued with the advice's weights and curves, only on
/// the levers it offers, and priced as our revenue is counted.
struct RivalTests {
    /// The minimal workspace with the given rival files (name → contents).
    func workspace(_ rivals: [String: String]) throws -> (TemporaryWorkspace, Workspace, [Diagnostic]) {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        for (name, text) in rivals { try copy.write("rivals/\(name).yaml", text) }
        let outcome = WorkspaceLoader().load(copy.path)
        return (copy, outcome.workspace, outcome.diagnostics)
    }

    func advise(_ workspace: Workspace, segment: String = "micro-retail", scenario: String = "current") throws -> Advice {
        let engine = try AdviceEngine(workspace: workspace)
        return engine.advise(
            offering: workspace.offerings[0], segment: try #require(workspace.segment(segment)),
            scenario: try #require(workspace.scenario(scenario)))
    }

    static let copycat = """
        id: copycat
        name: Copycat Consulting
        competes_with: [sales-consultation]
        offers: {price: 4800, workshop_days: 4, payment_terms: 30, follow_up_calls: 3, support: phone}
        """

    @Test func aRivalOfferingWhatWeOfferTodayIsLevelWithUs() throws {
        let (_, workspace, diagnostics) = try workspace(["copycat": Self.copycat])
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(DiagnosticFormatter.line))")
        let rivals = try #require(try advise(workspace, segment: "growing-sme").rivals)
        #expect(rivals.best.id == "copycat")
        #expect(abs(rivals.valueGapToday) < 1e-12 && abs(rivals.priceGapToday) < 1e-9)
        #expect(ReportWording(ReportOptions()).standing(rivals.valueGapToday) == "level")
    }

    /// Checked against the value model by hand: a rival offering only a price gets only the price's
    /// share of value; `rival.value_gap` reads the same gap, before any rule, in index points.
    @Test func whatARivalDoesNotOfferRelievesNothing() throws {
        let (_, workspace, _) = try workspace(["cheap": """
            id: cheap
            name: Cheap Seminars
            competes_with: [sales-consultation]
            offers: {price: 2400}
            """])
        let offering = workspace.offerings[0], segment = try #require(workspace.segment("micro-retail"))
        let model = ValueModel(offering: offering, segment: segment)
        let priceIndex = try #require(offering.levers.firstIndex { $0.id == "price" })
        let expected = model.value(segment.today(offering)) - model.term(lever: priceIndex, at: 2400)
        let pad = ExpressionScratchpad(engine: try AdviceEngine(workspace: workspace))
        guard case .success(let evaluation) = pad.evaluate(
            "rival.value_gap", scenario: workspace.scenarios[0], segment: segment, offering: offering)
        else { Issue.record("rival.value_gap cannot be read"); return }
        #expect(abs(try #require(Double(evaluation.value)) - expected * 100) < 1e-9, "\(evaluation.value)")
        let advice = try advise(workspace)
        #expect(try #require(advice.rivals).best.price == 2400)
        #expect(try #require(advice.rivals).best.settings.compactMap { $0 } == [2400])
    }

    @Test func aRivalGivingMoreForLessIsAWarningNamingBoth() throws {
        let (_, workspace, _) = try workspace(["generous": """
            id: generous
            name: Generous Partners
            competes_with: [sales-consultation]
            offers: {price: 2400, workshop_days: 8, payment_terms: 90, follow_up_calls: 12, support: dedicated}
            """])
        let advice = try advise(workspace)
        let warning = try #require(advice.warnings.first { $0.code == .rivalBetterValue })
        #expect(warning.message.hasPrefix("Generous Partners gives Micro retail shops more value than our recommended Sales-process consultation"))
        #expect(try #require(advice.rivals).valueGapRecommended < 0)
    }

    @Test func aStatusQuoOnlyForSomeSegmentsAndASegmentsOwnPrice() throws {
        let (_, workspace, diagnostics) = try workspace([
            "diy": """
                id: diy
                name: The owner does it
                kind: status-quo
                competes_with: [sales-consultation]
                only_for: [micro-retail]
                offers: {price: 0}
                """,
            "copycat": Self.copycat + "\nper_segment:\n  growing-sme: {price: 4000}\n",
        ])
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(DiagnosticFormatter.line))")
        let micro = try #require(try advise(workspace).rivals).rivals.map(\.id)
        let sme = try #require(try advise(workspace, segment: "growing-sme").rivals)
        #expect(micro.sorted() == ["copycat", "diy"])
        #expect(sme.rivals.map(\.id) == ["copycat"] && sme.best.price == 4000)
    }

    @Test func aWorkspaceWithoutRivalsHasNoComparison() throws {
        let (_, workspace, _) = try workspace([:])
        #expect(try advise(workspace).rivals == nil)
    }

    /// Every mistake in a rival file is located, with a did-you-mean where one helps.
    @Test func rivalFilesAreCheckedLikeEveryOtherFile() throws {
        let (_, _, diagnostics) = try workspace(["broken": """
            id: broken
            name: Broken Ltd
            competes_with: [sales-consultaton]
            offers: {price: 3000}
            """, "wrong": """
            id: wrong
            name: Wrong Ltd
            competes_with: [sales-consultation]
            only_for: [micro-retial]
            offers: {prize: 3000, support: carrier-pigeon, workshop_days: many}
            """])
        let lines = diagnostics.map(DiagnosticFormatter.line)
        func has(_ fragments: String...) -> Bool { lines.contains { line in fragments.allSatisfy(line.contains) } }
        #expect(has("rivals/broken.yaml:3:17", "error[unknown-offering]", "sales-consultation"), "\(lines)")
        #expect(has("rivals/wrong.yaml:4:12", "error[unknown-segment]", "micro-retail"), "\(lines)")
        #expect(has("rivals/wrong.yaml:5:10", "error[unknown-lever]", "price"), "\(lines)")
        #expect(has("rivals/wrong.yaml:5:32", "error[unknown-level]", "'carrier-pigeon'"), "\(lines)")
        #expect(has("rivals/wrong.yaml:5:63", "error[wrong-type]"), "\(lines)")
    }

    /// `offering-id.lever-id` gives one offering's lever a setting of its own; a qualifier naming an
    /// offering the rival does not compete with is an error where the qualifier is written.
    @Test func aQualifiedKeySetsOneOfferingsLever() throws {
        let (_, workspace, diagnostics) = try workspace(["qualified": """
            id: qualified
            name: Qualified Ltd
            competes_with: [sales-consultation]
            offers: {price: 5000, sales-consultation.price: 3000}
            """, "stray": """
            id: stray
            name: Stray Ltd
            competes_with: [sales-consultation]
            offers: {bookkeeping.price: 3000}
            """])
        let lines = diagnostics.map(DiagnosticFormatter.line)
        #expect(lines.contains { $0.contains("rivals/stray.yaml:4:10") && $0.contains("error[unknown-offering]") }, "\(lines)")
        let rival = try #require(workspace.rivals.first { $0.id == "qualified" })
        #expect(rival.settings(of: workspace.offerings[0], for: "micro-retail").compactMap { $0 } == [3000])
    }
}
