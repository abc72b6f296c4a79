import AdviserCore
import Foundation
import Testing

/// The starter workspace `adviser init` writes, checked without the binary.
struct StarterWorkspaceTests {
    @Test func starterFilesLoadWithNoDiagnostics() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("adviser-starter-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try StarterWorkspace.create(in: dir.path)
        #expect(result.created == StarterWorkspace.files.map(\.path))
        #expect(result.skipped.isEmpty)
        let outcome = WorkspaceLoader().load(dir.path)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(DiagnosticFormatter.line))")
        #expect(outcome.workspace.offerings.count == 1)
        #expect(outcome.workspace.segments.count == 2)
        #expect(outcome.workspace.scenarios.count == 2)
        #expect(!outcome.workspace.tests.isEmpty)
    }

    @Test func everyFileEndsWithANewlineAndHasAComment() {
        for file in StarterWorkspace.files {
            #expect(file.contents.hasSuffix("\n"), "\(file.path)")
            #expect(!file.contents.hasSuffix("\n\n"), "\(file.path)")
        }
        #expect(StarterWorkspace.files.filter { $0.contents.contains("# ") }.count >= 5)
    }

    @Test func createNeverOverwrites() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("adviser-starter-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let mine = "name: Mine\n"
        try Data(mine.utf8).write(to: dir.appendingPathComponent("adviser.yaml"))
        let result = try StarterWorkspace.create(in: dir.path)
        #expect(result.skipped == ["adviser.yaml"])
        #expect(result.created.count == StarterWorkspace.files.count - 1)
        #expect(try String(contentsOf: dir.appendingPathComponent("adviser.yaml"), encoding: .utf8) == mine)
    }
}
