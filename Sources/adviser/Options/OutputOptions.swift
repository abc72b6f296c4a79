import AdviserCore
import ArgumentParser

/// `--format` and `--output`, shared by the commands that write a report. `Format` is the
/// subject's format enum in AdviserCore, which lists the formats and returns their reporters:
/// a new format needs no change here.
struct OutputOptions<Format: ReportFormat & ExpressibleByArgument>: ParsableArguments {
    @Option(name: .customLong("format"), help: ArgumentHelp("The report format: \(Format.choices)."))
    var chosenFormat: Format?

    @Option(name: .long, help: ArgumentHelp("Write the report to this file (atomically) instead of the terminal.", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("locale"), help: ArgumentHelp(
        "How numbers, money and dates are written, such as en-US or de-DE. Default: the workspace's locale:, else en-US with ISO dates. JSON is the same in every locale.",
        valueName: "ID", visibility: Format.followsLocale ? .default : .private))
    var locale: String?

    /// The format asked for, or the subject's standard one.
    var format: Format { chosenFormat ?? Format.standard }

    /// Colour only for a report on a terminal, never in a file.
    var colors: TerminalColors { output == nil ? Console.colors() : .none }

    /// How the report is written: coloured for where it goes.
    var reportOptions: ReportOptions { ReportOptions(colors: colors) }

    /// How a report on a workspace is written: coloured for where it goes, in the locale `--locale`
    /// names, else the workspace's (`locale:`). An unknown `--locale` is a usage error (exit 2).
    func reportOptions(for settings: WorkspaceSettings) throws -> ReportOptions {
        var chosen = settings.locale
        if let locale {
            guard let named = WorkspaceSettings.locale(named: locale) else {
                let unknown = WorkspaceSettings.unknownLocale(locale)
                throw WorkspaceSession.usage("\(unknown.message) (--locale): \(unknown.hint)")
            }
            chosen = named
        }
        return ReportOptions(colors: colors, locale: chosen)
    }

    /// The reporter for the format asked for, for a report on a workspace with these settings.
    func reporter(for settings: WorkspaceSettings) throws -> Format.Reporter {
        format.reporter(options: try reportOptions(for: settings))
    }

    /// The reporter for the format asked for, coloured for where the report goes.
    var reporter: Format.Reporter { format.reporter(options: reportOptions) }

    /// Writes the report to standard output, or atomically to the file asked for.
    func emit(_ report: String) throws {
        try WorkspaceSession.emit(report, output: output)
    }
}

extension AdviceFormat: ExpressibleByArgument {}
extension ComparisonFormat: ExpressibleByArgument {}
extension TippingPointFormat: ExpressibleByArgument {}
extension AdviceDiffFormat: ExpressibleByArgument {}
extension DiagnosticFormat: ExpressibleByArgument {}
