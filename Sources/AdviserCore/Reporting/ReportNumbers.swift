import Foundation

/// How reports write numbers, money and dates in one locale: `18,000` and `4.5` in en-US, `18.000`
/// and `4,5` in de-DE. Foundation formats every number with the locale it is given (never the
/// machine's), so the same inputs give the same bytes on every machine. Units and currencies stay
/// as the workspace writes them; JSON never comes here.
///
/// Every reporter that writes for people (text, markdown, HTML, CSV) formats its numbers here.
public struct ReportNumbers: Sendable {
    /// The locale numbers and dates are written in.
    public let locale: Locale
    /// Dates as ISO 8601 (`2026-11-15`) rather than the locale's own way (`15.11.2026`): for
    /// reports whose workspace and command line name no locale, which read as they always have.
    public let isoDates: Bool

    public init(locale: Locale = ReportOptions.defaultLocale, isoDates: Bool = false) {
        self.locale = locale
        self.isoDates = isoDates
    }

    /// The locale's decimal separator: `.` in en-US, `,` in de-DE.
    public var decimalSeparator: String { locale.decimalSeparator ?? "." }

    /// A number as a business owner writes it, without thousands separators, as a lever's setting
    /// is written: `4800`, `4.5`, never `4.50` or `4.500000001` (at most `maxFractionDigits` decimals).
    public func plain(_ value: Double, maxFractionDigits: Int = 4) -> String {
        format(value, maxFractionDigits: maxFractionDigits, grouping: false)
    }

    /// A number with the locale's thousands separators: `18,000`, `1,234.5`.
    public func grouped(_ value: Double, maxFractionDigits: Int = 4) -> String {
        format(value, maxFractionDigits: maxFractionDigits, grouping: true)
    }

    /// An amount in whole units, grouped, then the currency as the workspace writes it: `1,170 EUR`.
    public func money(_ value: Double, _ currency: String) -> String {
        grouped(value.rounded()) + " " + currency
    }

    /// A number with exactly `fractionDigits` decimals, `65.0` (the value index).
    public func fixed(_ value: Double, fractionDigits: Int) -> String {
        guard value.isFinite else { return String(value) }
        return value.formatted(FloatingPointFormatStyle<Double>(locale: locale)
            .precision(.fractionLength(fractionDigits)).grouping(.never))
    }

    /// A day (days since 1970-01-01): `2026-11-15`, or as the locale writes it (`15.11.2026`,
    /// `11/15/2026`).
    public func date(daysSince1970 day: Int) -> String {
        let date = Date(timeIntervalSince1970: Double(day) * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        if isoDates {
            return date.formatted(Date.ISO8601FormatStyle(timeZone: calendar.timeZone).year().month().day())
        }
        return date.formatted(Date.FormatStyle(date: .numeric, time: .omitted, locale: locale, calendar: calendar, timeZone: calendar.timeZone))
    }

    private func format(_ value: Double, maxFractionDigits: Int, grouping: Bool) -> String {
        // Beyond what a Double counts exactly, and for infinities, Swift's own spelling (1e+15).
        guard value.isFinite, abs(value) < 1e15 else { return String(value) }
        // Rounded here, half away from zero, so -0.00001 is "0" and never "-0".
        var scale = 1.0
        for _ in 0..<maxFractionDigits { scale *= 10 }
        var rounded = (value * scale).rounded() / scale
        if rounded == 0 { rounded = 0 }
        return rounded.formatted(FloatingPointFormatStyle<Double>(locale: locale)
            .precision(.fractionLength(0...maxFractionDigits)).grouping(grouping ? .automatic : .never))
    }
}
