import Foundation

/// Writes RFC 4180 CSV: the one place that quotes fields and writes numbers for every CSV the tool
/// makes (advice, comparisons, batch advice).
///
/// Rows end in CRLF, as RFC 4180 says and every spreadsheet reads. A field is quoted when it holds
/// the delimiter, a quote, a CR or an LF, or starts or ends with a space (which some readers would
/// trim); a quote inside is doubled. Plain CSV is locale-free: `,` between fields and numbers as the
/// JSON report writes them. For a spreadsheet program (`ReportOptions.spreadsheet`) the file starts
/// with a UTF-8 byte-order mark, so Excel reads it as UTF-8, and uses the locale's list separator
/// and decimal separator, so Excel opens it in columns and reads the numbers as numbers.
public struct CSVWriter {
    /// How fields are separated and numbers written.
    public struct Dialect: Sendable, Equatable {
        public var delimiter: Character
        public var byteOrderMark: Bool
        /// For numbers: nil writes them as JSON does (`4.5`); a locale writes them with its decimal
        /// separator and no grouping (`4,5` in de-DE).
        public var locale: Locale?

        /// Comma-separated, dot decimals, no byte-order mark: for programs.
        public static let plain = Dialect(delimiter: ",", byteOrderMark: false, locale: nil)

        /// For a spreadsheet program in `locale`: a byte-order mark, and `;` between fields where
        /// the locale writes a decimal comma (as Excel's list separator there is), `,` elsewhere.
        public static func spreadsheet(_ locale: Locale) -> Dialect {
            let decimalComma = (locale.decimalSeparator ?? ".") == ","
            return Dialect(delimiter: decimalComma ? ";" : ",", byteOrderMark: true, locale: locale)
        }

        /// The dialect a report's options ask for.
        public init(_ options: ReportOptions) {
            self = options.spreadsheet ? .spreadsheet(options.locale) : .plain
        }

        public init(delimiter: Character, byteOrderMark: Bool, locale: Locale?) {
            self.delimiter = delimiter
            self.byteOrderMark = byteOrderMark
            self.locale = locale
        }
    }

    public let dialect: Dialect
    public private(set) var text: String

    public init(dialect: Dialect = .plain) {
        self.dialect = dialect
        text = dialect.byteOrderMark ? "\u{FEFF}" : ""
    }

    /// Appends one row of fields, quoted where needed, and its CRLF.
    public mutating func row(_ fields: [String]) {
        text += line(fields)
    }

    /// One row of fields with its CRLF, on its own (batch mode writes rows as it goes).
    public func line(_ fields: [String]) -> String {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(dialect.delimiter) }
            line += quoted(field)
        }
        return line + "\r\n"
    }

    /// The field as it goes into the file: as it is, or in quotes with its quotes doubled.
    public func quoted(_ field: String) -> String {
        let needsQuotes =
            field.contains { $0 == dialect.delimiter || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number the tool computed, rounded as in every JSON document (6 decimals): as JSON writes
    /// it, or with the dialect's locale's decimal separator.
    public func number(_ value: Double) -> String {
        let rounded = JSONWriter.rounded(value)
        guard rounded.isFinite else { return "" }
        guard let locale = dialect.locale else {
            var writer = JSONWriter()
            writer.number(rounded)
            return writer.text
        }
        return ReportNumbers(locale: locale).plain(rounded, maxFractionDigits: 6)
    }

    /// `true` or `false`, as in JSON, in every dialect.
    public func bool(_ value: Bool) -> String { value ? "true" : "false" }
}
