import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// `adviser schema`: generated from WorkspaceSchema, committed in docs/schemas, and right about
/// the files the loader accepts and rejects.
struct SchemaTests {
    static let schemas = PackagePaths.root.appendingPathComponent("docs/schemas")

    @Test(arguments: WorkspaceSchema.FileKind.allCases)
    func committedCopyIsCurrent(_ kind: WorkspaceSchema.FileKind) throws {
        let committed = try String(contentsOf: Self.schemas.appendingPathComponent("\(kind.rawValue).schema.json"), encoding: .utf8)
        #expect(committed == JSONSchemaGenerator.json(for: kind),
                "docs/schemas/\(kind.rawValue).schema.json is stale: run adviser schema \(kind.rawValue) --output docs/schemas/\(kind.rawValue).schema.json")
    }

    @Test func objectsAreClosedAndDocumented() throws {
        func member(_ value: JSONValue?, _ key: String) -> JSONValue? {
            if case .object(let members)? = value { return members[key] }
            return nil
        }
        let schema = JSONSchemaGenerator.schema(for: .offering)
        #expect(member(schema, "$schema") == "https://json-schema.org/draft/2020-12/schema")
        #expect(member(schema, "additionalProperties") == false)
        let lever = member(member(member(schema, "properties"), "levers"), "items")
        let properties = member(lever, "properties")
        #expect(member(member(properties, "step"), "type") == "number")
        #expect(member(member(properties, "id"), "pattern") == .string(JSONSchemaGenerator.identifierPattern))
        #expect(member(member(properties, "flex"), "description") != nil)
        #expect(member(lever, "required") == .array(["id", "kind", "baseline"]))
        #expect(member(lever, "additionalProperties") == false)
    }

    @Test(.enabled(if: ExternalValidators.python, Comment(rawValue: ExternalValidators.pythonUnavailable)))
    func schemasAcceptTheShippedAndFixtureWorkspaces() throws {
        for workspace in [PackagePaths.rules, PackagePaths.fixtureWorkspace("minimal"), PackagePaths.fixtureWorkspace("analysed")] {
            let result = try ExternalValidators.validateWorkspace(workspace, schemas: Self.schemas)
            #expect(result.status == 0, "\(workspace.path): \(result.output)")
        }
    }

    static let shapeErrors: [(String, Breakage)] = [
        ("unknown key", Breakage("offerings/sales-consultation.yaml", replacing: "    levels: [email", with: "    levles: [email")),
        ("wrong type", Breakage("offerings/sales-consultation.yaml", replacing: "    step: 100", with: "    step: \"100\"")),
        ("missing key", Breakage("rules/business-cycle.yaml",
                                 replacing: "    why: In a downturn the actual cost weighs more for price-sensitive clients.\n", with: "")),
        ("invalid choice", Breakage("segments/micro-retail.yaml", replacing: "size: micro", with: "size: tiny")),
        ("invalid id", Breakage("rules/competition.yaml", replacing: "- id: undercut-by-rivals", with: "- id: undercut by rivals")),
    ]

    @Test(.enabled(if: ExternalValidators.python, Comment(rawValue: ExternalValidators.pythonUnavailable)), arguments: shapeErrors)
    func schemasRejectWhatTheLoaderRejects(_ name: String, _ breakage: Breakage) throws {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        try workspace.apply([breakage])
        #expect(WorkspaceLoader().load(workspace.path).diagnostics.hasErrors, "\(name): the loader accepts it")
        let result = try ExternalValidators.validateWorkspace(workspace.root, schemas: Self.schemas)
        #expect(result.status == 1, "\(name): the schema accepts it: \(result.output)")
        #expect(result.output.contains(breakage.file), "\(name): \(result.output)")
    }
}

extension SchemaTests {
    /// A `# yaml-language-server: $schema=…` line in a shipped file names the schema of its kind,
    /// by a path relative to the file that exists (docs/ci.md lists the lines per folder).
    @Test func schemaCommentsPointAtTheRightSchema() throws {
        let kinds = ["adviser.yaml": "settings", "facts.yaml": "facts", "offerings": "offering", "segments": "segment",
                     "rules": "ruleset", "scenarios": "scenario", "tests": "test"]
        let root = PackagePaths.rules
        let files = (FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
            .filter { $0.pathExtension == "yaml" }
        for file in files {
            let relative = file.path.dropFirst(root.path.count + 1)
            guard let kind = kinds[String(relative.split(separator: "/")[0])] else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            guard let line = text.split(separator: "\n").first(where: { $0.contains("yaml-language-server: $schema=") }) else { continue }
            let target = String(line.split(separator: "$schema=", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces)
            let resolved = file.deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL
            #expect(resolved == Self.schemas.appendingPathComponent("\(kind).schema.json").standardizedFileURL, "\(relative): \(target)")
            #expect(FileManager.default.fileExists(atPath: resolved.path), "\(relative): \(target)")
        }
    }
}
