import AdviserCore
import ArgumentParser

extension WorkspaceSchema.FileKind: ExpressibleByArgument {}

extension Adviser {
    /// `adviser schema KIND`: the JSON Schema of one kind of workspace file, for editors.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema (draft 2020-12) of one kind of workspace file, for editors.",
            discussion: """
                KIND is one of:
                \(WorkspaceSchema.FileKind.allCases.map(\.rawValue).joined(separator: ", ")).
                The schemas are generated from the same description the loader checks files
                against; copies live in docs/schemas/. See docs/ci.md for the
                yaml-language-server line.

                Example:
                  adviser schema offering > offering.schema.json
                """
        )

        @Argument(help: ArgumentHelp("The kind of file.", valueName: "KIND"))
        var kind: WorkspaceSchema.FileKind

        @Option(help: ArgumentHelp("Write the schema to this file (atomically) instead of the terminal.", valueName: "FILE"))
        var output: String?

        func run() throws {
            try WorkspaceSession.emit(JSONSchemaGenerator.json(for: kind), output: output)
        }
    }
}
