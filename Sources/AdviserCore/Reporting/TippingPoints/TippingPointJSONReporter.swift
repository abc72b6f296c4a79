/// Tipping points, machine-readable (docs/json-output.md). Every point carries the re-advice that
/// verifies it: the tested value and each change with its before and after.
package struct TippingPointJSONReporter: TippingPointReporter {
    package init() {}

    package func render(_ a: TippingPointAnalysis) -> String {
        var scenario: JSONObject = ["id": .string(a.scenario.id), "name": .string(a.scenario.name)]
        scenario["as_of"] = a.scenario.asOfText.map(JSONValue.string)
        let document: JSONValue = .object([
            "schema_version": 1,
            "workspace": .string(a.workspace),
            "scenario": .object(scenario),
            "facts": .array(a.facts.map(Self.fact)),
        ])
        return document.serialized(layout: .prettyAsFoundation) + "\n"
    }

    private static func fact(_ f: TippingPointAnalysis.FactTipping) -> JSONValue {
        var fact: JSONObject = [
            "fact": .string(f.fact),
            "now": Self.value(f.now),
            "tipping_points": .array(f.points.map { p in
                var point: JSONObject = [
                    "direction": .string(p.direction.rawValue),
                    "claim": .string("if \(f.fact) \(p.phrase)"),
                    "rules": .array(p.rules.map(JSONValue.string)),
                    "changes": .array(p.changes.map(change)),
                ]
                // A numeric point: its threshold and the one value tested; else every value tested.
                if let threshold = p.threshold {
                    point["threshold"] = .rounded(threshold)
                    point["tested"] = value(p.tested[0])
                } else {
                    point["values"] = .array(p.tested.map(value))
                }
                return .object(point)
            }),
        ]
        // Numeric facts: where firing changes, and the declared range, as declared.
        if case .number = f.now { fact["thresholds"] = .array(f.thresholds.map(JSONValue.rounded)) }
        fact["unit"] = f.unit.map(JSONValue.string)
        fact["min"] = f.min.map(JSONValue.number)
        fact["max"] = f.max.map(JSONValue.number)
        return .object(fact)
    }

    private static func value(_ v: FactValue) -> JSONValue {
        switch v {
        case .number(let n): .rounded(n)
        case .bool(let b): .bool(b)
        case .string(let s): .string(s)
        }
    }

    private static func change(_ d: AdviceDelta) -> JSONValue {
        .object([
            "offering": .string(d.offering.id),
            "segment": .string(d.segment.id),
            "started_firing": .array(d.nowFired.map { .string($0.id) }),
            "stopped_firing": .array(d.noLongerFired.map { .string($0.id) }),
            "levers": .array(d.levers.map { l in
                .object([
                    "lever": .string(l.lever), "name": .string(l.name),
                    "before": l.outcome.before.map { .rounded($0.to) } ?? .null, "after": l.outcome.after.map { .rounded($0.to) } ?? .null,
                    "before_text": l.before.json, "after_text": l.after.json,
                ])
            }),
            "value_before": .rounded(d.value.before.final),
            "value_after": .rounded(d.value.after.final),
            "held_before": .bool(d.value.before.held),
            "held_after": .bool(d.value.after.held),
            "summary": .string(d.sentence),
        ])
    }
}
