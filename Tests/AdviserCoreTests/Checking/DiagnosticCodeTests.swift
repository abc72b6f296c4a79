import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// Every diagnostic code, each triggered by breaking the minimal workspace in one place. The `⏵`
/// in each replacement marks exactly where the diagnostic must point.
struct DiagnosticCodeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var code: DiagnosticCode
        var breakages: [Breakage]
        var testDescription: String { code.rawValue }

        init(_ code: DiagnosticCode, _ breakages: Breakage...) {
            self.code = code
            self.breakages = breakages
        }
    }

    static let offering = "offerings/sales-consultation.yaml"
    static let micro = "segments/micro-retail.yaml"
    static let cycle = "rules/business-cycle.yaml"
    static let downturn = "scenarios/downturn.yaml"
    static let tests = "tests/business-cycle.yaml"

    static let cases: [Case] = [
        Case(.unknownKey, Breakage(offering, replacing: "    levels: [email", with: "    ⏵levles: [email")),
        Case(.missingKey, Breakage(cycle, replacing: "    why: In a downturn the actual cost weighs more for price-sensitive clients.\n", with: ""),
             Breakage(cycle, replacing: "  - id: downturn-cost-focus", with: "  - ⏵id: downturn-cost-focus")),
        Case(.wrongType, Breakage(offering, replacing: "    step: 100", with: "    step: ⏵\"100\"")),
        Case(.invalidValue, Breakage(micro, replacing: "size: micro", with: "size: ⏵tiny")),
        Case(.duplicateID, Breakage("rules/competition.yaml", replacing: "- id: undercut-by-rivals", with: "- id: ⏵downturn-cost-focus")),
        Case(.unknownLever, Breakage(micro, replacing: "      payment_terms: {0: 0.1", with: "      ⏵payment_term: {0: 0.1")),
        Case(.unknownDriver, Breakage(cycle, replacing: "      - emphasize: cash-flow", with: "      - emphasize: ⏵cashflow")),
        Case(.unknownFact, Breakage(downturn, replacing: "  demand_index: 0.7", with: "  demand_index: 0.7\n  ⏵unemployment: 7")),
        Case(.unknownSegment, Breakage(tests, replacing: "    segment: micro-retail", with: "    segment: ⏵micro-retale")),
        Case(.unknownScenario, Breakage("adviser.yaml", replacing: "default_scenario: current", with: "default_scenario: ⏵currant")),
        Case(.unknownOffering, Breakage(tests, replacing: "    offering: sales-consultation", with: "    offering: ⏵sales")),
        Case(.unknownRule, Breakage(tests, replacing: "      fired: [downturn-cost-focus]", with: "      fired: [⏵downturn-focus]")),
        Case(.unknownLevel, Breakage(offering, replacing: "    baseline: phone", with: "    baseline: ⏵telephone")),
        Case(.unknownLocale, Breakage("adviser.yaml", replacing: "currency: EUR", with: "currency: EUR\nlocale: ⏵de-XX")),
        Case(.outOfRange, Breakage(offering, replacing: "    baseline: 4800", with: "    baseline: ⏵9000")),
        Case(.offGrid, Breakage(offering, replacing: "    baseline: 4800", with: "    baseline: ⏵4850")),
        Case(.curveOrder, Breakage(micro, replacing: "{0: 0.1, 30: 0.5, 90: 0.9}", with: "{0: 0.1, 90: 0.9, ⏵30: 0.5}")),
        Case(.reliefOutOfRange, Breakage(micro, replacing: "{0: 0.1, 30: 0.5, 90: 0.9}", with: "{0: 0.1, 30: ⏵1.5, 90: 0.9}")),
        Case(.curveOutsideRange, Breakage(micro, replacing: "{0: 0.1, 30: 0.5, 90: 0.9}", with: "{0: 0.1, 30: 0.5, ⏵120: 0.9}")),
        Case(.curveMissingLevel, Breakage(micro, replacing: "support: {email: 0.3, phone: 0.6, dedicated: 0.9}", with: "support: {⏵email: 0.3, phone: 0.6}")),
        Case(.adjustmentNoEffect, Breakage(cycle, replacing: "      - adjust: price\n        by: -10%", with: "      - adjust: ⏵price\n        by: -1%")),
        Case(.missingFact, Breakage(downturn, replacing: "  inflation: 4.5\n", with: ""),
             Breakage(downturn, replacing: "id: downturn", with: "id: ⏵downturn")),
        Case(.yamlSyntax, Breakage(tests, replacing: "    segment: micro-retail", with: "    segment: micro⏵: retail")),
        Case(.yamlDuplicateKey, Breakage(offering, replacing: "    step: 100", with: "    step: 100\n    ⏵step: 50")),
        Case(.yamlComplexKey, Breakage(offering, replacing: "    step: 100", with: "    step: 100\n    ⏵[a, b]: 1")),
        Case(.yamlMultipleDocuments, Breakage(downturn, replacing: "id: downturn", with: "---\nid: downturn\n⏵---\nid: other")),
        Case(.yamlAliasLimit, Breakage(downturn, replacing: "  demand_index: 0.7",
            with: "  demand_index: 0.7\n" + (0..<1_001).map { "  x\($0): *a" }.joined(separator: "\n").replacingOccurrences(of: "  x1000: *a", with: "  x1000: ⏵*a")),
            Breakage(downturn, replacing: "  inflation: 4.5", with: "  inflation: &a 4.5")),
        Case(.yamlTooDeep, Breakage(downturn, replacing: "doc: Orders falling, clients cutting costs.",
            with: "doc: " + String(repeating: "[", count: 63) + "⏵[" + String(repeating: "]", count: 64))),
        Case(.emptyFile, Breakage(tests, replacing: try! String(contentsOf: PackagePaths.fixtureWorkspace("minimal").appendingPathComponent(tests), encoding: .utf8), with: "⏵")),
        Case(.missingFile, Breakage("facts.yaml", replacing: "facts:", with: "facts:")),
        Case(.yamlTabIndent, Breakage(micro, replacing: "size: micro", with: "size: micro\nfoo:\n  a: 1\n⏵\tb: 2")),
        Case(.yaml11Boolean, Breakage(offering, replacing: "name: Sales-process consultation", with: "name: ⏵yes")),
        Case(.nulByte, Breakage(downturn, replacing: "doc: Orders falling", with: "doc: Orders⏵\u{0} falling")),
        Case(.controlCharacter, Breakage(downturn, replacing: "doc: Orders falling", with: "doc: Orders ⏵\u{7} falling")),
        Case(.fileTooLarge, Breakage("adviser.yaml", replacing: "currency: EUR", with: "currency: EUR\nlimits:\n  max_file_bytes: 300")),
        Case(.tooManyFiles, Breakage("adviser.yaml", replacing: "currency: EUR", with: "currency: EUR\nlimits:\n  max_files: 5")),
    ]

    @Test(arguments: cases)
    func codeIsReportedWhereMarked(_ testCase: Case) throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        let marked = try workspace.apply(testCase.breakages)
        if testCase.code == .missingFile { try workspace.remove("facts.yaml") }
        let outcome = WorkspaceLoader().load(workspace.path)
        let matching = outcome.diagnostics.filter { $0.code == testCase.code }
        #expect(!matching.isEmpty, "no \(testCase.code) among: \(outcome.diagnostics.map(DiagnosticFormatter.line))")
        if let marked {
            let expected = SourceLocation(file: workspace.path(marked.file), line: marked.line, column: marked.column)
            #expect(matching.contains { $0.location == expected },
                    "expected \(testCase.code) at \(marked), got \(matching.map(DiagnosticFormatter.line))")
        }
        #expect(matching.allSatisfy { $0.severity == DiagnosticCatalog.severity(testCase.code) })
    }

    @Test func everyCodeHasAFailingFixture() {
        let covered = Set(Self.cases.map(\.code)).union(Self.coveredElsewhere)
        let missing = DiagnosticCode.all.filter { !covered.contains($0) }
        #expect(missing.isEmpty, "codes without a fixture: \(missing)")
    }

    /// Codes whose fixtures need more than an edit of the workspace: see the tests named beside them.
    static let coveredElsewhere: Set<DiagnosticCode> = [
        .workspaceNotFound,  // missingWorkspaceFolder
        .unreadableFile,  // folderWhereAFileIsExpected
        .yamlTooLarge,  // YAMLComposerTests.nodeLimit
        .conditionNotBool,  // ConditionCompilerTests
        .leverMismatch,  // ModellingCheckTests: needs a second offering
        .invalidUTF8,  // invalidUTF8IsLocated: bytes a String cannot hold
        .symlinkOutside,  // symlinkOutOfTheWorkspace
        .tooManyProblems,  // manyProblemsAreCapped
        // The static analyses are warnings of WorkspaceAnalyzer: triggered and near-missed in AnalysisTests.
        .conflict, .unreachableRule, .shadowedAdjustment, .unusedFact, .unusedDriver, .unusedLever, .untestedRule,
        .valueCannotHold,
    ]

    @Test func invalidUTF8IsLocated() throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        var bytes = Array(try workspace.read(Self.downturn).utf8)
        let at = Array("doc: Orders".utf8)
        let index = (0...(bytes.count - at.count)).first { Array(bytes[$0..<$0 + at.count]) == at }! + 5
        bytes[index] = 0xE9  // Latin-1 'é'
        try Data(bytes).write(to: workspace.root.appendingPathComponent(Self.downturn))
        let line = bytes[..<index].count { $0 == 0x0A } + 1
        let outcome = WorkspaceLoader().load(workspace.path)
        let found = outcome.diagnostics.filter { $0.code == .invalidUTF8 }
        #expect(found.map(\.location) == [SourceLocation(file: workspace.path(Self.downturn), line: line, column: 6)])
    }

    /// Root reads every file whatever its mode, so this runs only for other users.
    @Test(.enabled(if: getuid() != 0, "root can read a file of mode 000")) func fileWithoutReadPermission() throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        #expect(chmod(workspace.path(Self.downturn), 0) == 0)
        defer { chmod(workspace.path(Self.downturn), 0o644) }
        let outcome = WorkspaceLoader().load(workspace.path)
        #expect(outcome.diagnostics.filter { $0.code == .unreadableFile }.map(\.location.file) == [workspace.path(Self.downturn)])
    }

    @Test func manyProblemsAreCapped() throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try workspace.write("rules/competition.yaml", "ruleset: dup\n" + String(repeating: "a: 1\n", count: 50_000))
        let clock = ContinuousClock()
        var outcome: WorkspaceLoader.Outcome?
        let elapsed = clock.measure { outcome = WorkspaceLoader().load(workspace.path) }
        let inFile = outcome!.diagnostics.filter { $0.location.file == workspace.path("rules/competition.yaml") }
        #expect(inFile.count == WorkspaceLoader.maxDiagnosticsPerFile + 1)
        #expect(inFile.last?.code == .tooManyProblems && inFile.last?.severity == .warning)
        #expect(inFile.last?.location.line == 101)  // 1: no rules, 2: unknown key, 3 to 100: repeated key
        // Formatting them all with their source lines stays linear in the file.
        let formatter = DiagnosticFormatter(sources: outcome!.workspace.sources)
        let formatted = clock.measure { _ = outcome!.diagnostics.map(formatter.format) }
        #expect(elapsed + formatted < .seconds(5))
    }

    @Test func symlinkOutOfTheWorkspace() throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        let outside = workspace.parent.appendingPathComponent("outside.yaml")
        try FileManager.default.moveItem(at: workspace.root.appendingPathComponent(Self.downturn), to: outside)
        try FileManager.default.createSymbolicLink(atPath: workspace.path(Self.downturn), withDestinationPath: outside.path)
        // A link that stays inside the workspace is fine.
        try FileManager.default.createSymbolicLink(
            atPath: workspace.path("scenarios/current-again.yml"), withDestinationPath: workspace.path("scenarios/current.yaml"))
        let outcome = WorkspaceLoader().load(workspace.path)
        #expect(outcome.diagnostics.filter { $0.code == .symlinkOutside }.map(\.location.file) == [workspace.path(Self.downturn)])
        #expect(!outcome.diagnostics.contains { $0.location.file == workspace.path("scenarios/current-again.yml") && $0.code != .duplicateID })
    }

    @Test func missingWorkspaceFolder() {
        let outcome = WorkspaceLoader().load("/no/such/folder")
        #expect(outcome.diagnostics.map(\.code) == [.workspaceNotFound])
        #expect(outcome.diagnostics[0].hint?.contains("--rules") == true)
    }

    @Test func folderWhereAFileIsExpected() throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try FileManager.default.createDirectory(atPath: workspace.path("offerings/folder.yaml"), withIntermediateDirectories: true)
        let outcome = WorkspaceLoader().load(workspace.path)
        #expect(outcome.diagnostics.map(\.code) == [.unreadableFile])
        #expect(outcome.diagnostics.first?.location.file == workspace.path("offerings/folder.yaml"))
    }

    @Test func minimalWorkspaceIsClean() {
        let outcome = WorkspaceLoader().load(PackagePaths.fixtureWorkspace("minimal").path)
        #expect(outcome.diagnostics.map(DiagnosticFormatter.line) == [])
    }

    @Test func misspelledKeySuggestsTheRightOne() throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try workspace.apply([Breakage(Self.offering, replacing: "    levels: [email", with: "    levles: [email")])
        let lines = WorkspaceLoader().load(workspace.path).diagnostics.map(DiagnosticFormatter.line)
        #expect(lines.contains("\(workspace.path(Self.offering)):52:5: error[unknown-key]: unknown key 'levles' in lever (did you mean 'levels'?)"))
    }
}

extension DiagnosticCodeTests {
    @Test func everyCodeIsListedOnce() {
        #expect(Set(DiagnosticCode.all).count == DiagnosticCode.all.count, "a code listed twice in DiagnosticCode.all")
    }
}
