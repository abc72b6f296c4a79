import AdviserTestSupport
import Foundation
import Testing

/// The CI-facing commands run as a user runs them: validate's formats, diff between git
/// revisions, schema.
struct CIToolingTests {
    func brokenCopy() throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try workspace.apply([Breakage("offerings/sales-consultation.yaml", replacing: "    levels: [email", with: "    levles: [email")])
        return workspace
    }

    @Test func validateGithubFormat() throws {
        let workspace = try brokenCopy()
        let result = try AdviserProcess.run(["validate", "Rules", "--format", "github"], in: workspace.parent)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\n::error file=Rules/offerings/sales-consultation.yaml,line=52,col=5,title=adviser unknown-key::unknown key 'levles'"))
    }

    @Test func validateJSONToAFile() throws {
        let workspace = try brokenCopy()
        let result = try AdviserProcess.run(["validate", "Rules", "--format", "json", "--output", "report.json"], in: workspace.parent)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let data = try Data(contentsOf: workspace.parent.appendingPathComponent("report.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let first = try #require((document["diagnostics"] as? [[String: Any]])?.first { $0["code"] as? String == "unknown-key" })
        #expect(first["file"] as? String == "Rules/offerings/sales-consultation.yaml")
        #expect(first["line"] as? Int == 52 && first["column"] as? Int == 5)
    }

    @Test func validateOutputToAMissingFolderIsAnIOProblem() throws {
        let result = try AdviserProcess.run(["validate", "Rules", "--format", "sarif", "--output", "/no/such/folder/x.sarif"])
        #expect(result.status == 2)
    }

    @Test func strictFailsOnAnalysisWarnings() throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("analysed"))
        try workspace.edit("rules/competition.yaml", replacing: "market.inflation > 8", with: "market.inflation > 80")
        let relaxed = try AdviserProcess.run(["validate", "Rules"], in: workspace.parent)
        let strict = try AdviserProcess.run(["validate", "Rules", "--strict", "--format", "sarif"], in: workspace.parent)
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("warning[unreachable-rule]"))
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("\"ruleId\" : \"unreachable-rule\""))
    }

    @Test func diffBetweenGitRevisions() throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        let repo = workspace.parent
        for arguments in [["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "rules"]] {
            let result = try ExternalValidators.run("/usr/bin/env", ["git"] + arguments, in: repo)
            try #require(result.status == 0, "\(result.output)")
        }
        try workspace.edit("rules/business-cycle.yaml", replacing: "        by: -10%", with: "        by: -20%")
        let text = try AdviserProcess.run(["diff", "HEAD"], in: repo)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("1 of 4 offering × segment × scenario combinations changes"))
        #expect(text.stdout.contains("sales-consultation × micro-retail × downturn\n  Package price: 4300 → 3800"))
        let markdown = try AdviserProcess.run(["diff", "HEAD", "--format", "markdown"], in: repo)
        #expect(markdown.stdout.contains("| sales-consultation | micro-retail | downturn | Package price: 4300 → 3800"))
        // Between two revisions, annotations still point at the working tree's files.
        try workspace.edit("rules/business-cycle.yaml", replacing: "market.demand_index > 1.1", with: "market.demand_index > 1.5")
        for arguments in [["commit", "-qam", "stricter"]] {
            let result = try ExternalValidators.run("/usr/bin/env", ["git", "-c", "user.name=t", "-c", "user.email=t@t"] + arguments, in: repo)
            try #require(result.status == 0, "\(result.output)")
        }
        let github = try AdviserProcess.run(["diff", "HEAD~1", "HEAD", "--format", "github"], in: repo)
        #expect(github.status == 0, "\(github.stderr)")
        #expect(github.stdout.contains("::notice file=Rules/rules/business-cycle.yaml,line="), "\(github.stdout)")
        #expect(github.stdout.contains("expansion-grow-scope"))
        let none = try AdviserProcess.run(["diff", "HEAD", "HEAD"], in: repo)
        #expect(none.stdout.contains("0 of 4"))
        let bad = try AdviserProcess.run(["diff", "no-such-revision"], in: repo)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("neither a folder nor a git revision"))
    }

    @Test func schemaCommandPrintsTheCommittedSchema() throws {
        for kind in ["settings", "facts", "offering", "segment", "ruleset", "scenario", "test"] {
            let result = try AdviserProcess.run(["schema", kind])
            let committed = try String(contentsOf: PackagePaths.root.appendingPathComponent("docs/schemas/\(kind).schema.json"), encoding: .utf8)
            #expect(result.status == 0)
            #expect(result.stdout == committed, "\(kind)")
        }
        #expect(try AdviserProcess.run(["schema", "nonsense"]).status == 2)
    }
}
