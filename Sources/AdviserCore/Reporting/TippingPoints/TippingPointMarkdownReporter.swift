/// Tipping points ready to paste into meeting notes.
public struct TippingPointMarkdownReporter: TippingPointReporter {
    public init() {}

    public func render(_ a: TippingPointAnalysis) -> String {
        var out: [String] = []
        out.append("# \(ReportWording.markdown(a.workspace)): tipping points under \(ReportWording.markdown(ReportWording.scenarioLine(a.scenario)))")
        if a.facts.isEmpty {
            out.append("")
            out.append("No rule reads a market fact the scenario gives, so no market value tips the advice.")
        }
        for fact in a.facts {
            out.append("")
            out.append("## `\(fact.fact)`")
            out.append("")
            out.append(ReportWording.markdown(ReportWording.factHeading(fact)))
            out.append("")
            if fact.points.isEmpty {
                out.append(ReportWording.markdown(ReportWording.noTippingPoint(fact)))
            }
            for point in fact.points {
                let at = point.direction == .becomes ? "" : "re-advised at \(point.tested[0]); "
                out.append("- **If \(ReportWording.markdown(fact.fact)) \(ReportWording.markdown(point.phrase))** (\(at)"
                    + point.rules.map { "`\($0)`" }.joined(separator: ", ") + "):")
                for change in point.changes { out.append("  - \(ReportWording.markdown(change.sentence))") }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

}
