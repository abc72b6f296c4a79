import AdviserCore
import ArgumentParser

extension Adviser {
    /// `adviser compare`: the advice under several scenarios, side by side.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare the advice under several market scenarios, side by side.",
            discussion: """
                For each offering and segment: which rules fire under only some scenarios, how
                each lever's recommendation differs, and the value and margin under each.

                Examples:
                  adviser compare --scenario current --scenario downturn
                  adviser compare --all-scenarios --format html --output what-if.html
                  adviser compare --scenario current --scenario forecast.yaml --segment solo-trades
                  adviser compare --all-scenarios --excel --output what-if.csv   (for a spreadsheet)
                """
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Option(help: ArgumentHelp("A scenario id or .yaml file to compare (repeat: at least two).", valueName: "ID|FILE"))
        var scenario: [String] = []

        @Flag(help: "Compare every scenario of the workspace.")
        var allScenarios = false

        @OptionGroup var selection: SelectionOptions

        @OptionGroup var output: OutputOptions<ComparisonFormat>

        @OptionGroup var spreadsheet: SpreadsheetOptions

        func validate() throws {
            if allScenarios && !scenario.isEmpty {
                throw ValidationError("give either --all-scenarios or --scenario, not both")
            }
            if !allScenarios && scenario.count < 2 {
                throw ValidationError("name at least two scenarios to compare (--scenario A --scenario B), or use --all-scenarios")
            }
        }

        func run() throws {
            let format = try spreadsheet.format(output, csv: .csv)
            let workspace = try WorkspaceSession.load(workspaceOptions.rules)
            let engine = try WorkspaceSession.engine(for: workspace)
            let scenarios = allScenarios
                ? workspace.scenarios
                : try scenario.map { try WorkspaceSession.scenario($0, workspace: workspace, engine: engine) }
            let comparison: ScenarioComparison
            do {
                comparison = try engine.compare(
                    scenarios: scenarios, offerings: selection.offering, segments: selection.segment, options: .init(today: WorkspaceSession.today))
            } catch {
                throw WorkspaceSession.usage(error.description)
            }
            try output.emit(format.reporter(options: spreadsheet.applied(to: try output.reportOptions(for: workspace.settings))).render(comparison))
        }
    }
}
