/// The JSON form of advice, shared by `--format json` and batch mode (`--clients`). Keys are
/// written in sorted order by hand (debug builds check it), so no tree is built.
package enum AdviceJSON {
    package static let schemaVersion = 2

    package static func write(_ report: AdviceReport, to w: inout JSONWriter) {
        w.beginObject()
        w.key("advice")
        w.beginArray()
        for advice in report.advice { write(advice, explain: report.explain, to: &w) }
        w.endArray()
        w.key("scenario")
        write(report.scenario, to: &w)
        w.member("schema_version", schemaVersion)
        w.member("workspace", report.workspace)
        w.endObject()
    }

    package static func write(_ s: Scenario, to w: inout JSONWriter) {
        w.beginObject()
        if let asOf = s.asOfText { w.member("as_of", asOf) }
        w.member("id", s.id)
        w.key("market")
        w.beginObject()
        for (name, assignment) in s.market.sorted(by: { $0.key < $1.key }) {
            w.key(escaping: name)
            switch assignment.value.value {
            case .number(let n): w.number(n)
            case .bool(let b): w.bool(b)
            case .string(let t): w.string(t)
            }
        }
        w.endObject()
        w.member("name", s.name)
        w.endObject()
    }

    /// Lists are walked by index and each element handed on in place: `for x in list` copies every
    /// element, a retain and a release per string in it, for the ~120 records of each advice.
    package static func write(_ a: Advice, explain: Bool, to w: inout JSONWriter) {
        w.beginObject()
        w.key("changes")
        w.beginArray()
        // A changed lever appears again, byte for byte, under "levers": compact output copies the
        // bytes written here rather than writing the lever a second time.
        var written = [Range<Int>?](repeating: nil, count: a.levers.count)
        for index in a.levers.indices where a.levers[index].changed {
            let start = w.bytes.count
            write(a.levers[index], to: &w)
            if !w.isPretty { written[index] = w.valueStart(from: start)..<w.bytes.count }
        }
        w.endArray()
        w.key("drivers")
        w.beginArray()
        for index in a.drivers.indices { write(a.drivers[index], to: &w) }
        w.endArray()
        w.key("emphasized")
        w.beginArray()
        for index in a.emphasized.indices { write(a.emphasized[index], to: &w) }
        w.endArray()
        if explain {
            w.key("explanations")
            w.beginArray()
            for e in a.explanations {
                w.beginObject()
                w.member("condition", e.condition)
                w.member("failing", e.failing)
                w.member("fired", e.fired)
                w.member("location", "\(e.location)")
                if let note = e.note { w.member("note", note) }
                w.member("rule", e.rule)
                w.member("trace", e.trace)
                w.endObject()
            }
            w.endArray()
        }
        w.key("fired")
        w.beginArray()
        for index in a.fired.indices {
            if let json = a.prerendered.firedJSON(index), !w.isPretty { w.raw(json) } else { write(a.fired[index], to: &w) }
        }
        w.endArray()
        w.key("guardrails")
        w.beginArray()
        for index in a.guardrails.indices {
            w.beginObject()
            if let driver = a.guardrails[index].driver { w.member("driver", driver) }
            w.member("kind", a.guardrails[index].kind.rawValue)
            w.member("lever", a.guardrails[index].lever)
            w.member("message", a.guardrails[index].message)
            w.endObject()
        }
        w.endArray()
        w.key("levers")
        w.beginArray()
        for index in a.levers.indices {
            if let range = written[index] { w.repeatValue(range) } else { write(a.levers[index], to: &w) }
        }
        w.endArray()
        if let margin = a.margin {
            w.key("margin")
            w.beginObject()
            w.member("after", rounded: margin.after)
            w.member("before", rounded: margin.before)
            w.member("cost_after", rounded: margin.costAfter)
            w.member("cost_before", rounded: margin.costBefore)
            w.member("currency", margin.currency)
            w.member("revenue_after", rounded: margin.revenueAfter)
            w.member("revenue_before", rounded: margin.revenueBefore)
            w.endObject()
        }
        w.member("offering", a.offering.id)
        w.member("offering_name", a.offering.name)
        w.key("overridden")
        w.beginArray()
        for index in a.overridden.indices {
            // Fields read in place: the record is large enough that handing it on copies it.
            w.beginObject()
            w.member("by", a.overridden[index].by)
            w.member("lever", a.overridden[index].lever)
            w.member("rule", a.overridden[index].rule)
            w.endObject()
        }
        w.endArray()
        if let rivals = a.rivals { write(rivals, to: &w) }
        w.member("segment", a.segment.id)
        w.member("segment_name", a.segment.name)
        w.member("segment_size", a.segmentSize.rawValue)
        w.key("talking_points")
        w.beginArray()
        for index in a.talkingPoints.indices {
            if let json = a.prerendered.talkingPointJSON(index), !w.isPretty {
                w.raw(json)
            } else {
                write(a.talkingPoints[index], to: &w)
            }
        }
        w.endArray()
        w.key("unaddressed")
        w.beginArray()
        for d in a.unaddressed {
            w.beginObject()
            w.member("driver", d.id)
            w.member("kind", d.kind.rawValue)
            w.member("name", d.name)
            w.endObject()
        }
        w.endArray()
        w.key("value")
        w.beginObject()
        w.member("above", a.value.above)
        w.member("after_rules", rounded: a.value.afterRules)
        w.member("final", rounded: a.value.final)
        w.member("held", a.value.held)
        w.member("hold", a.value.hold.rawValue)
        if let shortfall = a.value.shortfall { w.member("shortfall", shortfall) }
        w.member("target", rounded: a.value.target)
        w.member("tolerance", a.value.tolerance)
        w.endObject()
        w.key("warnings")
        w.beginArray()
        for index in a.warnings.indices {
            if let json = a.prerendered.warningJSON(index), !w.isPretty { w.raw(json) } else { write(a.warnings[index], to: &w) }
        }
        w.endArray()
        w.endObject()
    }

    static func write(_ warning: AdviceWarning, to w: inout JSONWriter) {
        w.beginObject()
        w.member("code", warning.code.rawValue)
        if let location = warning.location { w.member("location", "\(location)") }
        w.member("message", warning.message)
        w.endObject()
    }

    static func write(_ d: DriverOutcome, to w: inout JSONWriter) {
        w.beginObject()
        w.member("addressed", d.addressed)
        w.member("driver", d.id)
        w.member("kind", d.kind.rawValue)
        w.member("name", d.name)
        w.member("protected", d.isProtected)
        w.key("protected_by")
        w.beginArray()
        for protection in d.protectedBy { w.string(protectionText(protection)) }
        w.endArray()
        w.member("relief_after", rounded: d.reliefAfter)
        w.member("relief_after_rules", rounded: d.reliefAfterRules)
        w.member("relief_before", rounded: d.reliefBefore)
        w.member("weight_after", rounded: d.weightAfter)
        w.member("weight_before", rounded: d.weightBefore)
        w.endObject()
    }

    static func write(_ e: EmphasizedDriver, to w: inout JSONWriter) {
        w.beginObject()
        w.member("driver", e.driver)
        w.member("factor", rounded: e.factor)
        w.member("kind", e.kind.rawValue)
        w.member("rules", e.rules)
        w.member("weight_after", rounded: e.weightAfter)
        w.member("weight_before", rounded: e.weightBefore)
        w.endObject()
    }

    static func write(_ f: FiredRule, to w: inout JSONWriter) {
        w.beginObject()
        w.member("location", "\(f.location)")
        w.member("priority", f.priority)
        w.member("rule", f.rule)
        w.member("ruleset", f.ruleset)
        w.member("why", f.why)
        w.endObject()
    }

    /// `declared`, `emphasized:RULE` or `talking-point:RULE`.
    static func protectionText(_ protection: Protection) -> String {
        switch protection {
        case .declared: "declared"
        case .emphasized(let rule): "emphasized:\(rule)"
        case .talkedAbout(let rule): "talking-point:\(rule)"
        }
    }

    static func write(_ point: TalkingPoint, to w: inout JSONWriter) {
        w.beginObject()
        if let about = point.about { w.member("about", about.description) }
        if let driver = point.driver { w.member("driver", driver) }
        if !point.drivers.isEmpty { w.member("drivers", point.drivers) }
        if let kind = point.kind { w.member("kind", kind.rawValue) }
        w.member("rule", point.rule)
        w.member("text", point.text)
        w.endObject()
    }

    /// One value written on its own as compact JSON, for records written once and copied many times.
    static func compact(_ write: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter(capacity: 256)
        write(&writer)
        return writer.bytes
    }

    static func write(_ l: LeverOutcome, to w: inout JSONWriter) {
        w.beginObject()
        w.member("from", rounded: l.from)
        w.member("from_text", l.fromText)
        w.member("kind", l.kind.rawValue)
        w.member("lever", l.lever)
        w.member("name", l.name)
        w.member("pinned", l.pinned)
        if let q = l.quantity {
            w.key("quantity")
            w.beginObject()
            w.member("from", rounded: q.from)
            w.member("lever", q.lever)
            w.member("to", rounded: q.to)
            w.endObject()
        }
        w.member("source", l.source.description)
        w.member("to", rounded: l.to)
        w.member("to_text", l.toText)
        if let unit = l.unit { w.member("unit", unit) }
        w.endObject()
    }

    /// `"rivals"`: the gap to the best rival, today and recommended, and every rival's value and price.
    static func write(_ r: RivalOutcome, to w: inout JSONWriter) {
        w.key("rivals")
        w.beginObject()
        w.member("best", r.best.id)
        w.member("currency", r.currency)
        w.member("price_gap_recommended", rounded: r.priceGapRecommended)
        w.member("price_gap_today", rounded: r.priceGapToday)
        w.member("price_recommended", rounded: r.priceRecommended)
        w.member("price_today", rounded: r.priceToday)
        w.key("rivals")
        w.beginArray()
        for index in r.rivals.indices {
            w.beginObject()
            w.member("id", r.rivals[index].id)
            w.member("kind", r.rivals[index].kind.rawValue)
            w.member("name", r.rivals[index].name)
            w.member("price", rounded: r.rivals[index].price)
            w.member("value", rounded: r.rivals[index].value)
            w.endObject()
        }
        w.endArray()
        w.member("value_gap_recommended", rounded: r.valueGapRecommended)
        w.member("value_gap_today", rounded: r.valueGapToday)
        w.member("value_recommended", rounded: r.valueRecommended)
        w.member("value_today", rounded: r.valueToday)
        w.endObject()
    }
}
