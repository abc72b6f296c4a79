import AdviserCore
import ArgumentParser

/// `--excel`: CSV for a spreadsheet program, for the commands whose reports have a CSV format.
/// Named for the program users name; LibreOffice and Numbers read the same file.
struct SpreadsheetOptions: ParsableArguments {
    @Flag(help: "CSV for Excel: a byte-order mark, and the locale's separators (de-DE: ';' and 4,5). Implies --format csv.")
    var excel = false

    /// The format to write: CSV when --excel is given, else the one asked for. --excel with another
    /// format is a usage error, not silently one or the other.
    func format<Format: ReportFormat>(_ output: OutputOptions<Format>, csv: Format) throws -> Format {
        guard excel else { return output.format }
        if let chosen = output.chosenFormat, chosen != csv {
            throw ValidationError("--excel writes CSV for a spreadsheet; use it with --format csv or leave --format out")
        }
        return csv
    }

    /// `options`, for a spreadsheet when --excel is given.
    func applied(to options: ReportOptions) -> ReportOptions {
        var options = options
        options.spreadsheet = excel
        return options
    }
}
