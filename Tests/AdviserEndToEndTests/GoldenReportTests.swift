import AdviserTestSupport
import Foundation
import Testing

/// The text and markdown reports of the shipped workspace (`Rules/`), under every scenario, byte
/// for byte against the expected files in `Tests/Fixtures/golden/`: a change of wording or layout
/// shows here, with the first line that differs.
///
/// When a change is intended, write the files again and review their diff before committing:
///
///     ADVISER_UPDATE_GOLDEN=1 swift test --disable-xctest --filter Golden
///
/// The date is pinned as the CLI pins it, with ADVISER_TODAY: on that day the downturn's market
/// figures are stale and the others are not, so the stale-scenario warning is in the files too.
struct GoldenReportTests {
    static let today = "2027-01-15"
    static let folder = PackagePaths.root.appendingPathComponent("Tests/Fixtures/golden")
    static let updating = ProcessInfo.processInfo.environment["ADVISER_UPDATE_GOLDEN"] == "1"

    /// One report: the golden file's name and the command that writes it.
    struct Report: CustomTestStringConvertible, Sendable {
        var file: String
        var arguments: [String]
        var testDescription: String { file }
    }

    static let scenarios: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.rules.appendingPathComponent("scenarios").path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
    }()

    static let reports: [Report] = {
        var reports: [Report] = []
        for (format, ext) in [("text", "txt"), ("markdown", "md")] {
            for scenario in scenarios {
                reports.append(Report(file: "advise-\(scenario).\(ext)", arguments: ["advise", "--scenario", scenario, "--format", format]))
                reports.append(Report(file: "tipping-points-\(scenario).\(ext)", arguments: ["tipping-points", "--scenario", scenario, "--format", format]))
            }
            reports.append(Report(file: "compare.\(ext)", arguments: ["compare", "--all-scenarios", "--format", format]))
        }
        return reports
    }()

    @Test(arguments: reports) func reportIsAsExpected(_ report: Report) throws {
        let result = try AdviserProcess.run(report.arguments, environment: ["ADVISER_TODAY": Self.today])
        #expect(result.status == 0, "\(result.stderr)")
        let golden = Self.folder.appendingPathComponent(report.file)
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(result.stdout.utf8).write(to: golden)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        // Recorded rather than `#expect(==)`, which would print both whole reports before the line that matters.
        if result.stdout != expected {
            Issue.record(Comment(rawValue: Self.difference(expected: expected, actual: result.stdout, file: report.file)))
        }
    }

    @Test(.disabled(if: updating, "writing the golden files")) func everyGoldenFileHasItsReport() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
        let orphans = Set(files).subtracting(Self.reports.map(\.file))
        #expect(orphans.isEmpty, "golden files no report writes (a scenario removed?): \(orphans.sorted())")
    }

    /// The first line that differs, with the one before it, and how to accept the change.
    static func difference(expected: String, actual: String, file: String) -> String {
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let index = (0..<min(want.count, got.count)).first { want[$0] != got[$0] } ?? min(want.count, got.count)
        func line(_ lines: [Substring], _ i: Int) -> String { i < lines.count ? "\"\(lines[i])\"" : "(end of report)" }
        var text = "Tests/Fixtures/golden/\(file) differs at line \(index + 1):\n"
        if index > 0 { text += "  line \(index):     \(line(want, index - 1))\n" }
        text += "  expected: \(line(want, index))\n  actual:   \(line(got, index))\n"
        text += "If the change is intended: ADVISER_UPDATE_GOLDEN=1 swift test --disable-xctest --filter Golden"
        return text
    }
}
