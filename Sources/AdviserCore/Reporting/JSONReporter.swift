/// Machine-readable advice: a stable schema (docs/json-output.md), keys sorted, so the same input
/// gives the same bytes. `AdviceJSON` builds the documents; batch mode writes the same ones.
public struct JSONReporter: AdviceReporter {
    public init() {}

    public func render(_ report: AdviceReport) -> String {
        AdviceJSON.report(report).serialized(pretty: true) + "\n"
    }
}

/// The JSON form of advice, shared by `--format json` and batch mode (`--clients`).
public enum AdviceJSON {
    public static let schemaVersion = 1

    public static func report(_ report: AdviceReport) -> JSONValue {
        .object([
            "schema_version": .number(Double(schemaVersion)),
            "workspace": .string(report.workspace),
            "scenario": scenario(report.scenario),
            "advice": .array(report.advice.map { advice($0, explain: report.explain) }),
        ])
    }

    public static func scenario(_ s: Scenario) -> JSONValue {
        var market: JSONObject = [:]
        for (name, assignment) in s.market {
            switch assignment.value.value {
            case .number(let n): market[name] = .number(n)
            case .bool(let b): market[name] = .bool(b)
            case .string(let t): market[name] = .string(t)
            }
        }
        var object: JSONObject = ["id": .string(s.id), "name": .string(s.name), "market": .object(market)]
        if let asOf = s.asOfText { object["as_of"] = .string(asOf) }
        return .object(object)
    }

    /// Values are rounded to 6 decimals: enough for any decision, and free of floating-point dust.
    static func round(_ value: Double) -> JSONValue { .number((value * 1e6).rounded() / 1e6) }

    public static func advice(_ a: Advice, explain: Bool) -> JSONValue {
        var object: JSONObject = [
            "offering": .string(a.offering.id),
            "offering_name": .string(a.offering.name),
            "segment": .string(a.segment.id),
            "segment_name": .string(a.segment.name),
            "segment_size": .string(a.segmentSize.rawValue),
            "fired": .array(a.fired.map {
                .object(["rule": .string($0.rule), "ruleset": .string($0.ruleset), "location": .string("\($0.location)"),
                         "why": .string($0.why), "priority": .number(Double($0.priority))])
            }),
            "levers": .array(a.levers.map(lever)),
            "changes": .array(a.changes.map(lever)),
            "value": value(a.value),
            "emphasized": .array(a.emphasized.map {
                .object(["driver": .string($0.driver), "kind": .string($0.kind.rawValue), "factor": round($0.factor),
                         "weight_before": round($0.weightBefore), "weight_after": round($0.weightAfter),
                         "rules": .array($0.rules.map(JSONValue.string))])
            }),
            "unaddressed": .array(a.unaddressed.map {
                .object(["driver": .string($0.id), "name": .string($0.name), "kind": .string($0.kind.rawValue)])
            }),
            "talking_points": .array(a.talkingPoints.map { point in
                var o: JSONObject = ["text": .string(point.text), "rule": .string(point.rule)]
                if let kind = point.kind { o["kind"] = .string(kind.rawValue) }
                if let driver = point.driver { o["driver"] = .string(driver) }
                return .object(o)
            }),
            "warnings": .array(a.warnings.map { w in
                var o: JSONObject = ["code": .string(w.code), "message": .string(w.message)]
                if let location = w.location { o["location"] = .string("\(location)") }
                return .object(o)
            }),
            "overridden": .array(a.overridden.map {
                .object(["lever": .string($0.lever), "rule": .string($0.rule), "by": .string($0.by)])
            }),
        ]
        if let margin = a.margin {
            object["margin"] = .object(["before": round(margin.before), "after": round(margin.after), "currency": .string(margin.currency)])
        }
        if explain {
            object["explanations"] = .array(a.explanations.map {
                .object(["rule": .string($0.rule), "location": .string("\($0.location)"), "fired": .bool($0.fired),
                         "condition": .string($0.condition), "trace": .array($0.trace.map(JSONValue.string)),
                         "failing": .array($0.failing.map(JSONValue.string))])
            })
        }
        return .object(object)
    }

    static func lever(_ l: LeverOutcome) -> JSONValue {
        var o: JSONObject = [
            "lever": .string(l.lever), "name": .string(l.name), "kind": .string(l.kind.rawValue), "from": round(l.from),
            "to": round(l.to), "from_text": .string(l.fromText), "to_text": .string(l.toText),
            "source": .string(l.source.description), "pinned": .bool(l.pinned),
        ]
        if let unit = l.unit { o["unit"] = .string(unit) }
        return .object(o)
    }

    static func value(_ v: ValueOutcome) -> JSONValue {
        var o: JSONObject = [
            "target": round(v.target), "after_rules": round(v.afterRules), "final": round(v.final), "tolerance": .number(v.tolerance),
            "held": .bool(v.held),
        ]
        if let shortfall = v.shortfall { o["shortfall"] = .string(shortfall) }
        return .object(o)
    }
}
