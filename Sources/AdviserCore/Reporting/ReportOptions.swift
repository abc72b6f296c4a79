import Foundation

/// How a report is written beyond its format: for a terminal or a file, in which locale, how much
/// of it. Each reporter reads what applies to its format (JSON reads none of it: it stays the same
/// bytes for every reader).
public struct ReportOptions: Sendable {
    /// Styles for terminal text; formats meant for files and programs ignore them.
    public var colors: TerminalColors
    /// How numbers, money and dates are written (`de-DE`: 18.000 and 4,5). Never the machine's:
    /// the same inputs give the same report everywhere.
    public var locale: Locale
    /// Whether the workspace (`locale:`) or the command line (`--locale`) named the locale. Without
    /// one, dates stay ISO 8601 (`2026-11-15`), as reports have always written them.
    public var localeNamed: Bool
    /// Only the summary table of the advice, not each piece of advice.
    public var summaryOnly: Bool
    /// At most this many talking points for each piece of advice (nil: every one).
    public var maxTalkingPoints: Int?
    /// CSV for a spreadsheet program: a byte-order mark, and the locale's list separator.
    public var spreadsheet: Bool

    /// The locale reports use when the workspace and the command line name none.
    public static let defaultLocale = Locale(identifier: "en-US")
    /// How many talking points each piece of advice shows when `--max-points` is not given.
    public static let defaultMaxTalkingPoints = 3

    /// `locale` nil: the default locale, with ISO 8601 dates.
    public init(
        colors: TerminalColors = .none, locale: Locale? = nil, summaryOnly: Bool = false,
        maxTalkingPoints: Int? = nil, spreadsheet: Bool = false
    ) {
        self.colors = colors
        self.locale = locale ?? Self.defaultLocale
        self.localeNamed = locale != nil
        self.summaryOnly = summaryOnly
        self.maxTalkingPoints = maxTalkingPoints
        self.spreadsheet = spreadsheet
    }

    /// Numbers, money and dates as this report writes them: the one place a reporter formats them.
    public var numbers: ReportNumbers { ReportNumbers(locale: locale, isoDates: !localeNamed) }
}
