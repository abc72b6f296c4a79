import AdviserCore
import ArgumentParser

extension Adviser {
    /// `adviser eval`: the rule author's scratchpad.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate a condition against the workspace's facts and print its value and type.",
            discussion: """
                Uses the default scenario and the first segment and offering unless told
                otherwise. Quote the expression for your shell.

                Examples:
                  adviser eval 'market.phase == "downturn"'
                  adviser eval 'segment.price_sensitivity >= 0.5' --segment micro-retail
                  adviser eval 'offering.package_price * 0.9' --offering sales-consultation
                """
        )

        @Argument(help: "The expression, e.g. 'market.inflation > 5.0'.")
        var expression: String

        @OptionGroup var options: WorkspaceOptions

        @Option(help: ArgumentHelp("The scenario whose market facts to use.", valueName: "ID"))
        var scenario: String?

        @Option(help: ArgumentHelp("The segment whose facts to use.", valueName: "ID"))
        var segment: String?

        @Option(help: ArgumentHelp("The offering whose lever baselines to use.", valueName: "ID"))
        var offering: String?

        func run() throws {
            let workspace = try WorkspaceSession.load(options.rules)
            let engine = try WorkspaceSession.engine(for: workspace)
            let chosenScenario: Scenario
            do {
                chosenScenario = try engine.scenario(scenario)
            } catch {
                throw WorkspaceSession.usage(error.description)
            }
            guard let chosenSegment = segment.map({ workspace.segment($0) }) ?? workspace.segments.first else {
                throw WorkspaceSession.usage(UnknownID(what: "segment", id: segment ?? "", known: workspace.segments.map(\.id)).description)
            }
            guard let chosenOffering = offering.map({ workspace.offering($0) }) ?? workspace.offerings.first else {
                throw WorkspaceSession.usage(UnknownID(what: "offering", id: offering ?? "", known: workspace.offerings.map(\.id)).description)
            }
            let result = ExpressionScratchpad(engine: engine).evaluate(
                expression, scenario: chosenScenario, segment: chosenSegment, offering: chosenOffering)
            switch result {
            case .success(let value):
                Console.out("\(value.value) (\(value.type))")
            case .failure(let diagnostics):
                let formatter = DiagnosticFormatter(sources: [ExpressionScratchpad.file: expression], colors: Console.colors(forStandardError: true))
                for diagnostic in diagnostics { Console.error(formatter.format(diagnostic)) }
                throw ExitCode.failure
            }
        }
    }
}
