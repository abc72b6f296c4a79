import Foundation

/// How a report is written beyond its format: for a terminal or a file, in which locale, how much
/// of it. Each reporter reads what applies to its format (JSON reads none of it: it stays the same
/// bytes for every reader).
package struct ReportOptions: Sendable {
    /// Styles for terminal text; formats meant for files and programs ignore them.
    package var colors: TerminalColors
    /// How numbers, money and dates are written (`de-DE`: 18.000 and 4,5). Never the machine's:
    /// the same inputs give the same report everywhere.
    package var locale: Locale
    /// Only the summary table of the advice, not each piece of advice.
    package var summaryOnly: Bool
    /// At most this many talking points for each piece of advice (nil: every one).
    package var maxTalkingPoints: Int?
    /// CSV for a spreadsheet program: a byte-order mark, and the locale's list separator.
    package var spreadsheet: Bool

    /// The locale reports use when the workspace and the command line name none.
    package static let defaultLocale = Locale(identifier: "en-US")

    package init(
        colors: TerminalColors = .none, locale: Locale = ReportOptions.defaultLocale, summaryOnly: Bool = false,
        maxTalkingPoints: Int? = nil, spreadsheet: Bool = false
    ) {
        self.colors = colors
        self.locale = locale
        self.summaryOnly = summaryOnly
        self.maxTalkingPoints = maxTalkingPoints
        self.spreadsheet = spreadsheet
    }
}
