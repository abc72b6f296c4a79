import AdviserCore
import ArgumentParser

extension Adviser {
    /// `adviser validate`: checks a workspace and prints every finding.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a workspace's rule files and report every problem with its file:line:col.",
            discussion: """
                Exit status: 0 when clean, 1 when there are errors (or warnings with --strict),
                2 when the workspace cannot be read or the command line is wrong.

                Examples:
                  adviser validate
                  adviser validate path/to/Rules --strict
                """
        )

        @Argument(help: ArgumentHelp("The workspace folder (same as --rules).", valueName: "WORKSPACE"))
        var workspace: String?

        @OptionGroup var options: WorkspaceOptions

        @Flag(help: "Treat warnings as failures.")
        var strict = false

        func run() throws {
            let root = workspace ?? options.rules
            let outcome = WorkspaceLoader().load(root)
            WorkspaceSession.keepUntilExit(outcome)
            let formatter = DiagnosticFormatter(sources: outcome.workspace.sources, colors: Console.colors())
            for diagnostic in outcome.diagnostics {
                Console.out(formatter.format(diagnostic))
            }
            if outcome.diagnostics.contains(where: { $0.code == .workspaceNotFound }) {
                throw ExitCode(2)
            }
            Console.out(DiagnosticFormatter.summary(outcome.diagnostics, files: outcome.workspace.fileCount))
            let failed = outcome.diagnostics.hasErrors || (strict && outcome.diagnostics.warningCount > 0)
            if failed { throw ExitCode.failure }
        }
    }
}
