/// Tipping points ready to paste into meeting notes.
public struct TippingPointMarkdownReporter: TippingPointReporter {
    public init() {}

    public func render(_ a: TippingPointAnalysis) -> String {
        var out: [String] = []
        out.append("# \(escape(a.workspace)): tipping points under \(escape(ReportWording.scenarioLine(a.scenario)))")
        if a.facts.isEmpty {
            out.append("")
            out.append("No rule compares a numeric market fact with a number, so no market value tips the advice.")
        }
        for fact in a.facts {
            out.append("")
            out.append("## `\(fact.fact)`")
            out.append("")
            out.append(escape(ReportWording.factHeading(fact)))
            out.append("")
            if fact.points.isEmpty {
                out.append("No threshold in the rules changes the advice within the declared range.")
            }
            for point in fact.points {
                out.append("- **If \(escape(fact.fact)) \(point.phrase)** (re-advised at \(formatNumber(point.tested)); "
                    + point.rules.map { "`\($0)`" }.joined(separator: ", ") + "):")
                for change in point.changes { out.append("  - \(escape(change.sentence))") }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func escape(_ text: String) -> String {
        var result = ""
        for c in text {
            switch c {
            case "|", "*", "_", "`", "<", ">", "[", "]", "\\": result += "\\\(c)"
            case "\n": result += " "
            default: result.append(c)
            }
        }
        return result
    }
}
