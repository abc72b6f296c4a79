/// The diff for scripts: keys sorted, combinations in head order.
package struct AdviceDiffJSONReporter: AdviceDiffReporter {
    package init() {}

    package func render(_ diff: AdviceDiff) -> String {
        func key(_ k: AdviceDiff.Key) -> JSONObject {
            ["offering": .string(k.offering), "segment": .string(k.segment), "scenario": .string(k.scenario)]
        }
        func rule(_ r: AdviceDiff.RuleReference) -> JSONValue {
            .object([
                "id": .string(r.id), "file": .string(r.location.file), "line": .number(Double(r.location.line)),
                "column": .number(Double(r.location.column)),
            ])
        }
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.rounded) ?? .null }
        let changes: [JSONValue] = diff.changes.map { change in
            var item = key(change.key)
            item["now_fired"] = .array(change.nowFired.map(rule))
            item["no_longer_fired"] = .array(change.noLongerFired.map(rule))
            item["levers"] = .array(change.levers.map { lever in
                .object([
                    "lever": .string(lever.lever), "before": lever.before.json, "after": lever.after.json,
                    "set_by_before": lever.sourceBefore.json, "set_by_after": lever.sourceAfter.json,
                ])
            })
            item["held"] = change.held.map { .object(["before": .bool($0.before), "after": .bool($0.after)]) } ?? .null
            item["margin"] = change.margin.map { .object(["before": number($0.before), "after": number($0.after)]) } ?? .null
            return .object(item)
        }
        let document: JSONValue = .object([
            "schema_version": 1, "base": .string(diff.base), "head": .string(diff.head),
            "compared": .number(Double(diff.compared)), "changes": .array(changes),
            "only_in_base": .array(diff.onlyInBase.map { .object(key($0)) }),
            "only_in_head": .array(diff.onlyInHead.map { .object(key($0)) }),
        ])
        return document.serialized(pretty: true) + "\n"
    }
}
