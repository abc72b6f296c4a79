import AdviserTestSupport
import Foundation
import Testing

/// `adviser` / `adviser advise`, run as a user runs it.
struct AdviseCommandTests {
    /// The documented JSON fields, read back with Foundation.
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func noSubcommandAdvisesEveryOfferingForEverySegment() throws {
        let result = try AdviserProcess.run([])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(try AdviserProcess.run(["advise", "--format", "json"]).stdout)
        let advice = try #require(report["advice"] as? [[String: Any]])
        let offerings = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.rules.appendingPathComponent("offerings").path).count
        let segments = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.rules.appendingPathComponent("segments").path).count
        // Every segment is advised on what it buys; the enterprise division buys no bookkeeping.
        #expect(advice.count == offerings * segments - 1)
        for item in advice {
            let name = "\(item["offering_name"] as? String ?? "?") for \(item["segment_name"] as? String ?? "?")"
            #expect(result.stdout.contains("== \(name)"), "text report lacks \(name)")
        }
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let result = try AdviserProcess.run(["advise", "--scenario", "downturn", "--format", "json", "--rules", PackagePaths.fixtureWorkspace("minimal").path])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result.stdout)
        #expect(report["workspace"] as? String == "Northwind Sales Coaching")
        #expect((report["scenario"] as? [String: Any])?["id"] as? String == "downturn")
        let micro = try #require((report["advice"] as? [[String: Any]])?.first { $0["segment"] as? String == "micro-retail" })
        #expect(micro["offering"] as? String == "sales-consultation")
        let fired = try #require(micro["fired"] as? [[String: Any]])
        #expect(fired.first?["rule"] as? String == "downturn-cost-focus")
        let changes = try #require(micro["changes"] as? [[String: Any]])
        let price = try #require(changes.first { $0["lever"] as? String == "price" })
        #expect(price["from"] as? Double == 4800 && price["to"] as? Double == 4300 && price["source"] as? String == "downturn-cost-focus")
        let value = try #require(micro["value"] as? [String: Any])
        for key in ["target", "after_rules", "final", "tolerance", "held"] { #expect(value[key] != nil, "value.\(key)") }
        #expect(value["held"] as? Bool == true)
        #expect(micro["warnings"] is [Any])
    }

    @Test func sameInputsGiveTheSameBytes() throws {
        for format in ["text", "markdown", "json"] {
            let a = try AdviserProcess.run(["advise", "--format", format, "--explain"], environment: ["ADVISER_TODAY": "2026-11-27"])
            let b = try AdviserProcess.run(["advise", "--format", format, "--explain"], environment: ["ADVISER_TODAY": "2026-11-27"])
            #expect(a.status == 0 && a.stdout == b.stdout, "\(format) differs between runs")
        }
    }

    @Test func explainShowsWhichPartOfAConditionFailed() throws {
        let result = try AdviserProcess.run(["advise", "--scenario", "downturn", "--segment", "growing-sme", "--explain",
                                             "--rules", PackagePaths.fixtureWorkspace("minimal").path])
        #expect(result.stdout.contains("downturn-cost-focus did not fire"))
        #expect(result.stdout.contains("segment.price_sensitivity (0.4) >= 0.5 → false"))
    }

    @Test func outputIsWrittenAtomicallyAndTheWorkspaceIsUntouched() throws {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        let before = try snapshot(copy.root)
        let target = copy.parent.appendingPathComponent("brief.md")
        try Data("previous report".utf8).write(to: target)
        let result = try AdviserProcess.run(["advise", "--format", "markdown", "--output", target.path], in: copy.parent)
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written.hasPrefix("# Northwind Sales Coaching: advice under"))
        #expect(try snapshot(copy.root) == before, "the workspace changed")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: copy.parent.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func invalidWorkspaceGivesDiagnosticsAndNoReport() throws {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try copy.apply([Breakage("rules/competition.yaml", replacing: "competitor_price_index < 0.9", with: "competitor_price < 0.9")])
        let target = copy.parent.appendingPathComponent("report.json")
        let result = try AdviserProcess.run(["advise", "--format", "json", "--output", target.path], in: copy.parent)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Rules/rules/competition.yaml:5:11: error[undeclared-reference]: unknown fact 'market.competitor_price'"))
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func unknownScenarioSuggestsTheRightOne() throws {
        let result = try AdviserProcess.run(["advise", "--scenario", "downtrun", "--rules", PackagePaths.fixtureWorkspace("minimal").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown scenario 'downtrun' (did you mean 'downturn'?)"))
    }

    @Test func scenarioFromAFile() throws {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        let file = copy.parent.appendingPathComponent("forecast.yaml")
        try Data("""
            id: forecast
            name: Next quarter
            market: {phase: downturn, inflation: 5, demand_index: 0.8, competitor_price_index: 1.0}
            """.utf8).write(to: file)
        let result = try AdviserProcess.run(["advise", "--scenario", file.path, "--segment", "micro-retail"], in: copy.parent)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("advice under Next quarter (forecast)"))
        #expect(result.stdout.contains("In a downturn the actual cost weighs more"))
    }

    private func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if let data = FileManager.default.contents(atPath: url.path) { files[url.path] = data }
        }
        return files
    }
}
