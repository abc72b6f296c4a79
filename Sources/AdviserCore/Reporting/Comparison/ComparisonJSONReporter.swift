/// Scenarios compared, machine-readable (docs/json-output.md): keys sorted, numbers rounded.
package struct ComparisonJSONReporter: ComparisonReporter {
    package init() {}

    package func render(_ c: ScenarioComparison) -> String {
        let document: JSONValue = .object([
            "schema_version": 1,
            "workspace": .string(c.workspace),
            "scenarios": .array(c.scenarios.map { s in
                var scenario: JSONObject = ["id": .string(s.id), "name": .string(s.name)]
                scenario["as_of"] = s.asOfText.map(JSONValue.string)
                return .object(scenario)
            }),
            "comparisons": .array(c.rows.map(Self.row)),
        ])
        return document.serialized(layout: .prettyAsFoundation) + "\n"
    }

    private static func row(_ row: ScenarioComparison.Row) -> JSONValue {
        .object([
            "offering": .string(row.offering.id),
            "offering_name": .string(row.offering.name),
            "segment": .string(row.segment.id),
            "segment_name": .string(row.segment.name),
            "differs": .bool(row.differs),
            "rules_differing": .array(row.rules.map { rule in
                .object([
                    "rule": .string(rule.rule), "why": .string(rule.why),
                    "fired_in": .array(rule.firedIn.map(JSONValue.string)),
                    "not_fired_in": .array(rule.notFiredIn.map(JSONValue.string)),
                ])
            }),
            "levers_differing": .array(row.levers.map { lever in
                .object([
                    "lever": .string(lever.lever), "name": .string(lever.name),
                    "settings": .array(zip(row.advice, lever.outcomes).map { advice, outcome in
                        setting(outcome, scenario: advice.scenario.id)
                    }),
                ])
            }),
            "by_scenario": .array(row.advice.map { a in
                var advice: JSONObject = [
                    "scenario": .string(a.scenario.id),
                    "fired": .array(a.fired.map { .string($0.rule) }),
                    "changes": .array(a.changes.map { setting($0, scenario: nil) }),
                    "value": .object([
                        "target": .rounded(a.value.target), "final": .rounded(a.value.final), "held": .bool(a.value.held),
                    ]),
                ]
                advice["margin"] = a.margin.map { margin in
                    .object([
                        "before": .rounded(margin.before), "after": .rounded(margin.after), "currency": .string(margin.currency),
                    ])
                }
                return .object(advice)
            }),
        ])
    }

    /// A lever's setting: under one scenario (`levers_differing`), or as a change of one advice
    /// (`changes`: with the lever and where it came from).
    private static func setting(_ outcome: LeverOutcome, scenario: String?) -> JSONValue {
        var setting: JSONObject = [
            "to": .rounded(outcome.to), "to_text": .string(outcome.toText), "source": .string(outcome.source.description),
        ]
        if let scenario {
            setting["scenario"] = .string(scenario)
        } else {
            setting["lever"] = .string(outcome.lever)
            setting["from_text"] = .string(outcome.fromText)
        }
        return .object(setting)
    }
}
