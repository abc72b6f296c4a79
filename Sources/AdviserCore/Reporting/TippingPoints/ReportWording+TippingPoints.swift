extension ReportWording {
    /// "market.demand_index: now 1.15 · unit index (1 = normal) · declared from 0.3 to 2".
    func factHeading(_ f: TippingPointAnalysis.FactTipping) -> String {
        var parts = ["now \(number(f.now))"]
        if let unit = f.unit { parts.append("unit \(unit)") }
        var range: [String] = []
        if let min = f.min { range.append("from \(number(min))") }
        if let max = f.max { range.append("to \(number(max))") }
        if !range.isEmpty { parts.append("declared " + range.joined(separator: " ")) }
        return "\(f.fact): " + parts.joined(separator: " · ")
    }

    /// "If market.inflation rises above 6 (tested at 6.1): rule inflation-pass-through fires …".
    func tippingLine(_ f: TippingPointAnalysis.FactTipping, _ p: TippingPointAnalysis.TippingPoint) -> String {
        "if \(f.fact) \(p.phrase { number($0) }) (re-advised at \(number(p.tested)); rule\(p.rules.count == 1 ? "" : "s") \(p.rules.joined(separator: ", ")))"
    }
}
