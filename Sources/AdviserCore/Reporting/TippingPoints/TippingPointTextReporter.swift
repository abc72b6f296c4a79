/// Tipping points for the terminal.
public struct TippingPointTextReporter: TippingPointReporter {
    public var colors: TerminalColors

    public init(colors: TerminalColors = .none) {
        self.colors = colors
    }

    public func render(_ a: TippingPointAnalysis) -> String {
        var out: [String] = []
        out.append(colors.bold("\(a.workspace) — tipping points under \(ReportWording.scenarioLine(a.scenario))"))
        if a.facts.isEmpty {
            out.append("")
            out.append("No rule reads a market fact the scenario gives, so no market value tips the advice.")
        }
        for fact in a.facts {
            out.append("")
            out.append(colors.bold(colors.cyan(ReportWording.factHeading(fact))))
            if fact.points.isEmpty {
                out.append("  " + ReportWording.noTippingPoint(fact))
            }
            for point in fact.points {
                out.append("  - " + ReportWording.tippingLine(fact, point) + ":")
                for change in point.changes { out.append("      " + change.sentence) }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
