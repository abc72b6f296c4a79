import Foundation

/// The diff for scripts: keys sorted, combinations in head order.
public struct JSONDiffReporter: AdviceDiffReporter {
    public init() {}

    public func render(_ diff: AdviceDiff) -> String {
        func key(_ k: AdviceDiff.Key) -> [String: Any] { ["offering": k.offering, "segment": k.segment, "scenario": k.scenario] }
        func rule(_ r: AdviceDiff.RuleReference) -> [String: Any] {
            ["id": r.id, "file": r.location.file, "line": r.location.line, "column": r.location.column]
        }
        let changes: [[String: Any]] = diff.changes.map { change in
            var item = key(change.key)
            item["now_fired"] = change.nowFired.map(rule)
            item["no_longer_fired"] = change.noLongerFired.map(rule)
            item["levers"] = change.levers.map { lever in
                ["lever": lever.lever, "before": lever.before ?? NSNull(), "after": lever.after ?? NSNull(),
                 "set_by_before": lever.sourceBefore ?? NSNull(), "set_by_after": lever.sourceAfter ?? NSNull()] as [String: Any]
            }
            item["held"] = change.held.map { ["before": $0.before, "after": $0.after] } ?? NSNull()
            item["margin"] = change.margin.map {
                ["before": $0.before.map(JSONReporter.round) ?? NSNull(), "after": $0.after.map(JSONReporter.round) ?? NSNull()] as [String: Any]
            } ?? NSNull()
            return item
        }
        let document: [String: Any] = [
            "schema_version": 1, "base": diff.base, "head": diff.head, "compared": diff.compared, "changes": changes,
            "only_in_base": diff.onlyInBase.map(key), "only_in_head": diff.onlyInHead.map(key),
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
