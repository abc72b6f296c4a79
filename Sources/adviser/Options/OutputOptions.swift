import ArgumentParser

/// Report formats for advice.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
}

/// `--format` and `--output`, shared by the commands that write reports.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "The report format: text, markdown or json.")
    var format: ReportFormat = .text

    @Option(name: .long, help: ArgumentHelp("Write the report to this file (atomically) instead of the terminal.", valueName: "FILE"))
    var output: String?
}
