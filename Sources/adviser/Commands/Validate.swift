import AdviserCore
import ArgumentParser
import Foundation

extension Adviser {
    /// `adviser validate`: checks a workspace, runs the static analyses, and reports every finding.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a workspace's rule files and report every problem with its file:line:col.",
            discussion: """
                Once the files have no errors, the rules are analysed too: conflicts, rules
                that can never fire or are always overridden, unused facts, drivers and
                levers, untested rules, and advice that cannot hold value (warnings; see
                docs/diagnostics.md).

                Exit status: 0 when clean, 1 when there are errors (or warnings with
                --strict), 2 when the workspace cannot be read, the report cannot be written,
                or the command line is wrong.

                Examples:
                  adviser validate
                  adviser validate path/to/Rules --strict
                  adviser validate --format github            annotations in GitHub Actions
                  adviser validate --format sarif --output adviser.sarif
                """
        )

        @Argument(help: ArgumentHelp("The workspace folder (same as --rules).", valueName: "WORKSPACE"))
        var workspace: String?

        @OptionGroup var options: WorkspaceOptions

        @Flag(help: "Treat warnings as failures.")
        var strict = false

        @OptionGroup var output: OutputOptions<DiagnosticFormat>

        func run() throws {
            let root = workspace ?? options.rules
            var outcome = WorkspaceLoader(keepsConditions: true).load(root)
            if !outcome.diagnostics.hasErrors {
                outcome.diagnostics = (outcome.diagnostics + WorkspaceAnalyzer(workspace: outcome.workspace, conditions: outcome.conditions).analyze()).sorted()
            }
            WorkspaceSession.keepUntilExit(outcome)
            let directory = FileManager.default.currentDirectoryPath
            let context = DiagnosticReportContext(
                sources: outcome.workspace.sources, fileCount: outcome.workspace.fileCount, currentDirectory: directory,
                repositoryRoot: DiagnosticReportContext.repositoryRoot(from: directory),
                toolVersion: Adviser.configuration.version)
            var report = output.reporter.render(outcome.diagnostics, context: context)
            let notFound = outcome.diagnostics.contains { $0.code == .workspaceNotFound }
            if notFound && output.format == .text {
                // No summary when there is no workspace at all: the one line says it.
                report = outcome.diagnostics.map { DiagnosticFormatter(colors: output.colors).format($0) }.joined(separator: "\n") + "\n"
            }
            try output.emit(report)
            if notFound { throw ExitCode(2) }
            let failed = outcome.diagnostics.hasErrors || (strict && outcome.diagnostics.warningCount > 0)
            if failed { throw ExitCode.failure }
        }
    }
}
