import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// `adviser watch` advises again when the workspace's stamp changes: a save, a new file or a
/// deleted one is noticed and named, and nothing else is.
struct WorkspaceStampTests {
    @Test func nothingSavedNothingChanged() throws {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        let stamp = WorkspaceStamp.take(copy.path)
        #expect(stamp.files.keys.contains("rules/business-cycle.yaml"))
        #expect(WorkspaceStamp.take(copy.path).changed(since: stamp).isEmpty)
    }

    @Test func aSavedFileIsNamedAlone() throws {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        let stamp = WorkspaceStamp.take(copy.path)
        try copy.edit("rules/business-cycle.yaml", replacing: "by: -10%", with: "by: -15%")
        #expect(WorkspaceStamp.take(copy.path).changed(since: stamp) == ["rules/business-cycle.yaml"])
    }

    @Test func filesAddedAndRemovedAreNamedInOrder() throws {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        let stamp = WorkspaceStamp.take(copy.path)
        try copy.write("scenarios/boom.yaml", "id: boom\n")
        try copy.remove("segments/growing-sme.yaml")
        #expect(WorkspaceStamp.take(copy.path).changed(since: stamp) == ["scenarios/boom.yaml", "segments/growing-sme.yaml"])
    }
}
