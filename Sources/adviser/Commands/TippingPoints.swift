import AdviserCore
import ArgumentParser

extension Adviser {
    /// `adviser tipping-points`: the market values at which the advice would change.
    struct TippingPoints: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tipping-points",
            abstract: "Show the market values at which the advice would change, and what would change.",
            discussion: """
                For each market fact the rules read: a number, the values on either side of
                the scenario's where some rule starts or stops firing, within the declared
                range (market.inflation > 6, or inside arithmetic or an `in` list); an enum or
                bool (market.phase), every other value. Each is checked by advising again;
                only points that change the advice are shown, each with what changes against
                the state just before it.

                Examples:
                  adviser tipping-points
                  adviser tipping-points --scenario downturn --format markdown
                  adviser tipping-points --format json --output tipping.json
                """
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Option(help: ArgumentHelp("A scenario id, or a scenario .yaml file. Default: the workspace's default scenario.", valueName: "ID|FILE"))
        var scenario: String?

        @OptionGroup var output: OutputOptions<TippingPointFormat>

        func run() throws {
            let workspace = try WorkspaceSession.load(workspaceOptions.rules)
            let engine = try WorkspaceSession.engine(for: workspace)
            let chosen = try WorkspaceSession.scenario(scenario, workspace: workspace, engine: engine)
            let analysis = engine.tippingPoints(scenario: chosen, options: .init(today: WorkspaceSession.today))
            try output.emit(output.reporter(for: workspace.settings).render(analysis))
        }
    }
}
