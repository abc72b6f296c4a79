import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// `limits:` in adviser.yaml: read within the hard caps, and wired to every reader and the engine.
struct WorkspaceLimitsTests {
    static let minimal = PackagePaths.fixtureWorkspace("minimal")

    static func files() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: minimal.path)!
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".yaml") else { continue }
            files[relative] = Array(try Data(contentsOf: minimal.appendingPathComponent(relative)))
        }
        return files
    }

    static func load(limits: String, editing path: String? = nil, _ edit: (String) -> String = { $0 }) throws -> WorkspaceLoader.Outcome {
        var files = try files()
        files["adviser.yaml"] = Array((String(decoding: files["adviser.yaml"]!, as: UTF8.self) + "limits:\n" + limits).utf8)
        if let path { files[path] = Array(edit(String(decoding: files[path]!, as: UTF8.self)).utf8) }
        return WorkspaceLoader().load(files: files)
    }

    @Test func inMemoryLoadMatchesTheFolder() throws {
        let memory = WorkspaceLoader().load(files: try Self.files(), root: Self.minimal.path)
        let disk = WorkspaceLoader().load(Self.minimal.path)
        #expect(memory.diagnostics.map(DiagnosticFormatter.line) == disk.diagnostics.map(DiagnosticFormatter.line))
        #expect(memory.workspace.rules.map(\.id) == disk.workspace.rules.map(\.id))
        #expect(memory.workspace.fileCount == disk.workspace.fileCount)
        #expect(disk.workspace.settings.limits == WorkspaceLimits())
    }

    @Test func everyKeyIsReadAndWired() throws {
        let text = WorkspaceLimits.keys.enumerated().map { "  \($0.element.name): \(10 + $0.offset)\n" }.joined()
        let outcome = try Self.load(limits: text)
        let limits = outcome.workspace.settings.limits
        for (offset, key) in WorkspaceLimits.keys.enumerated() {
            #expect(key.value(in: limits) == 10 + offset, "\(key.name)")
        }
        // The schema names every key, so the generated JSON Schema does too.
        guard case .object(let shape)? = WorkspaceSchema.settings.field("limits")?.shape else {
            Issue.record("adviser.yaml has no limits: object")
            return
        }
        #expect(shape.fields.map(\.key) == WorkspaceLimits.keys.map(\.name))
    }

    @Test func aboveTheCapIsRefusedAndNamesIt() throws {
        let outcome = try Self.load(limits: "  max_yaml_depth: 5000\n  max_files: 0\n")
        let problems = outcome.diagnostics.filter { $0.code == .outOfRange }
        #expect(problems.count == 2)
        #expect(problems.contains { $0.message.contains("at most 200 (its hard cap)") && $0.location.line == 8 })
        #expect(outcome.workspace.settings.limits == WorkspaceLimits())
    }

    @Test func adviserYAMLIsReadUnderTheDefaults() throws {
        // adviser.yaml is larger than 100 bytes; only the other files are refused.
        let outcome = try Self.load(limits: "  max_file_bytes: 100\n")
        let tooLarge = outcome.diagnostics.filter { $0.code == .fileTooLarge }.map(\.location.file)
        #expect(!tooLarge.contains("memory/adviser.yaml"))
        #expect(tooLarge.contains("memory/facts.yaml"))
    }

    @Test func expressionLimitsReachTheConditions() throws {
        let deep = try Self.load(limits: "  max_expression_depth: 3\n", editing: "rules/competition.yaml") {
            $0.replacingOccurrences(of: "market.competitor_price_index < 0.9", with: "((((market.competitor_price_index < 0.9))))")
        }
        #expect(deep.diagnostics.map(\.code) == [DiagnosticCode("expr-too-deep")])
        let long = try Self.load(limits: "  max_expression_length: 20\n")
        #expect(long.diagnostics.contains { $0.code == DiagnosticCode("expr-too-long") })
    }

    @Test func costAndGridLimitsReachTheEngine() throws {
        let outcome = try Self.load(limits: "  max_evaluation_cost: 50\n  max_grid_points: 3\n", editing: "rules/competition.yaml") {
            $0.replacingOccurrences(
                of: "market.competitor_price_index < 0.9",
                with: "market.competitor_price_index < 0.9 && [1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, a + b > 0))")
        }
        // Each flex lever alone has more settings than 3: refused when loading, and skipped when advising.
        #expect(outcome.diagnostics.filter { $0.severity == .error }.allSatisfy { $0.code == .outOfRange && $0.message.contains("flex lever") },
                "\(outcome.diagnostics.map(DiagnosticFormatter.line))")
        let engine = try AdviceEngine(workspace: outcome.workspace)
        #expect(engine.rules.allSatisfy { $0.program.costLimit == 50 })
        #expect(engine.balancer.limits.maxGridPoints == 3)
        let workspace = outcome.workspace
        let advice = engine.advise(
            offering: workspace.offerings[0], segment: workspace.segment("micro-retail")!, scenario: workspace.scenario("downturn")!)
        #expect(advice.warnings.contains { $0.code == .conditionError }, "\(advice.warnings)")
        #expect(advice.warnings.contains { $0.code == .gridTooLarge }, "\(advice.warnings)")
    }

    /// A flex lever whose grid is too large to build: refused when loading, and skipped with a warning
    /// by the engine (which once tried to allocate it and crashed).
    @Test func hugeFlexGridIsNeverBuilt() throws {
        let outcome = try Self.load(limits: "  max_grid_points: 1000\n", editing: "offerings/sales-consultation.yaml") {
            $0.replacingOccurrences(of: "    step: 100", with: "    step: 0.0000001")
        }
        #expect(outcome.diagnostics.contains { $0.code == .outOfRange && $0.message.contains("48000000001 settings") })
        let engine = try AdviceEngine(workspace: outcome.workspace)
        let workspace = outcome.workspace
        let warnings = workspace.scenarios.flatMap { scenario in
            workspace.segments.flatMap { engine.advise(offering: workspace.offerings[0], segment: $0, scenario: scenario).warnings }
        }
        #expect(warnings.contains { $0.code == .gridTooLarge }, "\(warnings)")
        var lever = workspace.offerings[0].levers[0]
        (lever.min, lever.max, lever.step) = (-1e308, 1e308, 1e-300)
        #expect(lever.gridCount == 1_000_000_000_000_000)
    }

    /// At the hard caps, the deepest accepted condition and YAML are walked (checked on worker threads,
    /// compiled, traced) without exhausting a stack: the caps are safe, not just large.
    @Test func theHardCapsAreSafe() throws {
        let deep = String(repeating: "(", count: 199) + "market.competitor_price_index < 0.9" + String(repeating: ")", count: 199)
        let outcome = try Self.load(
            limits: "  max_expression_depth: 200\n  max_expression_height: 1000\n  max_yaml_depth: 200\n",
            editing: "rules/competition.yaml") {
                $0.replacingOccurrences(of: "market.competitor_price_index < 0.9", with: deep + " && " + Array(repeating: "true", count: 900).joined(separator: " && "))
                    + "doc2: " + String(repeating: "[", count: 198) + String(repeating: "]", count: 198) + "\n"
            }
        #expect(outcome.diagnostics.map(\.code) == [.unknownKey], "\(outcome.diagnostics.map(DiagnosticFormatter.line))")
        let engine = try AdviceEngine(workspace: outcome.workspace)
        let workspace = outcome.workspace
        let advice = engine.advise(
            offering: workspace.offerings[0], segment: workspace.segments[0], scenario: workspace.scenario("downturn")!,
            options: .init(explain: true))
        #expect(advice.fired.contains { $0.rule == "undercut-by-rivals" })
    }
}
