import AdviserTestSupport
import Foundation
import Testing

/// `adviser advise --clients`: a client base in, JSON Lines out, in input order.
struct BatchAdviceTests {
    func records(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func everyGoodLineIsAdvisedInOrderAndBadLinesGetAnErrorRecord() throws {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        var lines: [String] = []
        for i in 1...3_000 {
            switch i % 500 {
            case 7: lines.append("{\"id\": \"c\(i)\", \"segment\": \"nope\"}")
            case 11: lines.append("this is not json")
            default:
                let segment = i % 2 == 0 ? "micro-retail" : "growing-sme"
                lines.append("{\"id\": \"c\(i)\", \"segment\": \"\(segment)\", \"facts\": {\"price_sensitivity\": \(Double(i % 10) / 10)}}")
            }
        }
        let input = copy.parent.appendingPathComponent("clients.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: input)
        let output = copy.parent.appendingPathComponent("advice.jsonl")
        let result = try AdviserProcess.run(["advise", "--clients", input.path, "--scenario", "downturn", "--output", output.path], in: copy.parent)
        #expect(result.status == 0, "\(result.stderr)")
        let out = try records(String(contentsOf: output, encoding: .utf8))
        #expect(out.count == 3_000)
        #expect(out.map { $0["line"] as? Int } == Array(1...3_000))
        let errors = out.filter { $0["error"] != nil }
        #expect(errors.count == 12)
        #expect((errors.first?["error"] as? [String: Any])?["code"] as? String == "unknown-segment")
        // A high price sensitivity makes the downturn rule fire for that client, whatever the segment says.
        let sensitive = try #require(out.first { $0["client"] as? String == "c9" })
        let fired = ((sensitive["advice"] as? [String: Any])?["fired"] as? [[String: Any]])?.map { $0["rule"] as? String }
        #expect(fired?.contains("downturn-cost-focus") == true)
    }

    @Test func readsStandardInput() throws {
        let rules = PackagePaths.fixtureWorkspace("minimal").path
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("stdin-\(UUID().uuidString).jsonl")
        try Data("{\"id\": \"a\", \"segment\": \"micro-retail\", \"offerings\": [\"sales-consultation\"]}\n".utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let result = try AdviserProcess.run(["advise", "--rules", rules, "--clients", "-"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try records(result.stdout).map { $0["client"] as? String } == ["a"])
    }

    @Test func otherFormatsAreRefused() throws {
        let result = try AdviserProcess.run(["advise", "--clients", "-", "--format", "text"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--clients writes JSON Lines"))
    }
}
