import AdviserCore
import Foundation
import Testing

/// Numbers, money and dates as a reader in each locale writes them.
struct ReportNumbersTests {
    static let german = ReportNumbers(locale: Locale(identifier: "de-DE"))
    static let american = ReportNumbers(locale: Locale(identifier: "en-US"))

    @Test func groupingAndDecimalsFollowTheLocale() {
        #expect(Self.german.money(1170, "EUR") == "1.170 EUR")
        #expect(Self.american.money(1170, "EUR") == "1,170 EUR")
        #expect(Self.german.grouped(18_000) == "18.000")
        #expect(Self.american.grouped(18_000) == "18,000")
        #expect(Self.german.plain(4.5) == "4,5")
        #expect(Self.american.plain(4.5) == "4.5")
        #expect(Self.german.fixed(65.3, fractionDigits: 1) == "65,3")
        #expect(Self.american.fixed(65, fractionDigits: 1) == "65.0")
        #expect(Self.german.decimalSeparator == ",")
    }

    @Test func settingsAreWrittenWithoutGroupingAsTheWorkspaceWritesThem() {
        #expect(Self.german.plain(4800) == "4800")
        #expect(Self.american.plain(4800) == "4800")
        #expect(Self.american.plain(37.5) == "37.5")
        #expect(Self.american.plain(0.123456) == "0.1235")
    }

    @Test func plainNumbersReadAsFormatNumberWritesThemInTheDefaultLocale() {
        let numbers = ReportNumbers()
        for value in [0, 12, -9, 4.5, 0.125, 1e-7, -0.00001, 2.675, 1234.5678, 99.99995, 1e15, -3.25] {
            #expect(numbers.plain(value) == formatNumber(value), "\(value)")
        }
        #expect(numbers.plain(-0.00001) == "0")
    }

    @Test func moneyIsRoundedToWholeUnits() {
        #expect(Self.american.money(1169.6, "EUR") == "1,170 EUR")
        #expect(Self.german.money(-9.4, "EUR") == "-9 EUR")
    }

    @Test func datesAreISOUnlessALocaleIsNamed() {
        let day = 20_772  // 2026-11-15
        #expect(ReportNumbers(locale: Locale(identifier: "de-DE"), isoDates: true).date(daysSince1970: day) == "2026-11-15")
        #expect(Self.german.date(daysSince1970: day) == "15.11.2026")
        #expect(Self.american.date(daysSince1970: day) == "11/15/2026")
        #expect(ReportOptions().numbers.isoDates)
        #expect(!ReportOptions(locale: Locale(identifier: "en-US")).numbers.isoDates)
    }

    @Test func localeNamesAreCheckedAgainstFoundationsData() {
        #expect(WorkspaceSettings.locale(named: "de-DE")?.identifier == "de-DE")
        #expect(WorkspaceSettings.locale(named: "de_DE")?.identifier == "de-DE")
        #expect(WorkspaceSettings.locale(named: "de-de")?.identifier == "de-DE")
        #expect(WorkspaceSettings.locale(named: "fr")?.identifier == "fr")
        #expect(WorkspaceSettings.locale(named: "xx-YY") == nil)
        #expect(WorkspaceSettings.locale(named: "") == nil)
        #expect(WorkspaceSettings.unknownLocale("de-DX").hint == "did you mean 'de-DE'?")
    }
}
