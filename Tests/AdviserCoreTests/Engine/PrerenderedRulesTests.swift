@testable import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// Batch advice copies the fired records and talking points as bytes the engine wrote once. Those
/// bytes must be exactly what writing each record field by field gives, record by record and
/// within a whole piece of advice, or batch output would differ from `advise --format json`.
struct PrerenderedRulesTests {
    static let workspaces: [String] = ["shipped"] + (1...5).map { "generated-\($0)" }

    static func workspace(_ name: String) throws -> Workspace {
        if name == "shipped" {
            let outcome = WorkspaceLoader().load(PackagePaths.rules.path)
            try #require(!outcome.diagnostics.hasErrors)
            return outcome.workspace
        }
        return GeneratedTalk.workspace(seed: UInt64(name.split(separator: "-").last!)!)
    }

    static func fieldByField(_ write: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter()
        write(&writer)
        return writer.bytes
    }

    @Test(arguments: workspaces)
    func everyPrewrittenRecordIsItsFieldByFieldJSON(name: String) throws {
        let engine = try AdviceEngine(workspace: try Self.workspace(name))
        let table = engine.prerendered
        for rule in engine.rules.indices {
            let record = table.fired[rule]
            #expect(table.firedJSON(rule: rule) == Self.fieldByField { AdviceJSON.write(record, to: &$0) }, "\(name): \(record.rule)")
            for segment in engine.workspace.segments.indices {
                for position in table.talkingPointPositions(rule: rule, segment: segment) {
                    let point = table.talkingPoints[position]
                    #expect(table.talkingPointJSON(at: position) == Self.fieldByField { AdviceJSON.write(point, to: &$0) },
                            "\(name): \(record.rule), segment \(segment), point \(position)")
                }
            }
        }
    }

    @Test(arguments: workspaces)
    func adviceWithPrewrittenRecordsIsWrittenAsWithout(name: String) throws {
        let workspace = try Self.workspace(name)
        let engine = try AdviceEngine(workspace: workspace)
        var prewritten = 0
        for scenario in workspace.scenarios {
            for (segmentIndex, segment) in workspace.segments.enumerated() {
                for (offeringIndex, offering) in workspace.offerings.enumerated() {
                    var options = AdviceEngine.Options()
                    options.prepared = PreparedAdvice(
                        engine: engine, offeringIndex: offeringIndex, segmentIndex: segmentIndex, scenario: scenario)
                    let advice = engine.advise(offering: offering, segment: segment, scenario: scenario, options: options)
                    var plain = advice
                    plain.prerendered = PrerenderedRecords()
                    #expect(Self.fieldByField { AdviceJSON.write(advice, explain: false, to: &$0) }
                                == Self.fieldByField { AdviceJSON.write(plain, explain: false, to: &$0) },
                            "\(name): \(offering.id) × \(segment.id) × \(scenario.id)")
                    prewritten += advice.fired.indices.count { advice.prerendered.firedJSON($0) != nil }
                        + advice.talkingPoints.indices.count { advice.prerendered.talkingPointJSON($0) != nil }
                }
            }
        }
        #expect(prewritten > 0, "\(name): no prewritten record was used")
    }

    @Test func aChangedRecordIsWrittenAsItNowIs() throws {
        let workspace = try Self.workspace("shipped")
        let engine = try AdviceEngine(workspace: workspace)
        var options = AdviceEngine.Options()
        let scenario = try engine.scenario("downturn")
        options.prepared = PreparedAdvice(engine: engine, offeringIndex: 0, segmentIndex: 0, scenario: scenario)
        var advice = engine.advise(offering: workspace.offerings[0], segment: workspace.segments[0], scenario: scenario, options: options)
        try #require(!advice.fired.isEmpty && !advice.talkingPoints.isEmpty)
        advice.fired[0].why = "Changed after the fact."
        advice.talkingPoints[0].text = "Said differently."
        let json = String(decoding: Self.fieldByField { AdviceJSON.write(advice, explain: false, to: &$0) }, as: UTF8.self)
        #expect(json.contains("\"why\":\"Changed after the fact.\""))
        #expect(json.contains("\"text\":\"Said differently.\""))
    }
}

/// Random workspaces whose rules say awkward things: quotes, backslashes, control characters,
/// non-ASCII text and emoji in every `why` and talking point, about kinds, drivers a segment has
/// and drivers it lacks, over several segments.
enum GeneratedTalk {
    static let pieces = ["plain", "\"quoted\"", "back\\slash", "new\nline", "tab\there", "\u{1}bell\u{7}", "é€ß", "😀👍🏽",
                         "</script>", "\u{2028}", "/slash/", "{json: [1]}", " "]

    static func workspace(seed: UInt64) -> Workspace {
        var random = RandomWorkspace(seed: seed)
        var workspace = random.workspace()
        func text() -> String { (0..<random.int(1...6)).map { _ in pieces[random.int(0...pieces.count - 1)] }.joined(separator: " ") }
        let first = workspace.segments[0]
        // A second segment without the last driver: a point about it is kept in one segment only.
        workspace.segments.append(Segment(
            id: "seg-2", name: "Segment \(text())", size: .micro, facts: [:], drivers: Array(first.drivers.dropLast()),
            location: RandomWorkspace.here))
        let rules = (0..<random.int(3...12)).map { r in
            let says = (0..<random.int(0...4)).map { _ -> Action in
                let about: DriverTarget? = switch random.int(0...2) {
                case 0: nil
                case 1: .kind(Driver.Kind.allCases[random.int(0...3)])
                default: .driver(first.drivers[random.int(0...first.drivers.count - 1)].id)
                }
                return .say(text: text(), about: about.map { Located($0, at: RandomWorkspace.here) }, location: RandomWorkspace.here)
            }
            return Rule(
                id: "talk-\(r)", ruleset: "talk", when: .expression(ExpressionSource(text: "true", location: RandomWorkspace.here, style: .plain)),
                why: text(), priority: random.int(0...3), actions: says,
                location: SourceLocation(file: "talk \(text()).yaml", line: r + 1, column: 3))
        }
        workspace.rulesets.append(Ruleset(id: "talk", rules: rules, file: "talk.yaml", location: RandomWorkspace.here))
        return workspace
    }
}
