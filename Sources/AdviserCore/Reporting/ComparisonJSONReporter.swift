import Foundation

/// Scenarios compared, machine-readable (docs/json-output.md): keys sorted, numbers rounded.
public struct ComparisonJSONReporter: ComparisonReporter {
    public init() {}

    public func render(_ c: ScenarioComparison) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(c))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Rounded to 6 decimals, as in `advise --format json`.
    private static func round(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }

    private struct Document: Encodable {
        var schema_version = 1
        var workspace: String
        var scenarios: [ScenarioJSON]
        var comparisons: [RowJSON]

        init(_ c: ScenarioComparison) {
            workspace = c.workspace
            scenarios = c.scenarios.map { ScenarioJSON(id: $0.id, name: $0.name, as_of: $0.asOfText) }
            comparisons = c.rows.map(RowJSON.init)
        }
    }

    private struct ScenarioJSON: Encodable {
        var id: String
        var name: String
        var as_of: String?
    }

    private struct RowJSON: Encodable {
        var offering: String
        var offering_name: String
        var segment: String
        var segment_name: String
        var differs: Bool
        var rules_differing: [RuleJSON]
        var levers_differing: [LeverJSON]
        var by_scenario: [ScenarioAdviceJSON]

        init(_ row: ScenarioComparison.Row) {
            offering = row.offering.id
            offering_name = row.offering.name
            segment = row.segment.id
            segment_name = row.segment.name
            differs = row.differs
            rules_differing = row.rules.map { RuleJSON(rule: $0.rule, why: $0.why, fired_in: $0.firedIn, not_fired_in: $0.notFiredIn) }
            levers_differing = row.levers.map { lever in
                LeverJSON(lever: lever.lever, name: lever.name, settings: zip(row.advice, lever.outcomes).map {
                    SettingJSON(scenario: $0.scenario.id, to: round($1.to), to_text: $1.toText, source: $1.source.description)
                })
            }
            by_scenario = row.advice.map { a in
                ScenarioAdviceJSON(
                    scenario: a.scenario.id, fired: a.fired.map(\.rule),
                    changes: a.changes.map { SettingJSON(scenario: nil, lever: $0.lever, from_text: $0.fromText, to: round($0.to), to_text: $0.toText, source: $0.source.description) },
                    value: ValueJSON(target: round(a.value.target), final: round(a.value.final), held: a.value.held),
                    margin: a.margin.map { MarginJSON(before: round($0.before), after: round($0.after), currency: $0.currency) })
            }
        }
    }

    private struct RuleJSON: Encodable {
        var rule: String
        var why: String
        var fired_in: [String]
        var not_fired_in: [String]
    }

    private struct LeverJSON: Encodable {
        var lever: String
        var name: String
        var settings: [SettingJSON]
    }

    private struct SettingJSON: Encodable {
        var scenario: String?
        var lever: String?
        var from_text: String?
        var to: Double
        var to_text: String
        var source: String

        init(scenario: String?, lever: String? = nil, from_text: String? = nil, to: Double, to_text: String, source: String) {
            self.scenario = scenario
            self.lever = lever
            self.from_text = from_text
            self.to = to
            self.to_text = to_text
            self.source = source
        }
    }

    private struct ScenarioAdviceJSON: Encodable {
        var scenario: String
        var fired: [String]
        var changes: [SettingJSON]
        var value: ValueJSON
        var margin: MarginJSON?
    }

    private struct ValueJSON: Encodable {
        var target: Double
        var final: Double
        var held: Bool
    }

    private struct MarginJSON: Encodable {
        var before: Double
        var after: Double
        var currency: String
    }
}
