import AdviserCore
import Foundation
import Testing

/// `--output FILE`: the report appears whole or not at all, and no temporary file is left behind.
final class ReportWriterTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func aStreamedReportLandsWhole() throws {
        let target = folder.appendingPathComponent("advice.jsonl")
        let writer = try ReportWriter(path: target.path)
        for n in 1...3 { try writer.write(Data("line \(n)\n".utf8)) }
        #expect(!FileManager.default.fileExists(atPath: target.path), "visible before it is complete")
        try writer.commit()
        #expect(try String(contentsOf: target, encoding: .utf8) == "line 1\nline 2\nline 3\n")
        #expect(try files() == ["advice.jsonl"])
    }

    @Test func aReportNeverCommittedLeavesThePreviousOne() throws {
        let target = folder.appendingPathComponent("brief.md")
        try Data("previous report".utf8).write(to: target)
        do {
            let writer = try ReportWriter(path: target.path)
            try writer.write(Data("half a rep".utf8))
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "previous report")
        #expect(try files() == ["brief.md"])
    }

    @Test func aMissingFolderIsNamed() throws {
        let target = folder.appendingPathComponent("no/such/report.md").path
        let error = #expect(throws: ReportWriter.Failure.self) { try ReportWriter.write("x", to: target) }
        #expect(error?.description == "cannot write \(target): the folder \(folder.path)/no/such does not exist")
    }
}
