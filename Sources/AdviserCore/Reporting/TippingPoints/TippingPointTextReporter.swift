/// Tipping points for the terminal.
public struct TippingPointTextReporter: TippingPointReporter {
    public var colors: TerminalColors
    let wording: ReportWording

    public init(options: ReportOptions = .init()) {
        colors = options.colors
        wording = ReportWording(options)
    }

    public func render(_ a: TippingPointAnalysis) -> String {
        var out: [String] = []
        out.append(colors.bold("\(a.workspace) — tipping points under \(wording.scenarioLine(a.scenario))"))
        if a.facts.isEmpty {
            out.append("")
            out.append("No rule compares a numeric market fact with a number, so no market value tips the advice.")
        }
        for fact in a.facts {
            out.append("")
            out.append(colors.bold(colors.cyan(wording.factHeading(fact))))
            if fact.points.isEmpty {
                out.append("  No threshold in the rules (\(fact.thresholds.map { wording.number($0) }.joined(separator: ", "))) changes the advice within the declared range.")
            }
            for point in fact.points {
                out.append("  - " + wording.tippingLine(fact, point) + ":")
                for change in point.changes { out.append("      " + change.sentence(wording)) }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
