import AdviserCore
import ArgumentParser

/// The `adviser` command: configuration and subcommands only; each subcommand lives in Commands/.
@main
struct Adviser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adviser",
        abstract: "Recommends how to tweak your offerings for each client segment while holding the value clients get.",
        discussion: """
            Reads a workspace folder (default: ./Rules) of YAML files: facts, offerings,
            client segments, rules and market scenarios.

            Examples:
              adviser                              advice for every offering and segment
              adviser advise --scenario downturn   the same, in another market scenario
              adviser validate Rules               check the rule files, as CI does
              adviser validate --rules path/to/ws  the same, for another workspace
              adviser advise --format html --output brief.html
                                                   the brief, with charts
              adviser compare --all-scenarios      what if: the scenarios side by side
              adviser tipping-points               where the market would change advice
              adviser watch                        advise again on every save
            """,
        version: "0.1.0",
        subcommands: [
            Advise.self, Validate.self, Test.self, Eval.self, Init.self, Compare.self, TippingPoints.self, Watch.self, Diff.self,
            Schema.self,
        ],
        defaultSubcommand: Advise.self
    )

    /// Exit codes are documented: 0 clean, 1 findings, 2 usage or I/O problems.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success || code.rawValue == 1 {
                exit(withError: error)
            }
            // Usage errors (ArgumentParser's 64) become 2, as documented.
            let message = fullMessage(for: error)
            if !message.isEmpty { Console.error(message) }
            Console.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
