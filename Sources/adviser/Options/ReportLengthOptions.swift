import AdviserCore
import ArgumentParser

/// `--summary` and `--max-points`: how much of the advice the text, markdown and HTML reports show.
struct ReportLengthOptions: ParsableArguments {
    /// `--max-points`: a number of talking points per piece of advice, or `all`.
    enum PointLimit: ExpressibleByArgument, Equatable {
        case atMost(Int)
        case all

        init?(argument: String) {
            if argument == "all" {
                self = .all
            } else if let n = Int(argument), n >= 0 {
                self = .atMost(n)
            } else {
                return nil
            }
        }
    }

    @Flag(help: "Only the summary table: one row per offering and segment (text, markdown and html).")
    var summary = false

    @Option(name: .customLong("max-points"), help: ArgumentHelp(
        "At most N talking points for each piece of advice, those about the drivers that weigh most first; 'all' for every one (default: \(ReportOptions.defaultMaxTalkingPoints)).",
        valueName: "N|all"))
    var maxPoints: PointLimit?

    /// `options` with the summary and the talking-point cap asked for.
    func applied(to options: ReportOptions) -> ReportOptions {
        var options = options
        options.summaryOnly = summary
        switch maxPoints ?? .atMost(ReportOptions.defaultMaxTalkingPoints) {
        case .atMost(let n): options.maxTalkingPoints = n
        case .all: options.maxTalkingPoints = nil
        }
        return options
    }
}
