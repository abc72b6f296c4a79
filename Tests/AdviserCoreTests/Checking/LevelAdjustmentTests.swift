import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// `adjust: LEVER` with `to: LEVEL` on a level lever is valid; only an unknown level is an error.
struct LevelAdjustmentTests {
    @Test func adjustingALevelLeverToOneOfItsLevelsIsClean() throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try workspace.edit(
            "rules/business-cycle.yaml", replacing: "      - pin: support\n",
            with: "      - adjust: support\n        to: email\n")
        let outcome = WorkspaceLoader().load(workspace.path)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(DiagnosticFormatter.line))")
    }

    @Test func adjustingALevelLeverToAnUnknownLevelIsAnError() throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try workspace.edit(
            "rules/business-cycle.yaml", replacing: "      - pin: support\n",
            with: "      - adjust: support\n        to: fax\n")
        let outcome = WorkspaceLoader().load(workspace.path)
        #expect(outcome.diagnostics.map(\.code) == [.unknownLevel])
    }
}
