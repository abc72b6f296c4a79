extension AdviceDiff.Change {
    /// The changes in words, one per line: `price: 4300 → 4600 (set by downturn-cost-focus)`.
    public var lines: [String] { lines(ReportWording()) }

    /// The lines with numbers as `wording`'s locale writes them.
    func lines(_ wording: ReportWording) -> [String] {
        var lines: [String] = []
        if !nowFired.isEmpty { lines.append("now fires: " + nowFired.map(\.id).joined(separator: ", ")) }
        if !noLongerFired.isEmpty { lines.append("no longer fires: " + noLongerFired.map(\.id).joined(separator: ", ")) }
        for lever in levers {
            let before = lever.outcome.before.map { wording.settingText($0, recommended: true) }
            let after = lever.outcome.after.map { wording.settingText($0, recommended: true) }
            var line = "\(lever.name): \(before ?? "–") → \(after ?? "–")"
            if let source = lever.sourceAfter, source != "baseline" { line += " (set by \(source))" }
            lines.append(line)
        }
        if let held { lines.append("value held: \(held.before ? "yes" : "no") → \(held.after ? "yes" : "no")") }
        if let margin {
            lines.append("margin: \(margin.before.map { wording.number($0, maxFractionDigits: 2) } ?? "–") → "
                + "\(margin.after.map { wording.number($0, maxFractionDigits: 2) } ?? "–") \(currency)")
        }
        return lines
    }
}

extension AdviceDiff {
    /// `2 of 8 combinations change` and what appeared or disappeared.
    public var summary: String {
        var text = "\(changes.count) of \(compared) offering × segment × scenario combination\(compared == 1 ? "" : "s") change\(changes.count == 1 ? "s" : "")"
        if !onlyInHead.isEmpty { text += "; \(onlyInHead.count) only in \(head)" }
        if !onlyInBase.isEmpty { text += "; \(onlyInBase.count) only in \(base)" }
        return text
    }
}
