import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// `adviser.yaml` settings as the loader reads them.
struct WorkspaceSettingsTests {
    func load(_ settings: String) throws -> WorkspaceLoader.Outcome {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try workspace.apply([Breakage("adviser.yaml", replacing: "currency: EUR", with: "currency: EUR\n" + settings)])
        return WorkspaceLoader().load(workspace.path)
    }

    @Test func aWorkspaceNamesItsLocale() throws {
        let outcome = try load("locale: de-DE")
        #expect(!outcome.diagnostics.hasErrors)
        #expect(outcome.workspace.settings.locale?.identifier == "de-DE")
    }

    @Test func withoutALocaleReportsUseTheDefault() throws {
        let outcome = try load("")
        #expect(outcome.workspace.settings.locale == nil)
    }

    @Test func anUnknownLocaleIsALocatedErrorWithTheClosestName() throws {
        let outcome = try load("locale: de-DEU")
        let diagnostic = try #require(outcome.diagnostics.first { $0.code == .unknownLocale })
        #expect(diagnostic.message == "unknown locale 'de-DEU'")
        #expect(diagnostic.hint == "did you mean 'de-DE'?")
        #expect(diagnostic.location.line == 6 && diagnostic.location.column == 9)
        #expect(outcome.workspace.settings.locale == nil)
    }
}
