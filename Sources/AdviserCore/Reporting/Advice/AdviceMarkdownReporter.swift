/// Advice ready to paste into meeting notes.
package struct AdviceMarkdownReporter: AdviceReporter {
    package init() {}

    package func render(_ report: AdviceReport) -> String {
        var out: [String] = []
        out.append("# \(ReportWording.markdown(report.workspace)): advice under \(ReportWording.markdown(ReportWording.scenarioLine(report.scenario)))")
        for warning in report.topWarnings {
            out.append("")
            out.append("> **Warning:** \(ReportWording.markdown(warning.message))")
        }
        out.append("")
        out.append("| Offering | Segment | Main changes | Value held | Margin per client |")
        out.append("|---|---|---|---|---|")
        for a in report.advice {
            let changes = a.changes.map { "\(ReportWording.markdown($0.name)) \($0.fromText) → \($0.toText)" }.joined(separator: "; ")
            let margin = a.margin.map { "\(ReportWording.money($0.before, $0.currency)) → \(ReportWording.money($0.after, $0.currency))" } ?? "–"
            out.append("| \(ReportWording.markdown(a.offering.name)) | \(ReportWording.markdown(a.segment.name)) | \(changes.isEmpty ? "none" : changes) | \(a.value.held ? "yes" : "**no**") | \(margin) |")
        }
        for a in report.advice {
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
                    out.append("| \(ReportWording.markdown(c.name)) | \(ReportWording.markdown(ReportWording.setting(c, recommended: false, currency: report.currency))) | **\(ReportWording.markdown(ReportWording.setting(c, recommended: true, currency: report.currency)))** | \(ReportWording.source(c.source)) |")
                }
            }
            out.append("")
            out.append("**Value index:** \(ReportWording.valueLine(a.value))")
            if let shortfall = a.value.shortfall { out.append("\n\(ReportWording.markdown(shortfall))") }
            if let margin = a.margin {
                out.append("")
                out.append("**Margin per client:** \(ReportWording.marginLine(margin))")
            }
            if !a.guardrails.isEmpty {
                out.append("")
                out.append("**Guardrails:** " + a.guardrails.map { ReportWording.markdown($0.message) }.joined(separator: "; "))
            }
            if !a.emphasized.isEmpty {
                out.append("")
                out.append("**What matters more, or less, now:** " + a.emphasized.map {
                    "\(ReportWording.markdown($0.name)) (\($0.kind.rawValue)) \(ReportWording.percent($0.weightBefore)) → \(ReportWording.percent($0.weightAfter))"
                }.joined(separator: "; "))
            }
            if !a.unaddressed.isEmpty {
                out.append("")
                out.append("**Not addressed by this offering:** " + a.unaddressed.map { "\(ReportWording.markdown($0.name)) (\($0.kind.rawValue))" }.joined(separator: ", "))
            }
            if !a.talkingPoints.isEmpty {
                out.append("")
                out.append("**Talking points**")
                out.append("")
                for (title, points) in ReportWording.groupedTalkingPoints(a.talkingPoints) {
                    for p in points { out.append("- *\(title):* \(ReportWording.markdown(p.text))") }
                }
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
