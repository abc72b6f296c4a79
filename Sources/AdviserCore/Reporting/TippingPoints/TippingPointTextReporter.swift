/// Tipping points for the terminal.
package struct TippingPointTextReporter: TippingPointReporter {
    package var colors: TerminalColors

    package init(colors: TerminalColors = .none) {
        self.colors = colors
    }

    package func render(_ a: TippingPointAnalysis) -> String {
        var out: [String] = []
        out.append(colors.bold("\(a.workspace) — tipping points under \(ReportWording.scenarioLine(a.scenario))"))
        if a.facts.isEmpty {
            out.append("")
            out.append("No rule compares a numeric market fact with a number, so no market value tips the advice.")
        }
        for fact in a.facts {
            out.append("")
            out.append(colors.bold(colors.cyan(ReportWording.factHeading(fact))))
            if fact.points.isEmpty {
                out.append("  No threshold in the rules (\(fact.thresholds.map { formatNumber($0) }.joined(separator: ", "))) changes the advice within the declared range.")
            }
            for point in fact.points {
                out.append("  - " + ReportWording.tippingLine(fact, point) + ":")
                for change in point.changes { out.append("      " + change.sentence) }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
