import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// The static analyses of `adviser validate`: for each code, an edit of the `analysed` fixture that
/// must trigger it (where the `⏵` marks) and near misses that must not.
struct AnalysisTests {
    static let cycle = "rules/business-cycle.yaml"
    static let competition = "rules/competition.yaml"
    static let offering = "offerings/sales-consultation.yaml"
    static let micro = "segments/micro-retail.yaml"
    static let tests = "tests/business-cycle.yaml"
    static let inflationRule = "    when: market.inflation > 8 && segment.headcount < 10"

    /// A rule appended to competition.yaml.
    static func rule(_ id: String, when: String, priority: Int = 0, then: String, marker: Bool = false) -> Breakage {
        Breakage(competition, replacing: "  - id: inflation-longer-terms", with: """
              - id: \(marker ? "⏵" : "")\(id)
                when: '\(when)'
                why: A test rule.
                priority: \(priority)
                then:
            \(then)
              - id: inflation-longer-terms
            """)
    }

    static func adjust(_ lever: String, _ change: String, marker: Bool = false) -> String {
        "      - adjust: \(marker ? "⏵" : "")\(lever)\n        \(change)"
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var code: DiagnosticCode
        var breakages: [Breakage]
        /// Must the code be reported (at the marker, when there is one)?
        var expected: Bool
        /// Words the message must contain.
        var mentions: [String]
        var testDescription: String { "\(expected ? "" : "no ")\(code): \(name)" }

        init(_ name: String, _ code: DiagnosticCode, expected: Bool = true, mentions: [String] = [], _ breakages: Breakage...) {
            self.name = name
            self.code = code
            self.expected = expected
            self.mentions = mentions
            self.breakages = breakages
        }
    }

    static let cases: [Case] = [
        // conflict
        Case("same priority, overlapping conditions, opposite directions", .conflict,
             mentions: ["'downturn-cost-focus' and 'downturn-raise'", "can fire together", "market.phase = \"downturn\"", "segment.price_sensitivity = 0.5"],
             rule("downturn-raise", when: "market.phase == \"downturn\"", priority: 10, then: adjust("price", "by: +5%", marker: true))),
        Case("exclusive enum values", .conflict, expected: false,
             rule("expansion-raise", when: "market.phase == \"expansion\"", priority: 10, then: adjust("price", "by: +5%"))),
        Case("exclusive intervals", .conflict, expected: false,
             rule("insensitive-raise", when: "market.phase == \"downturn\" && segment.price_sensitivity < 0.5", priority: 10,
                  then: adjust("price", "by: +5%"))),
        Case("negated membership excludes the overlap", .conflict, expected: false,
             rule("not-downturn", when: "!(market.phase in [\"downturn\", \"recovery\"])", priority: 10, then: adjust("price", "by: +5%"))),
        Case("different priorities", .conflict, expected: false,
             rule("downturn-raise", when: "market.phase == \"downturn\"", priority: 5, then: adjust("price", "by: +5%"))),
        Case("same setting once snapped to the grid", .conflict, expected: false,
             rule("downturn-fixed", when: "market.phase == \"downturn\"", priority: 10, then: adjust("price", "to: 4300"))),
        Case("undecided part: maybe", .conflict, mentions: ["may fire together", "segment.id.startsWith(\"micro\")"],
             rule("micro-raise", when: "market.phase == \"downturn\" && segment.id.startsWith(\"micro\")", priority: 10,
                  then: adjust("price", "by: +5%", marker: true))),
        Case("an offering that does not match", .conflict, expected: false,
             rule("other-offering", when: "market.phase == \"downturn\" && offering.id != \"sales-consultation\"", priority: 10,
                  then: adjust("price", "by: +5%"))),
        Case("segment id and size tie together", .conflict,
             mentions: ["segment.id = \"micro-retail\"", "segment.size = \"micro\""],
             rule("micro-peak", when: "segment.id == \"micro-retail\" && market.phase == \"peak\"", priority: 3, then: adjust("price", "by: +5%")),
             rule("small-peak", when: "segment.size == \"micro\" && market.phase == \"peak\"", priority: 3,
                  then: adjust("price", "by: -5%", marker: true))),
        Case("no segment has that id and that size", .conflict, expected: false,
             rule("micro-peak", when: "segment.id == \"micro-retail\" && market.phase == \"peak\"", priority: 3, then: adjust("price", "by: +5%")),
             rule("sme-peak", when: "segment.size == \"sme\" && market.phase == \"peak\"", priority: 3, then: adjust("price", "by: -5%"))),
        // unreachable-rule
        Case("an id and a size no segment has together", .unreachableRule, mentions: ["no segment has"],
             Breakage(competition, replacing: inflationRule,
                      with: "    when: ⏵'segment.id == \"micro-retail\" && segment.size == \"enterprise\" && market.inflation > 0'")),
        Case("a size no segment has yet is not unreachable", .unreachableRule, expected: false,
             Breakage(competition, replacing: inflationRule, with: "    when: 'segment.size == \"enterprise\" && market.inflation > 8'")),
        Case("empty interval", .unreachableRule, mentions: ["market.inflation > 8 and market.inflation < 3 cannot hold at once"],
             Breakage(competition, replacing: inflationRule, with: "    when: ⏵market.inflation > 8 && market.inflation < 3")),
        Case("outside the declared range", .unreachableRule, mentions: ["declared 0..1"],
             Breakage(competition, replacing: inflationRule, with: "    when: ⏵segment.price_sensitivity > 1")),
        Case("no whole number in between", .unreachableRule,
             Breakage(competition, replacing: inflationRule, with: "    when: ⏵segment.headcount > 1 && segment.headcount < 2 && market.inflation > 0")),
        Case("enum value excluded twice", .unreachableRule, mentions: ["market.phase"],
             Breakage(competition, replacing: inflationRule,
                      with: "    when: ⏵'market.phase in [\"downturn\"] && market.phase == \"peak\" && market.inflation > 0'")),
        Case("every alternative of a list and an any", .unreachableRule, mentions: ["none of its 2 alternatives"],
             Breakage(competition, replacing: inflationRule,
                      with: "    when:\n      - ⏵market.inflation > 40 || segment.headcount < 0\n      - market.demand_index > 0.5")),
        Case("negation", .unreachableRule,
             Breakage(competition, replacing: inflationRule, with: "    when: ⏵'!(market.inflation <= 8) && market.inflation < 5 && segment.headcount < 10'")),
        Case("one alternative can hold", .unreachableRule, expected: false,
             Breakage(competition, replacing: inflationRule, with: "    when: market.inflation > 40 || segment.headcount < 10 && market.inflation > 0")),
        Case("a whole number in between", .unreachableRule, expected: false,
             Breakage(competition, replacing: inflationRule, with: "    when: segment.headcount > 1 && segment.headcount < 3 && market.inflation > 0")),
        Case("undecided is not unreachable", .unreachableRule, expected: false,
             Breakage(competition, replacing: inflationRule, with: "    when: market.inflation * 2.0 > 100.0 && segment.headcount < 10")),
        // shadowed-adjustment
        Case("implied by a higher-priority rule", .shadowedAdjustment, mentions: ["'downturn-cost-focus' fires too", "price"],
             rule("very-sensitive", when: "market.phase == \"downturn\" && segment.price_sensitivity >= 0.7", then: adjust("price", "by: -5%"),
                  marker: true)),
        Case("not implied", .shadowedAdjustment, expected: false,
             rule("fairly-sensitive", when: "market.phase == \"downturn\" && segment.price_sensitivity >= 0.4", then: adjust("price", "by: -5%"))),
        Case("one lever is not overridden", .shadowedAdjustment, expected: false,
             rule("very-sensitive", when: "market.phase == \"downturn\" && segment.price_sensitivity >= 0.7",
                  then: adjust("price", "by: -5%") + "\n" + adjust("payment_terms", "by: +15"))),
        // unused-fact
        Case("a fact no rule reads", .unusedFact, mentions: ["market.inflation"],
             Breakage(competition, replacing: inflationRule, with: "    when: market.demand_index < 0.8 && segment.headcount < 10"),
             Breakage("facts.yaml", replacing: "  - name: market.inflation", with: "  - name: ⏵market.inflation")),
        Case("read inside arithmetic", .unusedFact, expected: false,
             Breakage(competition, replacing: inflationRule, with: "    when: market.inflation * 2.0 > 16.0 && segment.headcount < 10")),
        // unused-driver
        Case("relieved by nothing, never named", .unusedDriver, mentions: ["'trust'"],
             Breakage(micro, replacing: "  - id: cash-flow", with: "  - id: ⏵trust\n    kind: need\n    importance: 1\n    relieved_by: {}\n  - id: cash-flow")),
        Case("relieved by nothing but spoken about by kind", .unusedDriver, expected: false,
             Breakage(micro, replacing: "  - id: cash-flow", with: "  - id: trust\n    kind: fear\n    importance: 1\n    relieved_by: {}\n  - id: cash-flow")),
        // unused-lever
        Case("a lever no driver is relieved by", .unusedLever, mentions: ["'onboarding'"],
             Breakage(offering, replacing: "  - id: support", with: "  - id: ⏵onboarding\n    kind: number\n    baseline: 1\n    min: 0\n    max: 2\n    step: 1\n  - id: support")),
        Case("a lever a driver is relieved by", .unusedLever, expected: false,
             Breakage(offering, replacing: "  - id: support", with: "  - id: onboarding\n    kind: number\n    baseline: 1\n    min: 0\n    max: 2\n    step: 1\n  - id: support"),
             Breakage(micro, replacing: "      support: {email", with: "      onboarding: {0: 0.5, 2: 0.9}\n      support: {email")),
        // untested-rule
        Case("a rule no test names", .untestedRule, mentions: ["'inflation-longer-terms'"],
             Breakage(tests, replacing: "      not_fired: [undercut-by-rivals, inflation-longer-terms]", with: "      not_fired: [undercut-by-rivals]"),
             Breakage(competition, replacing: "  - id: inflation-longer-terms", with: "  - id: ⏵inflation-longer-terms")),
        // value-cannot-hold
        Case("nothing may flex", .valueCannotHold, mentions: ["'sales-consultation' × 'micro-retail' under 'current'"],
             Breakage(offering, replacing: "id: sales-consultation", with: "id: ⏵sales-consultation"),
             Breakage(cycle, replacing: "      - adjust: workshop_days\n        by: +1", with: "      - adjust: workshop_days\n        by: -2"),
             Breakage(offering, replacing: "    flex: true\n  - id: workshop_days", with: "    flex: false\n  - id: workshop_days"),
             Breakage(offering, replacing: "    flex: true\n  - id: payment_terms", with: "    flex: false\n  - id: payment_terms"),
             Breakage(offering, replacing: "    flex: true\n  - id: follow_up_calls", with: "    flex: false\n  - id: follow_up_calls"),
             Breakage(offering, replacing: "    cost: 90\n    flex: true", with: "    cost: 90\n    flex: false")),
    ]

    @Test(arguments: cases)
    func analysis(_ testCase: Case) throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("analysed"))
        let marked = try workspace.apply(testCase.breakages)
        let outcome = WorkspaceLoader().load(workspace.path)
        try #require(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.line))")
        let findings = WorkspaceAnalyzer(workspace: outcome.workspace).analyze()
        let matching = findings.filter { $0.code == testCase.code }
        guard testCase.expected else {
            #expect(matching.isEmpty, "unexpected: \(matching.map(DiagnosticFormatter.line))")
            return
        }
        #expect(!matching.isEmpty, "no \(testCase.code) among: \(findings.map(DiagnosticFormatter.line))")
        #expect(matching.allSatisfy { $0.severity == .warning })
        if let marked {
            let expected = SourceLocation(file: workspace.path(marked.file), line: marked.line, column: marked.column)
            #expect(matching.contains { $0.location == expected }, "expected at \(marked): \(matching.map(DiagnosticFormatter.line))")
        }
        for words in testCase.mentions {
            #expect(matching.contains { $0.message.contains(words) }, "'\(words)' not in \(matching.map(\.message))")
        }
    }

    @Test func analysedFixtureIsClean() throws {
        let outcome = WorkspaceLoader().load(PackagePaths.fixtureWorkspace("analysed").path)
        #expect(outcome.diagnostics.isEmpty)
        #expect(WorkspaceAnalyzer(workspace: outcome.workspace).analyze().map(DiagnosticFormatter.line) == [])
    }

    @Test func conflictPointsAtBothRules() throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("analysed"))
        try workspace.apply([Self.rule("downturn-raise", when: "market.phase == \"downturn\"", priority: 10, then: Self.adjust("price", "by: +5%"))])
        let outcome = WorkspaceLoader().load(workspace.path)
        let conflict = try #require(WorkspaceAnalyzer(workspace: outcome.workspace).analyze().first { $0.code == .conflict })
        #expect(conflict.location.file == workspace.path(Self.competition))
        #expect(conflict.related.map(\.location.file) == [workspace.path(Self.cycle)])
        #expect(conflict.related.first?.value.contains("'downturn-cost-focus'") == true)
    }

    @Test func noTestsMeansNoUntestedRule() throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("analysed"))
        try workspace.remove("tests")
        let outcome = WorkspaceLoader().load(workspace.path)
        #expect(!WorkspaceAnalyzer(workspace: outcome.workspace).analyze().contains { $0.code == .untestedRule })
    }

    /// The shipped workspace: no analysis may report a false positive there.
    @Test func shippedRulesHaveNoRuleDefects() {
        let outcome = WorkspaceLoader().load(PackagePaths.rules.path)
        let findings = WorkspaceAnalyzer(workspace: outcome.workspace).analyze()
        let defects: Set<DiagnosticCode> = [.conflict, .unreachableRule, .shadowedAdjustment, .valueCannotHold, .unusedLever, .unusedDriver]
        #expect(findings.filter { defects.contains($0.code) }.map(DiagnosticFormatter.line) == [])
    }
}

extension AnalysisTests {
    /// `adjust: LEVEL_LEVER, to: LEVEL` with a level the lever has is valid (rules.md: `to: standard`).
    @Test func adjustingALevelLeverToOneOfItsLevelsIsValid() throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("analysed"))
        try workspace.edit(Self.cycle, replacing: "      - pin: support", with: "      - adjust: support\n        to: dedicated")
        let outcome = WorkspaceLoader().load(workspace.path)
        #expect(outcome.diagnostics.map(DiagnosticFormatter.line) == [])
    }
}

extension AnalysisTests {
    static let shadowEdgeCases: [Case] = [
        Case("the same undecided part in both", .shadowedAdjustment, mentions: ["'micro-cut'"],
             rule("micro-cut", when: "market.phase == \"downturn\" && segment.id.startsWith(\"micro\")", priority: 20,
                  then: adjust("price", "by: -15%")),
             rule("micro-cut-small", when: "market.phase == \"downturn\" && segment.id.startsWith(\"micro\") && market.inflation > 2",
                  then: adjust("price", "by: -5%"), marker: true)),
        Case("a segment id implies its size", .shadowedAdjustment, mentions: ["'micro-size'"],
             rule("micro-size", when: "segment.size == \"micro\"", priority: 20, then: adjust("follow_up_calls", "by: +1")),
             rule("micro-id", when: "segment.id == \"micro-retail\"", then: adjust("follow_up_calls", "by: +2"), marker: true)),
    ]

    @Test(arguments: shadowEdgeCases)
    func shadowEdgeCase(_ testCase: Case) throws {
        try analysis(testCase)
    }
}

extension AnalysisTests {
    /// The analyses read conditions as the checker does, within the workspace's `limits:`: a
    /// condition taller than the default limit but within the workspace's is still decided.
    @Test func conditionsAreAnalysedWithinTheWorkspacesLimits() throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("analysed"))
        let tall = Array(repeating: "segment.headcount >= 1", count: 600).joined(separator: " && ") + " && market.inflation > 40"
        try workspace.apply([Self.rule("tall", when: tall, then: Self.adjust("price", "by: -5%"))])
        try workspace.write("adviser.yaml", try workspace.read("adviser.yaml") + "limits:\n  max_expression_height: 1000\n")
        let outcome = WorkspaceLoader().load(workspace.path)
        try #require(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.line))")
        let unreachable = WorkspaceAnalyzer(workspace: outcome.workspace).analyze().filter { $0.code == .unreachableRule }
        #expect(unreachable.map(\.message) == [
            "the rule 'tall' can never fire: market.inflation > 40 can never hold (market.inflation is declared -5..30)"
        ])
    }
}
