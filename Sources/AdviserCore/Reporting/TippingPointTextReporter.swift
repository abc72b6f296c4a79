/// Turns a tipping-point analysis into text in one format.
public protocol TippingPointReporter: Sendable {
    func render(_ analysis: TippingPointAnalysis) -> String
}

extension ReportWording {
    /// "market.demand_index: now 1.15 · unit index (1 = normal) · declared from 0.3 to 2".
    static func factHeading(_ f: TippingPointAnalysis.FactTipping) -> String {
        var parts = ["now \(formatNumber(f.now))"]
        if let unit = f.unit { parts.append("unit \(unit)") }
        var range: [String] = []
        if let min = f.min { range.append("from \(formatNumber(min))") }
        if let max = f.max { range.append("to \(formatNumber(max))") }
        if !range.isEmpty { parts.append("declared " + range.joined(separator: " ")) }
        return "\(f.fact): " + parts.joined(separator: " · ")
    }

    /// "If market.inflation rises above 6 (tested at 6.1): rule inflation-pass-through fires …".
    static func tippingLine(_ f: TippingPointAnalysis.FactTipping, _ p: TippingPointAnalysis.TippingPoint) -> String {
        "if \(f.fact) \(p.phrase) (re-advised at \(formatNumber(p.tested)); rule\(p.rules.count == 1 ? "" : "s") \(p.rules.joined(separator: ", ")))"
    }
}

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
