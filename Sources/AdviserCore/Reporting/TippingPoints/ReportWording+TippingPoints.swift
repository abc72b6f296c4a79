extension ReportWording {
    /// A fact's value as the report's locale writes it: numbers localized, words as they are.
    func factValue(_ value: FactValue) -> String {
        value.number.map { number($0) } ?? value.description
    }

    /// "market.demand_index: now 1.15 · unit index (1 = normal) · declared from 0.3 to 2".
    func factHeading(_ f: TippingPointAnalysis.FactTipping) -> String {
        var parts = ["now \(factValue(f.now))"]
        if let unit = f.unit { parts.append("unit \(unit)") }
        var range: [String] = []
        if let min = f.min { range.append("from \(number(min))") }
        if let max = f.max { range.append("to \(number(max))") }
        if !range.isEmpty { parts.append("declared " + range.joined(separator: " ")) }
        return "\(f.fact): " + parts.joined(separator: " · ")
    }

    /// "if market.inflation rises above 6 (re-advised at 6.1; rule inflation-pass-through)",
    /// "if market.phase becomes downturn (rules downturn-cut-price, …)".
    func tippingLine(_ f: TippingPointAnalysis.FactTipping, _ p: TippingPointAnalysis.TippingPoint) -> String {
        "if \(f.fact) \(p.phrase { number($0) }) (" + reAdvised(p) + rules(p) + ")"
    }

    /// "re-advised at 6.1; " for a numeric point, nothing for an enum or bool value.
    func reAdvised(_ p: TippingPointAnalysis.TippingPoint) -> String {
        p.direction == .becomes ? "" : "re-advised at \(factValue(p.tested[0])); "
    }

    /// "rule inflation-pass-through", "rules a, b".
    func rules(_ p: TippingPointAnalysis.TippingPoint) -> String {
        "rule\(p.rules.count == 1 ? "" : "s") \(p.rules.joined(separator: ", "))"
    }

    /// Why a fact the rules read has no tipping point.
    func noTippingPoint(_ f: TippingPointAnalysis.FactTipping) -> String {
        if f.thresholds.isEmpty { return "No other value of it changes which rules fire within the declared range." }
        return "No value at which a rule starts or stops firing (\(f.thresholds.map { number($0) }.joined(separator: ", "))) changes the advice."
    }
}
