import ArgumentParser

/// Report formats for advice.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, html
}

/// `--format` and `--output`, shared by the commands that write reports.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: "The report format: text (the default), markdown, json or html (a one-file brief with charts).")
    var chosenFormat: ReportFormat?

    /// The format asked for, or text.
    var format: ReportFormat { chosenFormat ?? .text }

    @Option(name: .long, help: ArgumentHelp("Write the report to this file (atomically) instead of the terminal.", valueName: "FILE"))
    var output: String?
}
