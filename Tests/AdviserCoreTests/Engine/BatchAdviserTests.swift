@testable import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// Batch advice takes shortcuts: what advice starts from prepared once per offering × segment,
/// prewritten records, warnings worded for an earlier client, offerings and segments by position,
/// lines trimmed only when they need it. Whatever a client line asks, its records must be exactly
/// those of advising that client on its own.
struct BatchAdviserTests {
    static let workspaces = [
        PackagePaths.root.appendingPathComponent("Rules"), PackagePaths.fixtureWorkspace("minimal"),
        // Whether a rule lowers a driver another rule protects, and which rule, follows each client's facts.
        PackagePaths.fixtureWorkspace("contradicting-rules"),
    ]

    @Test(arguments: workspaces)
    func randomClientsGetTheAdviceOfOneClientAlone(root: URL) throws {
        let workspace = WorkspaceLoader().load(root.path).workspace
        let engine = try AdviceEngine(workspace: workspace)
        var random = SplitMix64(seed: 42)
        var reasons = Set<String>()
        for scenario in workspace.scenarios {
            let batch = BatchAdviser(engine: engine, scenario: scenario)
            for number in 1...40 {
                let segment = workspace.segments.randomElement(using: &random)!
                var facts: [String: Double] = [:]
                for fact in workspace.facts where fact.scope == "segment" && fact.kind == .number && Bool.random(using: &random) {
                    facts[fact.shortName] = (Double.random(in: 0...1, using: &random) * 100).rounded() / 100
                }
                let offerings = workspace.offerings.filter { _ in Bool.random(using: &random) }
                let factsText = facts.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
                let offeringsText = offerings.map { "\"\($0.id)\"" }.joined(separator: ", ")
                let line = "\(Bool.random(using: &random) ? " \t" : "")"
                    + "{\"id\": \"c\(number)\", \"segment\": \"\(segment.id)\", \"facts\": {\(factsText)}, \"offerings\": [\(offeringsText)]}"

                var options = AdviceEngine.Options()
                options.overrides = Dictionary(uniqueKeysWithValues: facts.map { ("segment.\($0.key)", FactValue.number($0.value)) })
                let expected = offerings.map { offering in
                    var writer = JSONWriter()
                    writer.beginObject()
                    writer.key("advice")
                    AdviceJSON.write(engine.advise(offering: offering, segment: segment, scenario: scenario, options: options), explain: false, to: &writer)
                    writer.member("client", "c\(number)")
                    writer.member("line", number)
                    writer.endObject()
                    return writer.text
                }
                let records = batch.advise(line: line, number: number)
                #expect(records == expected, "\(root.lastPathComponent), \(scenario.id): \(line)")
                for record in records {
                    let advice = try #require(try JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any])["advice"] as? [String: Any]
                    for case let warning as [String: Any] in advice?["warnings"] as? [Any] ?? [] where warning["code"] as? String == AdviceWarningCode.lowersProtectedDriver.rawValue {
                        reasons.insert(warning["message"] as? String ?? "")
                    }
                }
            }
        }
        if root.lastPathComponent == "contradicting-rules" {
            #expect(reasons.count >= 4, "batch copied too few different lowers-protected-driver warnings to tell: \(reasons)")
        }
    }
}
