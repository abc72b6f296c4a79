import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// Replays what the fuzzers found (Tests/Fixtures/fuzz-regressions/) and their seed corpora
/// (Fuzz/corpus/) through the fuzzers' own entry points, in process: no crash, and every found input
/// answered with a diagnostic or an error record.
struct FuzzRegressionTests {
    static let minimal = PackagePaths.fixtureWorkspace("minimal")

    static func inputs(_ target: String) -> [(name: String, bytes: [UInt8], found: Bool)] {
        var inputs: [(String, [UInt8], Bool)] = []
        for (folder, found) in [("Tests/Fixtures/fuzz-regressions/\(target)", true), ("Fuzz/corpus/\(target)", false)] {
            let dir = PackagePaths.root.appendingPathComponent(folder)
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() where !name.hasPrefix(".") {
                guard let data = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) else { continue }
                inputs.append(("\(folder)/\(name)", [UInt8](data), found))
            }
        }
        return inputs
    }

    static func engine() throws -> AdviceEngine {
        let outcome = WorkspaceLoader().load(minimal.path)
        return try AdviceEngine(workspace: outcome.workspace)
    }

    @Test func expression() throws {
        let engine = try Self.engine()
        let inputs = Self.inputs("expression")
        #expect(!inputs.isEmpty)
        for input in inputs {
            let outcome = FuzzEntryPoints.expression(input.bytes, engine: engine)
            if input.found, case .success(let value) = outcome {
                Issue.record("\(input.name) evaluated to \(value.value) without a diagnostic")
            }
        }
    }

    @Test func loader() throws {
        let base = FuzzEntryPoints.files(of: Self.minimal)
        let inputs = Self.inputs("loader")
        #expect(!inputs.isEmpty)
        for input in inputs {
            let outcome = FuzzEntryPoints.loader(input.bytes, base: base)
            #expect(outcome.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 }, "\(input.name)")
            if input.found {
                #expect(!outcome.diagnostics.isEmpty, "\(input.name) loaded without a diagnostic")
            }
        }
    }

    @Test func clientLine() throws {
        let engine = try Self.engine()
        let batch = BatchAdviser(engine: engine, scenario: engine.workspace.scenarios[0])
        let inputs = Self.inputs("client-line")
        #expect(!inputs.isEmpty)
        for input in inputs {
            let records = FuzzEntryPoints.clientLine(input.bytes, batch: batch).map {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
            }
            #expect(records.allSatisfy { $0 != nil }, "\(input.name): an output line that is not a JSON object")
            if input.found {
                #expect(records.count == 1 && records[0]?["error"] != nil, "\(input.name): no error record")
            }
        }
    }
}
