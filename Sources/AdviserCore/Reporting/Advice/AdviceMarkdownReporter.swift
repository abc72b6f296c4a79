/// Advice ready to paste into meeting notes: the summary table, then a section for each piece of
/// advice (`summaryOnly`: the table alone).
package struct AdviceMarkdownReporter: AdviceReporter {
    var options: ReportOptions
    let wording: ReportWording

    package init(options: ReportOptions = .init()) {
        self.options = options
        wording = ReportWording(options)
    }

    package func render(_ report: AdviceReport) -> String {
        var out: [String] = []
        out.append("# \(ReportWording.markdown(report.workspace)): advice under \(ReportWording.markdown(wording.scenarioLine(report.scenario)))")
        for warning in report.topWarnings {
            out.append("")
            out.append("> **Warning:** \(ReportWording.markdown(warning.message))")
        }
        out.append("")
        out.append("| Offering | Segment | Main changes | Value held | Margin per client |")
        out.append("|---|---|---|---|---|")
        for a in report.advice {
            let changes = a.changes.map(wording.change).map { "\(ReportWording.markdown($0.from)) → \(ReportWording.markdown($0.to))" }.joined(separator: "; ")
            let margin = a.margin.map(wording.marginChange) ?? "–"
            out.append("| \(ReportWording.markdown(a.offering.name)) | \(ReportWording.markdown(a.segment.name)) | \(changes.isEmpty ? "none" : changes) | \(a.value.held ? "yes" : "**no**") | \(margin) |")
        }
        for a in options.summaryOnly ? [] : report.advice {
            out.append("")
            out.append("## \(ReportWording.markdown(a.offering.name)) for \(ReportWording.markdown(a.segment.name)) (\(a.segmentSize.rawValue))")
            out.append("")
            if a.fired.isEmpty {
                out.append("No rule applies: keep today's offering.")
            } else {
                out.append("**Why**")
                out.append("")
                for rule in a.fired { out.append("- \(ReportWording.markdown(rule.why)) (`\(rule.rule)`, \(rule.location))") }
            }
            if !a.changes.isEmpty {
                out.append("")
                out.append("| Lever | Today | Recommended | Because |")
                out.append("|---|---|---|---|")
                for c in a.changes {
                    out.append("| \(ReportWording.markdown(c.name)) | \(ReportWording.markdown(wording.setting(c, recommended: false, currency: report.currency))) | **\(ReportWording.markdown(wording.setting(c, recommended: true, currency: report.currency)))** | \(ReportWording.source(c, in: a)) |")
                }
            }
            out.append("")
            out.append("**Value index:** \(wording.valueLine(a.value))")
            if let shortfall = a.value.shortfall { out.append("\n\(ReportWording.markdown(shortfall))") }
            if let margin = a.margin {
                out.append("")
                out.append("**Margin per client:** \(wording.marginLine(margin))")
            }
            if let rivals = a.rivals {
                out.append("")
                out.append("**Against rivals:** \(ReportWording.markdown(wording.rivalLine(rivals)))")
            }
            if !a.guardrails.isEmpty {
                out.append("")
                out.append("**Guardrails:** " + a.guardrails.map { ReportWording.markdown($0.message) }.joined(separator: "; "))
            }
            if !a.emphasized.isEmpty {
                out.append("")
                out.append("**What matters more, or less, now:** " + a.emphasized.map {
                    "\(ReportWording.markdown($0.name)) (\($0.kind.rawValue)) \(wording.percent($0.weightBefore)) → \(wording.percent($0.weightAfter))"
                }.joined(separator: "; "))
            }
            if !a.unaddressed.isEmpty {
                out.append("")
                out.append("**Not addressed by this offering:** " + a.unaddressed.map { "\(ReportWording.markdown($0.name)) (\($0.kind.rawValue))" }.joined(separator: ", "))
            }
            let points = TalkingPointSelection(a, max: options.maxTalkingPoints)
            if !points.shown.isEmpty || points.hidden > 0 {
                out.append("")
                out.append("**Talking points**")
                out.append("")
                for p in points.shown { out.append("- *\(ReportWording.kindTitle(p.kind)):* \(ReportWording.markdown(p.text))") }
                if let more = points.moreLine { out.append("- \(ReportWording.markdown(more))") }
            }
            for w in a.warnings where w.code != .staleScenario && w.code != .valueNotHeld {
                out.append("")
                out.append("> **Warning (\(w.code)):** \(ReportWording.markdown(w.message))")
            }
            if report.explain {
                out.append("")
                out.append("<details><summary>How each rule's condition evaluated</summary>")
                out.append("")
                for e in a.explanations {
                    out.append("- `\(e.rule)` \(e.fired ? "fired" : "did not fire")")
                    for line in e.fired ? e.trace : e.failing { out.append("  - `\(line)`") }
                }
                out.append("")
                out.append("</details>")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

}
