import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// `AdviserWorkspace`, the embedding entry point: the answers of the CLI's commands, as values.
struct AdviserWorkspaceTests {
    static let minimal = PackagePaths.fixtureWorkspace("minimal")

    static func files() throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: minimal.path))
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".yaml") else { continue }
            files[relative] = try String(contentsOf: minimal.appendingPathComponent(relative), encoding: .utf8)
        }
        return files
    }

    @Test func memoryAndFolderGiveTheSameAdvice() throws {
        let disk = try AdviserWorkspace(directory: Self.minimal.path)
        let memory = try AdviserWorkspace(files: try Self.files(), root: Self.minimal.path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(memory.advise(scenario: "downturn")) == encoder.encode(disk.advise(scenario: "downturn")))
        #expect(disk.name == "Northwind Sales Coaching")
        #expect(disk.offerings.map(\.id) == ["sales-consultation"])
        #expect(disk.segments.map(\.id) == ["growing-sme", "micro-retail"])
        #expect(disk.defaultScenario == "current")
    }

    @Test func oneOfferingForOneSegment() throws {
        let workspace = try AdviserWorkspace(directory: Self.minimal.path)
        let advice = try workspace.advise(offering: "sales-consultation", segment: "micro-retail", scenario: "downturn")
        #expect(advice.fired.map(\.rule) == ["downturn-cost-focus", "undercut-by-rivals"])
        #expect(advice.scenario.id == "downturn")
    }

    @Test func errorsComeWithEveryDiagnostic() throws {
        var files = try Self.files()
        files["rules/competition.yaml"] = files["rules/competition.yaml"]!.replacingOccurrences(of: "follow_up_calls", with: "follow_up_cals")
        #expect {
            try AdviserWorkspace(files: files)
        } throws: { error in
            guard case .invalidWorkspace(let diagnostics) = error as? AdviserWorkspaceError else { return false }
            return diagnostics.contains { $0.code == .unknownLever && $0.location.file == "memory/rules/competition.yaml" }
        }
    }

    @Test func aMissingFolderIsOneDiagnostic() {
        #expect {
            try AdviserWorkspace(directory: "/no/such/workspace")
        } throws: { error in
            guard case .invalidWorkspace(let diagnostics) = error as? AdviserWorkspaceError else { return false }
            return diagnostics.map(\.code) == [.workspaceNotFound]
        }
    }

    @Test func anUnknownIDNamesTheKnownOnes() throws {
        let workspace = try AdviserWorkspace(directory: Self.minimal.path)
        #expect {
            try workspace.advise(offering: "sales-consultation", segment: "micro-retial")
        } throws: { error in
            "\(error)" == "unknown segment 'micro-retial' (did you mean 'micro-retail'?); the workspace has: growing-sme, micro-retail"
        }
    }

    @Test func validateTestAndDiffAnswerAsTheCommandsDo() throws {
        let workspace = try AdviserWorkspace(directory: Self.minimal.path)
        #expect(!workspace.validate().hasErrors)
        let report = workspace.runTests()
        #expect(report.failed == 0 && report.passed == 1)
        let diff = workspace.diff(from: workspace)
        #expect(diff.isEmpty && diff.compared > 0)
    }

    @Test func everyResultEncodesAndDecodes() throws {
        let workspace = try AdviserWorkspace(directory: Self.minimal.path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func roundTrips<T: Codable>(_ value: T) throws -> Bool {
            let data = try encoder.encode(value)
            return try encoder.encode(JSONDecoder().decode(T.self, from: data)) == data
        }
        #expect(try roundTrips(workspace.advise(scenario: "downturn", explain: true)))
        #expect(try roundTrips(workspace.validate()))
        #expect(try roundTrips(workspace.runTests()))
        #expect(try roundTrips(workspace.diff(from: workspace)))
    }
}
