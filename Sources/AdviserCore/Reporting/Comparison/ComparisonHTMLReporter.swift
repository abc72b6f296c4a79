/// Scenarios side by side as a one-file HTML page, in the brief's style.
public struct ComparisonHTMLReporter: ComparisonReporter {
    let wording: ReportWording

    public init(options: ReportOptions = .init()) {
        wording = ReportWording(options)
    }

    public func render(_ c: ScenarioComparison) -> String {
        let html = HTMLBuilder()
        HTMLDocument.open(html, title: "\(c.workspace): comparing \(c.scenarios.map(\.name).joined(separator: ", "))")
        html.element("header", ["class": "brief"]) {
            html.element("p", ["class": "kicker"], text: "What if: scenarios compared")
            html.element("h1", text: c.workspace)
            html.element("p", ["class": "meta"], text: c.scenarios.map(wording.scenarioLine).joined(separator: " · "))
        }
        for row in c.rows {
            html.newline()
            html.element("article", ["class": "advice"]) {
                html.element("div", ["class": "headline"]) {
                    html.element("h3", text: "\(row.offering.name) for \(row.segment.name) (\(row.segmentSize.rawValue))")
                    html.element("span", ["class": "pill muted"], text: row.differs ? "advice differs" : "same advice")
                }
                if !row.rules.isEmpty {
                    html.element("h4", text: "Rules that fire under only some scenarios")
                    html.element("ul") {
                        for rule in row.rules {
                            html.element("li") {
                                html.element("code", text: rule.rule)
                                html.text(" fires under \(ReportWording.scenarioList(rule.firedIn)), not under \(ReportWording.scenarioList(rule.notFiredIn)): \(rule.why)")
                            }
                        }
                    }
                }
                html.element("table", ["class": "side"]) {
                    html.element("tr") {
                        html.element("th", text: "")
                        for s in c.scenarios { html.element("th", ["class": "num"], text: s.name) }
                    }
                    html.element("tr") {
                        html.element("td", text: "Rules fired")
                        for a in row.advice { html.element("td", ["class": "num"], text: a.fired.isEmpty ? "none" : a.fired.map(\.rule).joined(separator: ", ")) }
                    }
                    for lever in row.levers {
                        html.element("tr") {
                            html.element("td", text: lever.name)
                            for o in lever.outcomes {
                                html.element("td", ["class": "num"]) {
                                    if o.changed { html.element("strong", text: wording.outcome(o)) } else { html.text(wording.outcome(o)) }
                                }
                            }
                        }
                    }
                    html.element("tr") {
                        html.element("td", text: "Value index")
                        for a in row.advice { html.element("td", ["class": "num"]) { HTMLDocument.heldBadge(a.value, wording: wording, into: html) } }
                    }
                    if row.advice.contains(where: { $0.margin != nil }) {
                        html.element("tr") {
                            html.element("td", text: "Margin per client")
                            for a in row.advice {
                                html.element("td", ["class": "num"], text: a.margin.map { wording.money($0.after, $0.currency) } ?? "–")
                            }
                        }
                    }
                }
            }
        }
        HTMLDocument.close(html)
        return html.output
    }
}
