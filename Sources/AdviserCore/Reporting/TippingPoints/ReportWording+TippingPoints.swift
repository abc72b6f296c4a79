extension ReportWording {
    /// "market.demand_index: now 1.15 · unit index (1 = normal) · declared from 0.3 to 2".
    static func factHeading(_ f: TippingPointAnalysis.FactTipping) -> String {
        var parts = ["now \(f.now)"]
        if let unit = f.unit { parts.append("unit \(unit)") }
        var range: [String] = []
        if let min = f.min { range.append("from \(formatNumber(min))") }
        if let max = f.max { range.append("to \(formatNumber(max))") }
        if !range.isEmpty { parts.append("declared " + range.joined(separator: " ")) }
        return "\(f.fact): " + parts.joined(separator: " · ")
    }

    /// "if market.inflation rises above 6 (re-advised at 6.1; rule inflation-pass-through)",
    /// "if market.phase becomes downturn (rules downturn-cut-price, …)".
    static func tippingLine(_ f: TippingPointAnalysis.FactTipping, _ p: TippingPointAnalysis.TippingPoint) -> String {
        let rules = "rule\(p.rules.count == 1 ? "" : "s") \(p.rules.joined(separator: ", "))"
        return "if \(f.fact) \(p.phrase) (" + (p.direction == .becomes ? "" : "re-advised at \(p.tested[0]); ") + rules + ")"
    }

    /// Why a fact the rules read has no tipping point.
    static func noTippingPoint(_ f: TippingPointAnalysis.FactTipping) -> String {
        if f.thresholds.isEmpty { return "No other value of it changes which rules fire within the declared range." }
        return "No value at which a rule starts or stops firing (\(f.thresholds.map { formatNumber($0) }.joined(separator: ", "))) changes the advice."
    }
}
