/// A one-file HTML brief for the planning meeting: inline CSS and SVG, no script, no network, readable
/// on screen and printed on A4 (one offering per page run). Every user string is escaped.
package struct AdviceHTMLReporter: AdviceReporter {
    var options: ReportOptions
    let wording: ReportWording

    package init(options: ReportOptions = .init()) {
        self.options = options
        wording = ReportWording(options)
    }

    package func render(_ report: AdviceReport) -> String {
        let html = HTMLBuilder()
        let title = "\(report.workspace): advice under \(report.scenario.name)"
        HTMLDocument.open(html, title: title)
        html.element("header", ["class": "brief"]) {
            html.element("p", ["class": "kicker"], text: "Planning brief")
            html.element("h1", text: report.workspace)
            let held = report.advice.count { $0.value.held }
            html.element("p", ["class": "meta"],
                         text: "Advice under \(wording.scenarioLine(report.scenario)) · \(report.advice.count) recommendation\(report.advice.count == 1 ? "" : "s"), value held in \(held)")
        }
        for warning in report.topWarnings {
            html.element("div", ["class": "warning", "role": "note"]) {
                html.element("strong", text: "Warning: ")
                html.text(warning.message)
            }
        }
        summary(report, into: html)
        for (index, group) in (options.summaryOnly ? [] : report.byOffering).enumerated() {
            html.newline()
            html.element("section", ["class": "offering"]) {
                html.element("h2", text: group[0].offering.name)
                if let map = SVGValueMap.make(group, wording: wording) {
                    html.element("figure") {
                        map.render(into: html, id: "map\(index)")
                        html.element("figcaption") {
                            if let note = map.note { html.text(note + " ") }
                            html.text("How to read it: each colour is a client segment. The hollow circle is today's offer, the filled one the recommendation; "
                                + "the shaded band is the value to hold (today's value ± the tolerance). A point inside its band means the client gets the same value. "
                                + "The value axis shows the part of the 0–100 index where the points lie."
                                + (map.rivalNames.isEmpty ? "" : " Squares and triangles are rivals, valued with that segment's weights; "
                                    + "a rival above the dotted line through today's offer gives more value for each unit of price than we do today."))
                        }
                    }
                } else {
                    html.element("p", ["class": "muted"], text: "No value map: this offering has no price or number lever to draw along.")
                }
                for (n, advice) in group.enumerated() {
                    self.advice(advice, report: report, into: html, id: "o\(index)a\(n)")
                }
            }
        }
        html.element("footer") {
            html.text("Offering Adviser · the value index runs from 0 (no driver relieved) to 100 (every driver fully relieved); see docs/value-model.md.")
        }
        HTMLDocument.close(html)
        return html.output
    }

    private func summary(_ report: AdviceReport, into html: HTMLBuilder) {
        html.element("section", ["class": "summary"]) {
            html.element("h2", text: "At a glance")
            html.element("table") {
                html.element("thead") {
                    html.element("tr") {
                        html.element("th", text: "Offering")
                        html.element("th", text: "Segment")
                        html.element("th", text: "Main changes")
                        html.element("th", ["class": "nowrap"], text: "Value held")
                        html.element("th", ["class": "num"], text: "Margin per client")
                    }
                }
                html.element("tbody") {
                    for group in report.byOffering {
                        for (n, a) in group.enumerated() {
                        html.element("tr", n == 0 ? ["class": "first"] : [:]) {
                            if n == 0 {
                                html.element("th", ["rowspan": "\(group.count)", "scope": "rowgroup", "class": "offering-name"], text: a.offering.name)
                            }
                            html.element("td", text: a.segment.name)
                            html.element("td") {
                                if a.changes.isEmpty {
                                    html.element("span", ["class": "muted"], text: "none")
                                } else {
                                    for (i, change) in a.changes.enumerated() {
                                        if i > 0 { html.raw("<br>") }
                                        let words = wording.change(change)
                                        html.text("\(words.from) → ")
                                        html.element("strong", text: words.to)
                                    }
                                }
                            }
                            html.element("td", ["class": "nowrap"]) { HTMLDocument.heldBadge(a.value, wording: wording, into: html) }
                            html.element("td", ["class": "num"], text: a.margin.map(wording.marginChange) ?? "–")
                        }
                        }
                    }
                }
            }
        }
    }

    private func advice(_ a: Advice, report: AdviceReport, into html: HTMLBuilder, id: String) {
        html.element("article", ["class": "advice", "id": id]) {
            html.element("div", ["class": "headline"]) {
                html.element("h3", text: "\(a.offering.name) for \(a.segment.name) (\(a.segmentSize.rawValue))")
                html.element("span", ["class": "pill \(a.value.held ? "held" : "not-held")"], text: a.value.held ? "value held" : "value NOT held")
            }
            for warning in a.warnings where warning.code != .staleScenario {
                html.element("div", ["class": "warning"]) {
                    html.element("strong", text: "Warning (\(warning.code)): ")
                    html.text(warning.message)
                }
            }
            html.element("div", ["class": "grid"]) {
                html.element("div") {
                    html.element("h4", text: "Recommended changes")
                    if a.changes.isEmpty {
                        html.element("p", ["class": "muted"], text: "None: keep today's offering.")
                    } else {
                        html.element("table") {
                            html.element("tr") {
                                html.element("th", text: "Lever")
                                html.element("th", ["class": "num"], text: "Today")
                                html.element("th", ["class": "num"], text: "Recommended")
                                html.element("th", text: "Because")
                            }
                            for c in a.changes {
                                html.element("tr") {
                                    html.element("td", text: c.name)
                                    html.element("td", ["class": "num"], text: wording.setting(c, recommended: false, currency: report.currency))
                                    html.element("td", ["class": "num"]) {
                                        html.element("strong", text: wording.setting(c, recommended: true, currency: report.currency))
                                    }
                                    html.element("td", text: ReportWording.source(c, in: a))
                                }
                            }
                        }
                    }
                    html.element("p") {
                        html.element("strong", text: "Value index: ")
                        html.text(wording.valueLine(a.value))
                    }
                    if let shortfall = a.value.shortfall { html.element("p", ["class": "not-held"], text: shortfall) }
                    if let margin = a.margin {
                        html.element("p") {
                            html.element("strong", text: "Margin per client: ")
                            html.text(wording.marginLine(margin))
                        }
                    }
                    if let rivals = a.rivals {
                        html.element("p") {
                            html.element("strong", text: "Against rivals: ")
                            html.text(wording.rivalLine(rivals))
                        }
                    }
                    for guardrail in a.guardrails {
                        html.element("p", ["class": "muted"]) {
                            html.element("strong", text: "Guardrail: ")
                            html.text(guardrail.message)
                        }
                    }
                }
                html.element("div", ["class": "why"]) {
                    html.element("h4", text: "Why")
                    if a.fired.isEmpty {
                        html.element("p", ["class": "muted"], text: "No rule applies under this scenario.")
                    } else {
                        html.element("ul") {
                            for rule in a.fired {
                                html.element("li") {
                                    html.text(rule.why + " ")
                                    html.element("span", ["class": "rule"]) {
                                        html.element("code", text: rule.rule)
                                        html.text(" \(rule.location)")
                                    }
                                }
                            }
                        }
                    }
                    if !a.overridden.isEmpty {
                        html.element("p", ["class": "muted"], text: a.overridden.map {
                            "\($0.rule)'s change to \($0.lever) gave way to \($0.by) (higher priority)."
                        }.joined(separator: " "))
                    }
                }
            }
            if !a.drivers.isEmpty {
                html.element("h4", text: "What the value is made of")
                html.element("figure") { SVGWeightChart(drivers: a.drivers, wording: wording).render(into: html) }
            }
            let points = TalkingPointSelection(a, max: options.maxTalkingPoints)
            if !points.shown.isEmpty || points.hidden > 0 {
                html.element("h4", text: "Talking points")
                html.element("ul", ["class": "points"]) {
                    for point in points.shown {
                        html.element("li") {
                            html.element("strong", text: ReportWording.kindTitle(point.kind) + ": ")
                            html.text(point.text)
                        }
                    }
                    if let more = points.moreLine { html.element("li", ["class": "muted"], text: more) }
                }
            }
            if !a.unaddressed.isEmpty {
                html.element("p", ["class": "muted"], text: "Not addressed by this offering: "
                    + a.unaddressed.map { "\($0.name) (\($0.kind.rawValue))" }.joined(separator: ", "))
            }
            if report.explain && !a.explanations.isEmpty {
                html.element("details") {
                    html.element("summary", text: "How each rule's condition evaluated")
                    html.element("ul") {
                        for e in a.explanations {
                            html.element("li") {
                                html.element("code", text: e.rule)
                                html.text(e.fired ? " fired" : " did not fire")
                                html.element("ul") {
                                    for line in e.fired ? e.trace : e.failing { html.element("li") { html.element("code", text: line) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
