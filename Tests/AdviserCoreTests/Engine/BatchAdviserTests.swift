@testable import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// Batch advice takes shortcuts: facts prepared once per offering × segment, prewritten records,
/// offerings and segments by position, lines trimmed only when they need it. Whatever a client line
/// asks, its records must be exactly those of advising that client on its own.
struct BatchAdviserTests {
    static let workspaces = [PackagePaths.root.appendingPathComponent("Rules"), PackagePaths.fixtureWorkspace("minimal")]

    @Test(arguments: workspaces)
    func randomClientsGetTheAdviceOfOneClientAlone(root: URL) throws {
        let workspace = WorkspaceLoader().load(root.path).workspace
        let engine = try AdviceEngine(workspace: workspace)
        var random = SplitMix64(seed: 42)
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
                #expect(batch.advise(line: line, number: number) == expected, "\(root.lastPathComponent), \(scenario.id): \(line)")
            }
        }
    }
}
