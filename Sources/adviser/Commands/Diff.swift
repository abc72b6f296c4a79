import AdviserCore
import ArgumentParser
import Foundation

extension Adviser {
    /// `adviser diff BASE [HEAD]`: what a change to the rules does to the advice.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how the advice changes between two versions of a workspace.",
            discussion: """
                BASE and HEAD are workspace folders or git revisions; for a revision, the
                workspace folder (--rules, default Rules) is read as it was at that revision.
                HEAD defaults to the working tree. Every offering × segment × scenario is
                advised on both sides; the report lists the rules that now fire or no longer
                fire, lever settings, value held and margin, for each combination that
                changes.

                Exit status: 0 when compared (changes or not), 1 when a side has errors, 2 for
                a usage or I/O problem.

                Examples:
                  adviser diff main                         working tree against branch main
                  adviser diff HEAD~1 HEAD --format markdown  ready to post on a pull request
                  adviser diff old-rules/ Rules/
                """
        )

        @Argument(help: ArgumentHelp("The workspace before: a folder or a git revision.", valueName: "BASE"))
        var base: String

        @Argument(help: ArgumentHelp("The workspace after: a folder or a git revision (default: the working tree).", valueName: "HEAD"))
        var head: String?

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @OptionGroup var output: OutputOptions<AdviceDiffFormat>

        func run() throws {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("adviser-diff-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let rules = workspaceOptions.rules
            let baseFolder: String, headFolder: String
            do {
                baseFolder = try WorkspaceRevision.folder(for: base, workspace: rules, scratch: scratch)
                headFolder = try head.map { try WorkspaceRevision.folder(for: $0, workspace: rules, scratch: scratch) } ?? rules
            } catch {
                throw WorkspaceSession.usage("\(error)")
            }
            let before = try WorkspaceSession.load(baseFolder)
            let after = try WorkspaceSession.load(headFolder)
            var diff: AdviceDiff
            do {
                diff = try AdviceDiff.compare(base: before, head: after, baseName: base, headName: head ?? rules)
                // Point at the working tree's files rather than at the scratch copies of a revision.
                let trimmed = rules.count > 1 && rules.hasSuffix("/") ? String(rules.dropLast()) : rules
                for folder in [headFolder, baseFolder] where folder != rules {
                    diff = diff.relocating(folder, to: trimmed)
                }
            } catch .invalidWorkspace(let diagnostics) {
                for diagnostic in diagnostics { Console.error(DiagnosticFormatter.line(diagnostic)) }
                throw ExitCode.failure
            }
            try output.emit(output.reporter(for: after.settings).render(diff))
        }
    }
}
