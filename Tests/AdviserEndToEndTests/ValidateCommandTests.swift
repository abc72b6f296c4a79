import AdviserTestSupport
import Foundation
import Testing

/// `adviser validate`, run as a user runs it.
struct ValidateCommandTests {
    @Test func shippedWorkspaceIsClean() throws {
        let result = try AdviserProcess.run(["validate", "Rules"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix("0 errors, 0 warnings in \(try countFiles(PackagePaths.rules)) files\n"), "\(result.stdout)")
        let strict = try AdviserProcess.run(["validate", "Rules", "--strict"])
        #expect(strict.status == 0, "\(strict.stdout)")
    }

    @Test func rulesOptionAndPositionalAreTheSame() throws {
        let a = try AdviserProcess.run(["validate", "--rules", "Rules"])
        let b = try AdviserProcess.run(["validate", "Rules"])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout == b.stdout)
    }

    static let breakages: [(String, Breakage)] = [
        ("misspelled key in an offering",
         Breakage("offerings/sales-consultation.yaml", replacing: "    levels: [email", with: "    ⏵levles: [email")),
        ("duplicate rule id in two files",
         Breakage("rules/competition.yaml", replacing: "- id: undercut-by-rivals", with: "- id: ⏵downturn-cost-focus")),
        ("malformed YAML",
         Breakage("segments/growing-sme.yaml", replacing: "size: sme", with: "size: sme⏵: oops")),
        ("curve point outside 0..1",
         Breakage("segments/micro-retail.yaml", replacing: "price: {2400: 1.0,", with: "price: {2400: ⏵1.2,")),
        ("driver relieved by a lever no offering has",
         Breakage("segments/growing-sme.yaml", replacing: "      workshop_days: {1: 0.2", with: "      ⏵onboarding_days: {1: 0.2")),
        ("scenario fact that is not declared",
         Breakage("scenarios/current.yaml", replacing: "  demand_index: 1.15", with: "  demand_index: 1.15\n  ⏵unemployment: 6")),
    ]

    @Test(arguments: breakages)
    func brokenCopyFailsAtTheRightPlace(_ name: String, _ breakage: Breakage) throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        let marked = try #require(try workspace.apply([breakage]))
        let result = try AdviserProcess.run(["validate", "Rules"], in: workspace.parent)
        #expect(result.status == 1, "\(name): \(result.stdout)")
        let prefix = "Rules/\(marked.file):\(marked.line):"
        let line = result.stdout.split(separator: "\n").first { $0.hasPrefix(prefix) }
        #expect(line != nil, "\(name): expected a line starting \(prefix) in:\n\(result.stdout)")
        #expect(result.stdout.contains(" error["))
        #expect(result.stdout.contains(": error[") && result.stdout.split(separator: "\n").last?.contains("error") == true)
        // The column, for a diagnostic other than the YAML parser's own position.
        if !name.contains("malformed") {
            #expect(line?.hasPrefix("Rules/\(marked)") == true, "\(name): \(line ?? "")")
        }
    }

    @Test func missingFolderSaysHowToPointAtOne() throws {
        let result = try AdviserProcess.run(["validate", "--rules", "NoSuchFolder"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2)
        #expect(result.stdout.contains("NoSuchFolder:1:1: error[workspace-not-found]: the workspace folder 'NoSuchFolder' does not exist"))
        #expect(result.stdout.contains("--rules PATH"))
    }

    @Test func strictFailsOnWarnings() throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try workspace.apply([Breakage("rules/competition.yaml", replacing: "      - adjust: follow_up_calls\n        by: +2", with: "      - adjust: follow_up_calls\n        to: 40")])
        let relaxed = try AdviserProcess.run(["validate", "Rules"], in: workspace.parent)
        let strict = try AdviserProcess.run(["validate", "Rules", "--strict"], in: workspace.parent)
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("warning[out-of-range]"))
        #expect(strict.status == 1)
    }

    @Test func usageErrorsExitWithTwo() throws {
        let result = try AdviserProcess.run(["validate", "--no-such-flag"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--no-such-flag'"))
    }

    private func countFiles(_ url: URL) throws -> Int {
        let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "yaml" }.count
    }
}
