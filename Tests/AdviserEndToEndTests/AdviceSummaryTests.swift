import AdviserTestSupport
import Foundation
import Testing

/// The text report that fits a page: the summary table first, `--summary` alone, and talking
/// points ranked by the weight of their driver and capped (`--max-points`).
struct AdviceSummaryTests {
    static let environment = ["ADVISER_TODAY": "2026-11-20"]

    func run(_ arguments: [String], in directory: URL = PackagePaths.root) throws -> String {
        let result = try AdviserProcess.run(arguments, in: directory, environment: Self.environment)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    func json(_ arguments: [String] = []) throws -> [[String: Any]] {
        let data = Data(try run(["advise", "--format", "json"] + arguments).utf8)
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(report["advice"] as? [[String: Any]])
    }

    @Test func theSummaryOfTheShippedWorkspaceFitsOnAPage() throws {
        let summary = try run(["advise", "--summary"])
        let lines = summary.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= 40, "\(lines.count) lines:\n\(summary)")
        #expect(!summary.contains("== "), "--summary printed the cards")
        for advice in try json() {
            let segment = try #require(advice["segment_name"] as? String)
            #expect(summary.contains("    \(segment)"), "no row for \(segment)")
        }
        #expect(summary.hasSuffix("14 recommendations, value held in 14.\n"))
    }

    @Test func theSummaryFitsOnAPageUnderEveryShippedScenario() throws {
        let scenarios = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.rules.appendingPathComponent("scenarios").path)
        for scenario in scenarios.map({ String($0.dropLast(".yaml".count)) }) {
            let lines = try run(["advise", "--summary", "--scenario", scenario]).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count <= 40, "\(scenario): \(lines.count) lines")
        }
    }

    @Test func theTextReportOpensWithTheSummaryThenTheCards() throws {
        let text = try run(["advise"])
        let table = try #require(text.range(of: "At a glance"))
        let firstCard = try #require(text.range(of: "\n== "))
        #expect(table.lowerBound < firstCard.lowerBound)
        #expect(text.contains("    Micro retail shops             Transactions included 300 → 225 transactions/month  yes         91 EUR → 80 EUR"))
    }

    /// The talking points each card shows, in order.
    func talkingPoints(_ text: String) -> [[String]] {
        var cards: [[String]] = []
        var inPoints = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("== ") { cards.append([]); inPoints = false }
            if line == "  Talking points" { inPoints = true; continue }
            if inPoints, line.hasPrefix("  - ") {
                cards[cards.count - 1].append(String(line.drop { $0 != ":" }.dropFirst(2)))
            } else if !line.hasPrefix("  - ") {
                inPoints = false
            }
        }
        return cards
    }

    @Test func talkingPointsComeHeaviestDriverFirstThreeAtMostByDefault() throws {
        let advice = try json()
        let shown = talkingPoints(try run(["advise"]))
        let all = talkingPoints(try run(["advise", "--max-points", "all"]))
        #expect(shown.count == advice.count && all.count == advice.count)
        for (n, a) in advice.enumerated() {
            let weights = Dictionary(uniqueKeysWithValues: (a["drivers"] as? [[String: Any]] ?? []).map { ($0["driver"] as! String, $0["weight_after"] as! Double) })
            let points = a["talking_points"] as? [[String: Any]] ?? []
            func weight(_ text: String) -> Double {
                points.filter { $0["text"] as? String == text }
                    .flatMap { ($0["drivers"] as? [String] ?? []).compactMap { weights[$0] } }.max() ?? -1
            }
            #expect(Set(all[n]) == Set(points.compactMap { $0["text"] as? String }), "every point, once")
            #expect(zip(all[n], all[n].dropFirst()).allSatisfy { weight($0) >= weight($1) }, "not by weight: \(all[n])")
            #expect(shown[n] == Array(all[n].prefix(3)))
        }
        #expect(all.contains { $0.count > 3 }, "no card with more than three points to cap")
        #expect(try run(["advise"]).contains("  … and 2 more talking points (--max-points all lists every one)"))
    }

    @Test func maxPointsCapsEachCard() throws {
        let one = talkingPoints(try run(["advise", "--max-points", "1"]))
        #expect(one.allSatisfy { $0.count <= 1 } && one.contains { $0.count == 1 })
        let none = try run(["advise", "--max-points", "0"])
        #expect(talkingPoints(none).allSatisfy { $0.isEmpty })
        let refused = try AdviserProcess.run(["advise", "--max-points", "some"], environment: Self.environment)
        #expect(refused.status != 0)
    }

    @Test func theSamePointSaidByTwoRulesIsShownOnce() throws {
        let copy = try TemporaryWorkspace()
        try copy.apply([Breakage("rules/client-size.yaml",
            replacing: "      - say: Say plainly what is included and what is not, so nothing on the invoice surprises them.",
            with: "      - say: Talk about customers and cash in the till, not pipelines and KPIs; one page, one price.")])
        let text = try run(["advise", "--segment", "micro-retail", "--offering", "managed-bookkeeping", "--max-points", "all"], in: copy.parent)
        let points = talkingPoints(text)[0]
        #expect(points.filter { $0 == "Talk about customers and cash in the till, not pipelines and KPIs; one page, one price." }.count == 1, "\(points)")
    }
}
