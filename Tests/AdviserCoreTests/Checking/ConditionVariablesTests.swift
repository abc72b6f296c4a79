import AdviserCore
import AdviserTestSupport
import Testing

/// A lever id that several offerings share is one name a condition may read: its levels are those of
/// every offering with it, and each piece of advice reads the advised offering's own baseline.
struct ConditionVariablesTests {
    /// The minimal workspace (its offering's `support` is email, phone or dedicated, baseline phone),
    /// plus a second offering (later in file order) whose `support` is phone or on-site, baseline on-site.
    func workspace(rule condition: String) throws -> TemporaryWorkspace {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try copy.write("offerings/site-service.yaml", """
            id: site-service
            name: Site service
            levers:
              - id: price
                kind: price
                unit: EUR
                baseline: 4800
                min: 2400
                max: 7200
                step: 100
                flex: true
              - id: support
                kind: level
                levels: [phone, on-site]
                baseline: on-site
                cost: {phone: 0, on-site: 200}
            """)
        try copy.write("rules/support.yaml", """
            ruleset: support
            rules:
              - id: support-rule
                when: \(condition)
                why: A rule on the shared lever.
                then:
                  - say: Mention the support.
            """)
        return copy
    }

    @Test func aSharedLevelLeverMayBeComparedWithTheLevelsOfEveryOffering() throws {
        let copy = try workspace(rule: "offering.support == \"on-site\" || offering.support == \"dedicated\"")
        let outcome = WorkspaceLoader().load(copy.path)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.line))")
        let findings = WorkspaceAnalyzer(workspace: outcome.workspace).analyze().map(\.code.rawValue)
        #expect(!findings.contains("unreachable-rule"), "\(findings)")
    }

    @Test func aLevelNoOfferingHasIsRefusedWithEveryOfferingsLevels() throws {
        let copy = try workspace(rule: "offering.support == \"pigeon\"")
        let lines = WorkspaceLoader().load(copy.path).diagnostics.filter { $0.severity == .error }.map(DiagnosticFormatter.line)
        #expect(lines.count == 1 && lines[0].contains("error[unknown-enum-value]"), "\(lines)")
        #expect(lines.first?.contains("email, phone, dedicated, on-site") == true, "\(lines)")
    }

    @Test func eachOfferingReadsItsOwnBaseline() throws {
        let copy = try workspace(rule: "offering.support == \"on-site\"")
        let loaded = WorkspaceLoader().load(copy.path).workspace
        let pad = ExpressionScratchpad(engine: try AdviceEngine(workspace: loaded))
        let scenario = try #require(loaded.scenarios.first), segment = try #require(loaded.segments.first)
        var values: [String] = []
        for offering in loaded.offerings {
            guard case .success(let evaluation) = pad.evaluate("offering.support", scenario: scenario, segment: segment, offering: offering)
            else { Issue.record("offering.support cannot be read for \(offering.id)"); continue }
            values.append("\(offering.id): \(evaluation.value)")
        }
        #expect(values == ["sales-consultation: \"phone\"", "site-service: \"on-site\""])
    }

    /// `offering.<lever>` is what the advised segment has today: its `buys:` setting, where it has one.
    @Test func aSegmentsOwnSettingIsWhatItsConditionsRead() throws {
        let copy = try workspace(rule: "offering.support == \"on-site\"")
        let path = "segments/growing-sme.yaml"
        let text = try String(contentsOfFile: copy.path + "/" + path, encoding: .utf8)
        try copy.write(path, text.replacingOccurrences(of: "facts:\n", with: """
            buys:
              sales-consultation: {support: dedicated, price: 5200}
            facts:

            """))
        let loaded = WorkspaceLoader().load(copy.path).workspace
        let pad = ExpressionScratchpad(engine: try AdviceEngine(workspace: loaded))
        let scenario = try #require(loaded.scenarios.first), offering = try #require(loaded.offerings.first)
        var values: [String] = []
        for segment in loaded.segments {
            guard case .success(let evaluation) = pad.evaluate("offering.support + \" \" + string(offering.price)", scenario: scenario, segment: segment, offering: offering)
            else { Issue.record("offering.support cannot be read for \(segment.id)"); continue }
            values.append("\(segment.id): \(evaluation.value)")
        }
        #expect(values == ["growing-sme: \"dedicated 5200.0\"", "micro-retail: \"phone 4800.0\""])
    }
}
