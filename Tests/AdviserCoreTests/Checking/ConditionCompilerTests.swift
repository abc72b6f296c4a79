import AdviserCore
import AdviserTestSupport
import Testing

/// Conditions checked against the facts, errors located inside the YAML, whatever the quoting.
struct ConditionCompilerTests {
    static let cycle = "rules/business-cycle.yaml"
    static let original = "    when: market.phase == \"downturn\" && segment.price_sensitivity >= 0.5"

    func diagnostics(_ replacement: String) throws -> (lines: [String], workspace: TemporaryWorkspace, marked: MarkedLocation?) {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        let marked = try copy.apply([Breakage(Self.cycle, replacing: Self.original, with: replacement)])
        let lines = WorkspaceLoader().load(copy.path).diagnostics.map(DiagnosticFormatter.line)
        return (lines, copy, marked)
    }

    func expectOne(_ code: String, _ replacement: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let (lines, copy, marked) = try diagnostics(replacement)
        let where_ = "\(copy.path(Self.cycle)):\(marked!.line):\(marked!.column): error[\(code)]"
        #expect(lines.count == 1 && lines[0].hasPrefix(where_), "expected \(where_), got \(lines)", sourceLocation: sourceLocation)
    }

    @Test func conditionMustBeTrueOrFalse() throws {
        try expectOne("condition-not-bool", "    when: ⏵market.inflation + 1.0")
    }

    @Test func plainScalar() throws {
        try expectOne("undeclared-reference", "    when: market.phase == \"downturn\" && ⏵segment.price_sensitivty >= 0.5")
    }

    @Test func doubleQuotedWithEscapes() throws {
        try expectOne("unknown-enum-value", "    when: \"market.phase == \\\"downturn\\\" || market.phase == ⏵\\\"bust\\\"\"")
    }

    @Test func singleQuoted() throws {
        try expectOne("unknown-enum-value", "    when: 'market.phase == ⏵\"bust\"'")
    }

    @Test func foldedBlockOnALaterLine() throws {
        try expectOne("unknown-function", "    when: >\n      market.phase == \"downturn\" &&\n      ⏵sise(segment.id) > 2")
    }

    @Test func literalBlock() throws {
        try expectOne("undeclared-reference", "    when: |\n      market.phase == \"downturn\"\n        && ⏵segment.size2 == \"micro\"")
    }

    @Test func listMeansAll() throws {
        try expectOne("type-mismatch", "    when:\n      - market.phase == \"downturn\"\n      - ⏵market.phase == 2")
    }

    @Test func anyGroup() throws {
        try expectOne("undeclared-reference", "    when:\n      any:\n        - market.phase == \"downturn\"\n        - ⏵market.infaltion > 5.0")
    }

    @Test func leadingBangIsReadAsATagAndGetsAQuotingHint() throws {
        let (lines, _, _) = try diagnostics("    when: !market.phase == \"downturn\"")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("a value that starts with '!' must be put in quotes") == true, "\(lines)")
    }

    @Test func validConditionsInEveryFormAreAccepted() throws {
        for form in [
            "    when: [market.phase == \"downturn\", segment.price_sensitivity >= 0.5]",
            "    when: {all: [market.phase == \"downturn\", segment.price_sensitivity >= 0.5]}",
            "    when: '!(market.phase != \"downturn\") && segment.size in [\"micro\", \"sme\"]'",
        ] {
            let (lines, _, _) = try diagnostics(form)
            #expect(lines.isEmpty, "\(form): \(lines)")
        }
    }
}
