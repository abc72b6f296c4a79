/// Tipping points for the terminal.
package struct TippingPointTextReporter: TippingPointReporter {
    package var colors: TerminalColors
    let wording: ReportWording

    package init(options: ReportOptions = .init()) {
        colors = options.colors
        wording = ReportWording(options)
    }

    package func render(_ a: TippingPointAnalysis) -> String {
        var out: [String] = []
        out.append(colors.bold("\(a.workspace) — tipping points under \(wording.scenarioLine(a.scenario))"))
        if a.facts.isEmpty {
            out.append("")
            out.append("No rule reads a market fact the scenario gives, so no market value tips the advice.")
        }
        for fact in a.facts {
            out.append("")
            out.append(colors.bold(colors.cyan(wording.factHeading(fact))))
            if fact.points.isEmpty {
                out.append("  " + wording.noTippingPoint(fact))
            }
            for point in fact.points {
                out.append("  - " + wording.tippingLine(fact, point) + ":")
                for change in point.changes { out.append("      " + change.sentence(wording)) }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
