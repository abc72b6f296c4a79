import AdviserExpression
import Foundation
import Testing

/// The example of the module's documentation (`Sources/AdviserExpression/AdviserExpression.docc/
/// AdviserExpression.md`), run here; `articleShowsThisExample` keeps the article's code block equal
/// to the text between the `example` markers.
struct DocumentationExampleTests {
    @Test func theExampleFires() throws {
        // example:begin
        var declarations = Declarations()
        declarations.declare("market.phase", type: .string, enumValues: ["expansion", "downturn"])
        declarations.declare("segment.headcount", type: .int)
        let program = try Expression.compile(
            "market.phase == 'downturn' && segment.headcount < 10", declarations: declarations).get()
        var activation = Activation(declarations: declarations)
        activation["market.phase"] = .string("downturn")
        activation["segment.headcount"] = .int(4)
        let fires = program.evaluate(activation)   // .success(.bool(true))
        // example:end
        #expect(try fires.get() == .bool(true))
    }

    @Test func articleShowsThisExample() throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let article = try String(
            contentsOf: tests.appendingPathComponent("../../Sources/AdviserExpression/AdviserExpression.docc/AdviserExpression.md"),
            encoding: .utf8)
        let code = try #require(article.components(separatedBy: "```swift\n").dropFirst().first?.components(separatedBy: "```").first)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let example = try #require(source.components(separatedBy: "// example:begin\n").last?.components(separatedBy: "        // example:end").first)
        let dedented = example.split(separator: "\n", omittingEmptySubsequences: false).map { $0.dropFirst(8) }
        #expect(dedented.joined(separator: "\n") == code)
    }
}
