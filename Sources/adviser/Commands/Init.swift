import AdviserCore
import ArgumentParser

extension Adviser {
    /// `adviser init`: writes a small, commented starter workspace to copy from.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a small, commented starter workspace to edit into your own.",
            discussion: """
                Writes one offering, two client segments, a ruleset, two market scenarios and
                a test file into DIR (created if needed). An existing file is never
                overwritten: it is reported as skipped, so running init again changes nothing.

                Examples:
                  adviser init MyRules
                  adviser validate MyRules --strict
                  adviser --rules MyRules
                """
        )

        @Argument(help: ArgumentHelp("The folder to create the workspace in.", valueName: "DIR"))
        var directory: String

        func run() throws {
            let result: (created: [String], skipped: [String])
            do {
                result = try StarterWorkspace.create(in: directory)
            } catch {
                Console.error("error: could not write the starter workspace to '\(directory)': \(error.localizedDescription)")
                throw ExitCode(2)
            }
            let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
            for path in result.created { Console.out("created  \(root)/\(path)") }
            for path in result.skipped { Console.out("skipped  \(root)/\(path) (already exists, left as it is)") }
            Console.out("""

                \(result.created.count) created, \(result.skipped.count) skipped.
                Next steps:
                  adviser validate \(root)        check the workspace after every edit
                  adviser --rules \(root)         advice for every offering and segment
                  adviser test \(root)            run the tests in \(root)/tests
                """)
        }
    }
}
