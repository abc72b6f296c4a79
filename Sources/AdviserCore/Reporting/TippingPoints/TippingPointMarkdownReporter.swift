/// Tipping points ready to paste into meeting notes.
public struct TippingPointMarkdownReporter: TippingPointReporter {
    let wording: ReportWording

    public init(options: ReportOptions = .init()) {
        wording = ReportWording(options)
    }

    public func render(_ a: TippingPointAnalysis) -> String {
        var out: [String] = []
        out.append("# \(ReportWording.markdown(a.workspace)): tipping points under \(ReportWording.markdown(wording.scenarioLine(a.scenario)))")
        if a.facts.isEmpty {
            out.append("")
            out.append("No rule compares a numeric market fact with a number, so no market value tips the advice.")
        }
        for fact in a.facts {
            out.append("")
            out.append("## `\(fact.fact)`")
            out.append("")
            out.append(ReportWording.markdown(wording.factHeading(fact)))
            out.append("")
            if fact.points.isEmpty {
                out.append("No threshold in the rules changes the advice within the declared range.")
            }
            for point in fact.points {
                out.append("- **If \(ReportWording.markdown(fact.fact)) \(point.phrase { wording.number($0) })** (re-advised at \(wording.number(point.tested)); "
                    + point.rules.map { "`\($0)`" }.joined(separator: ", ") + "):")
                for change in point.changes { out.append("  - \(ReportWording.markdown(change.sentence(wording)))") }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

}
