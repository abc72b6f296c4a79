import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// The example of the embedding article (`Sources/AdviserCore/AdviserCore.docc/Embedding.md`),
/// compiled and run here. The article's code block is the text between the `example` markers
/// below (plus its imports), which `articleShowsThisExample` checks, so the two cannot drift.
struct EmbeddingExampleTests {
    static func example() throws -> (advice: Advice, json: String) {
        // example:begin
        let files: [String: String] = [
            "adviser.yaml": """
                name: Demo coaching
                currency: EUR
                """,
            "facts.yaml": """
                facts:
                  - name: market.phase
                    type: enum
                    values: [expansion, downturn]
                    doc: Where the business cycle stands.
                """,
            "offerings/coaching.yaml": """
                id: coaching
                name: Sales coaching
                levers:
                  - {id: price, name: Price, kind: price, unit: EUR, baseline: 4800, min: 2400, max: 7200, step: 100, flex: true}
                  - {id: days, name: Workshop days, kind: number, unit: days, baseline: 4, min: 1, max: 8, step: 1, flex: true}
                """,
            "segments/shops.yaml": """
                id: shops
                name: Small shops
                size: micro
                drivers:
                  - {id: affordable, name: Something they can afford, kind: need, importance: 4, relieved_by: {price: {2400: 1.0, 7200: 0.1}}}
                  - {id: hands-on, name: Hands-on help, kind: want, importance: 3, relieved_by: {days: {1: 0.2, 8: 0.9}}}
                """,
            "scenarios/downturn.yaml": """
                id: downturn
                name: Downturn
                market: {phase: downturn}
                """,
            "rules/cycle.yaml": """
                ruleset: cycle
                rules:
                  - id: downturn-price
                    when: market.phase == "downturn"
                    why: In a downturn the price weighs more.
                    then:
                      - {adjust: price, by: -10%}
                """,
        ]

        let workspace = try AdviserWorkspace(files: files)
        let advice = try workspace.advise(offering: "coaching", segment: "shops", scenario: "downturn")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(advice), as: UTF8.self)
        // example:end
        return (advice, json)
    }

    @Test func articleShowsThisExample() throws {
        let article = try String(
            contentsOf: PackagePaths.root.appendingPathComponent("Sources/AdviserCore/AdviserCore.docc/Embedding.md"), encoding: .utf8)
        let block = try #require(article.components(separatedBy: "```swift\n").dropFirst().first?.components(separatedBy: "```").first)
        let code = block.split(separator: "\n", omittingEmptySubsequences: false).drop { $0.hasPrefix("import ") || $0.isEmpty }
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let example = try #require(source.components(separatedBy: "// example:begin\n").last?.components(separatedBy: "        // example:end").first)
        let dedented = example.split(separator: "\n", omittingEmptySubsequences: false).map { $0.dropFirst(8) }
        #expect(dedented.joined(separator: "\n") == code.joined(separator: "\n"))
    }

    @Test func theExampleAdvisesAndEncodes() throws {
        let (advice, json) = try Self.example()
        #expect(advice.fired.map(\.rule) == ["downturn-price"])
        #expect(advice.value.held)
        let price = try #require(advice.levers.first { $0.lever == "price" })
        #expect((price.from, price.to) == (4800, 4300))
        #expect(json.contains("\"rule\" : \"downturn-price\""))
        #expect(json.contains("\"file\" : \"memory/rules/cycle.yaml\""))
    }

    @Test func encodedAdviceDecodesToTheSameAdvice() throws {
        let (_, json) = try Self.example()
        let decoded = try JSONDecoder().decode(Advice.self, from: Data(json.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: try encoder.encode(decoded), as: UTF8.self) == json)
    }
}
