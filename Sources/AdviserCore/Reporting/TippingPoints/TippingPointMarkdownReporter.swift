/// Tipping points ready to paste into meeting notes.
package struct TippingPointMarkdownReporter: TippingPointReporter {
    let wording: ReportWording

    package init(options: ReportOptions = .init()) {
        wording = ReportWording(options)
    }

    package func render(_ a: TippingPointAnalysis) -> String {
        var out: [String] = []
        out.append("# \(ReportWording.markdown(a.workspace)): tipping points under \(ReportWording.markdown(wording.scenarioLine(a.scenario)))")
        if a.facts.isEmpty {
            out.append("")
            out.append("No rule reads a market fact the scenario gives, so no market value tips the advice.")
        }
        for fact in a.facts {
            out.append("")
            out.append("## `\(fact.fact)`")
            out.append("")
            out.append(ReportWording.markdown(wording.factHeading(fact)))
            out.append("")
            if fact.points.isEmpty {
                out.append(ReportWording.markdown(wording.noTippingPoint(fact)))
            }
            for point in fact.points {
                out.append("- **If \(ReportWording.markdown(fact.fact)) \(ReportWording.markdown(point.phrase { wording.number($0) }))** (\(wording.reAdvised(point))"
                    + point.rules.map { "`\($0)`" }.joined(separator: ", ") + "):")
                for change in point.changes { out.append("  - \(ReportWording.markdown(change.sentence(wording)))") }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

}
