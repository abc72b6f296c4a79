import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// The machine formats of `adviser validate`.
struct DiagnosticReporterTests {
    static let diagnostics: [Diagnostic] = [
        .error(.unknownKey, "unknown key 'levles' in lever", at: SourceLocation(file: "Rules/offerings/a,b:c.yaml", line: 12, column: 5),
               hint: "did you mean 'levels'?"),
        .warning(.conflict, "100% sure:\nline two\r", at: SourceLocation(file: "Rules/rules/x.yaml", line: 3, column: 7),
                 related: [Located("the other rule", at: SourceLocation(file: "Rules/rules/y.yaml", line: 9, column: 9))]),
    ]

    @Test func githubEscapesMessagesAndProperties() {
        let text = DiagnosticGitHubReporter().render(Self.diagnostics, context: .init(fileCount: 2))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "::error file=Rules/offerings/a%2Cb%3Ac.yaml,line=12,col=5,title=adviser unknown-key::unknown key 'levles' in lever (did you mean 'levels'?)")
        #expect(lines[1] == "::warning file=Rules/rules/x.yaml,line=3,col=7,title=adviser conflict::100%25 sure:%0Aline two%0D%0Anote: the other rule at Rules/rules/y.yaml:9:9")
        #expect(lines.last == "1 error, 1 warning in 2 files")
    }

    @Test func jsonIsAStableList() throws {
        let text = DiagnosticJSONReporter().render(Self.diagnostics, context: .init(fileCount: 2))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["schema_version"] as? Int == 1)
        let items = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(Set(items[0].keys) == ["file", "line", "column", "severity", "code", "message", "hint", "related"])
        #expect(items[0]["code"] as? String == "unknown-key" && items[0]["line"] as? Int == 12)
        #expect(items[1]["hint"] is NSNull)
        #expect((items[1]["related"] as? [[String: Any]])?.first?["file"] as? String == "Rules/rules/y.yaml")
        // Sorted keys: the same input gives the same bytes.
        #expect(text.range(of: "\"code\"")!.lowerBound < text.range(of: "\"column\"")!.lowerBound)
    }

    @Test func sarifNamesEveryCodeAndRelativeURIs() throws {
        let context = DiagnosticReportContext(fileCount: 2, currentDirectory: "/repo/sub", repositoryRoot: "/repo")
        let text = DiagnosticSARIFReporter().render(Self.diagnostics, context: context)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["version"] as? String == "2.1.0")
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let ids = (driver["rules"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(Set(ids) == Set((DiagnosticCode.all + DiagnosticCode.expressionCodes).map(\.rawValue)))
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["unknown-key", "conflict"])
        #expect(results.map { $0["level"] as? String } == ["error", "warning"])
        let location = try #require(((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "sub/Rules/offerings/a,b%3Ac.yaml")
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 12)
        #expect((location["region"] as? [String: Any])?["startColumn"] as? Int == 5)
    }

    static let sarifSchema = PackagePaths.shared.appendingPathComponent("schemas/sarif-schema-2.1.0.json")

    // The schema lives in ../shared/ (developers and CI have it; a user's clone does not): skip without it.
    @Test(.enabled(if: ExternalValidators.checkJSONSchema || ExternalValidators.python, Comment(rawValue: ExternalValidators.unavailable)),
          .enabled(if: FileManager.default.fileExists(atPath: sarifSchema.path), "no SARIF schema in ../shared/schemas (not in a user's clone)"))
    func sarifValidatesAgainstTheSchema() throws {
        let schema = Self.sarifSchema
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try workspace.apply([Breakage("offerings/sales-consultation.yaml", replacing: "    levels: [email", with: "    levles: [email")])
        var diagnostics = WorkspaceLoader().load(workspace.path).diagnostics
        diagnostics += Self.diagnostics
        for root in [workspace.parent.path, nil] {
            let context = DiagnosticReportContext(fileCount: 10, currentDirectory: workspace.parent.path, repositoryRoot: root)
            let file = workspace.parent.appendingPathComponent("report.sarif")
            try DiagnosticSARIFReporter().render(diagnostics, context: context).write(to: file, atomically: true, encoding: .utf8)
            let failures = try ExternalValidators.validate(json: file, schema: schema)
            #expect(failures.isEmpty, "\(failures)")
        }
    }
}
