import AdviserCore
import ArgumentParser

extension Adviser {
    /// `adviser advise`: the main job.
    struct Advise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recommend how to adjust each offering for each client segment, holding the value they get.",
            discussion: """
                With no options: every offering for every segment, under the workspace's
                default scenario.

                Examples:
                  adviser advise
                  adviser advise --scenario downturn --segment micro-retail
                  adviser advise --scenario forecast.yaml --format markdown --output brief.md
                  adviser advise --format html --output brief.html   (charts; prints on A4)
                  adviser advise --explain        (why each rule fired or not)
                  adviser advise --summary --locale de-DE   (one page, German numbers)
                  adviser advise --format csv --output advice.csv   (one row per lever)
                  adviser advise --excel --output advice.csv        (for Excel, in your locale)
                  adviser advise --clients clients.jsonl > advice.jsonl
                  adviser advise --clients crm-export.csv --format csv --output advice.csv

                --clients reads one client per line, for example
                  {"id": "c-17", "segment": "micro-retail", "facts": {"headcount": 3}}
                (optionally with "offerings": [...]), or, from a .csv file, one client per row
                under a header row: id, segment, offerings (optional) and a column per segment
                fact (`,` or `;` between fields). It writes one JSON line (or CSV rows) per client
                and offering, in input order (see docs/scale.md).
                """
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Option(help: ArgumentHelp("A scenario id, or a scenario .yaml file. Default: the workspace's default scenario.", valueName: "ID|FILE"))
        var scenario: String?

        @OptionGroup var selection: SelectionOptions

        @OptionGroup var output: OutputOptions<AdviceFormat>

        @OptionGroup var length: ReportLengthOptions

        @OptionGroup var spreadsheet: SpreadsheetOptions

        @Flag(help: "For each rule, fired or not, show how its condition evaluated.")
        var explain = false

        @Option(help: ArgumentHelp("Advise every client of a JSON Lines or .csv file (- for JSON Lines on standard input); writes JSON Lines, or CSV with --format csv.", valueName: "FILE"))
        var clients: String?

        func run() async throws {
            let format = try spreadsheet.format(output, csv: .csv)
            let workspace = try WorkspaceSession.load(workspaceOptions.rules)
            let engine = try WorkspaceSession.engine(for: workspace)
            let chosen = try WorkspaceSession.scenario(scenario, workspace: workspace, engine: engine)
            // Read first, so a bad --locale is refused whatever is written.
            let options = spreadsheet.applied(to: length.applied(to: try output.reportOptions(for: workspace.settings)))
            if let clients {
                try await adviseClients(
                    clients, format: output.chosenFormat == nil && !spreadsheet.excel ? .json : format, options: options,
                    engine: engine, scenario: chosen)
                return
            }
            let request = AdviceRequest(
                scenario: chosen, offerings: selection.offering, segments: selection.segment,
                options: .init(explain: explain, today: WorkspaceSession.today))
            let report: AdviceReport
            do {
                report = try engine.report(for: request)
            } catch {
                throw WorkspaceSession.usage(error.description)
            }
            try output.emit(format.reporter(options: options).render(report))
        }
    }
}
