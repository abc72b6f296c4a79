import AdviserTestSupport
import Foundation
import Testing

/// `--locale` and `adviser.yaml` `locale:`, run as a user runs them on the shipped workspace: the
/// reports for people follow the locale, JSON never does.
struct ReportLocaleTests {
    static let environment = ["ADVISER_TODAY": "2026-11-20"]

    func advise(_ arguments: [String], in directory: URL = PackagePaths.root) throws -> String {
        let result = try AdviserProcess.run(["advise"] + arguments, in: directory, environment: Self.environment)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func germanGroupsThousandsWithDotsAndWritesDecimalCommas() throws {
        let text = try advise(["--locale", "de-DE"])
        #expect(text.contains("11.812 EUR → 11.812 EUR"))
        #expect(text.contains("Value index: 65,3 today → 65,3 after the rules → 65,3 recommended: held within ±0,5"))
        #expect(text.contains("as of 15.11.2026"))
        #expect(!text.contains("11,812"))
        // Unit words stay as the workspace writes them.
        #expect(text.contains("transactions/month"))
    }

    @Test func americanEnglishIsTheReverse() throws {
        let text = try advise(["--locale", "en-US"])
        #expect(text.contains("11,812 EUR → 11,812 EUR"))
        #expect(text.contains("Value index: 65.3 today → 65.3 after the rules → 65.3 recommended: held within ±0.5"))
        #expect(text.contains("as of 11/15/2026"))
        #expect(!text.contains("11.812"))
    }

    @Test func withoutALocaleReportsReadAsTheyAlwaysHave() throws {
        let text = try advise([])
        #expect(text.contains("11,812 EUR → 11,812 EUR"))
        #expect(text.contains("as of 2026-11-15"))
    }

    @Test func jsonIsTheSameBytesInEveryLocale() throws {
        let plain = try advise(["--format", "json"])
        #expect(try advise(["--format", "json", "--locale", "de-DE"]) == plain)
        #expect(try advise(["--format", "json", "--locale", "en-US"]) == plain)
        let german = try TemporaryWorkspace()
        try german.apply([Breakage("adviser.yaml", replacing: "currency: EUR", with: "currency: EUR\nlocale: de-DE")])
        #expect(try advise(["--format", "json"], in: german.parent) == plain)
    }

    @Test func markdownAndHTMLFollowTheLocaleToo() throws {
        let markdown = try advise(["--locale", "de-DE", "--format", "markdown"])
        #expect(markdown.contains("| 11.812 EUR → 11.812 EUR |"))
        #expect(markdown.contains("**Value index:** 65,3 today"))
        let html = try advise(["--locale", "de-DE", "--format", "html"])
        #expect(html.contains("11.812 EUR → 11.812 EUR"))
        #expect(html.contains("held · 65,3"))
    }

    @Test func compareAndTippingPointsFollowTheLocale() throws {
        let compare = try AdviserProcess.run(["compare", "--all-scenarios", "--locale", "de-DE"], environment: Self.environment)
        #expect(compare.status == 0 && compare.stdout.contains("11.812 EUR"), "\(compare.stderr)")
        let tipping = try AdviserProcess.run(["tipping-points", "--locale", "de-DE"], environment: Self.environment)
        #expect(tipping.status == 0, "\(tipping.stderr)")
        #expect(tipping.stdout.contains("now 2,3"), "\(tipping.stdout)")
    }

    @Test func theWorkspaceNamesTheLocaleAndTheFlagOverridesIt() throws {
        let german = try TemporaryWorkspace()
        try german.apply([Breakage("adviser.yaml", replacing: "currency: EUR", with: "currency: EUR\nlocale: de-DE")])
        #expect(try advise([], in: german.parent).contains("11.812 EUR"))
        #expect(try advise(["--locale", "en-US"], in: german.parent).contains("11,812 EUR"))
    }

    @Test func anUnknownLocaleIsAUsageErrorWithTheClosestName() throws {
        let result = try AdviserProcess.run(["advise", "--locale", "de-DX"], environment: Self.environment)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: unknown locale 'de-DX' (--locale): did you mean 'de-DE'?\n")
    }

    @Test func anUnknownLocaleInTheWorkspaceIsALocatedError() throws {
        let copy = try TemporaryWorkspace()
        try copy.apply([Breakage("adviser.yaml", replacing: "currency: EUR", with: "currency: EUR\nlocale: deutsch")])
        let result = try AdviserProcess.run(["validate", copy.path], environment: Self.environment)
        #expect(result.status == 1)
        #expect(result.stdout.contains("adviser.yaml:12:9: error[unknown-locale]: unknown locale 'deutsch'"), "\(result.stdout)")
    }
}
