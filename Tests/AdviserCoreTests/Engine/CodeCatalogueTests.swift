import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// Advice warning codes and batch error codes are API: each is documented where the JSON shows it,
/// and each reaches the output as its stable text.
struct CodeCatalogueTests {
    func doc(_ name: String) throws -> String {
        try String(contentsOf: PackagePaths.root.appendingPathComponent("docs/\(name)"), encoding: .utf8)
    }

    @Test func everyAdviceWarningCodeHasARowInTheJSONOutputPage() throws {
        let page = try doc("json-output.md")
        for code in AdviceWarningCode.allCases {
            #expect(page.contains("| `\(code.rawValue)` |"), "\(code.rawValue) is not documented in docs/json-output.md")
        }
    }

    @Test func everyBatchErrorCodeHasARowInTheScalePage() throws {
        let page = try doc("scale.md")
        for code in BatchErrorCode.allCases {
            #expect(page.contains("| `\(code.rawValue)` |"), "\(code.rawValue) is not documented in docs/scale.md")
        }
    }

    @Test func aWarningPrintsAsItsStableCode() {
        #expect("\(AdviceWarningCode.staleScenario)" == "stale-scenario")
        #expect("\(BatchErrorCode.invalidUTF8)" == "invalid-utf8")
    }

    /// A client's fact that does not fit its declaration gets the code of what is wrong with it.
    @Test(arguments: [
        ("\"price_sensitivity\": 1.5", "out-of-range"),
        ("\"headcount\": 2.5", "wrong-type"),
        ("\"price_sensitivity\": true", "wrong-type"),
    ])
    func aFactThatDoesNotFitItsDeclarationNamesWhatIsWrong(facts: String, code: String) throws {
        let workspace = WorkspaceLoader().load(PackagePaths.rules.path).workspace
        let engine = try AdviceEngine(workspace: workspace)
        let batch = BatchAdviser(engine: engine, scenario: try engine.scenario(nil))
        let lines = batch.advise(line: "{\"id\": \"c-1\", \"segment\": \"micro-retail\", \"facts\": {\(facts)}}", number: 7)
        #expect(lines.count == 1)
        #expect(lines.first?.contains("\"code\":\"\(code)\"") == true, "\(lines)")
        #expect(lines.first?.contains("\"line\":7") == true, "\(lines)")
    }
}
