import Foundation

/// Shared wording for every reporter, so the formats say the same thing the same way.
enum ReportWording {
    /// User text made safe for Markdown: it cannot break a table or turn into markup.
    static func markdown(_ text: String) -> String {
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

    /// "63.4" on the 0–100 value index.
    static func index(_ value: Double) -> String { String(format: "%.1f", value * 100) }

    static func money(_ value: Double, _ currency: String) -> String {
        grouped(value.rounded()) + " " + currency
    }

    /// A number with thousands separators: `4,800`; fractions as `formatNumber` writes them.
    static func grouped(_ value: Double) -> String {
        guard value.rounded() == value, abs(value) < 1e15 else { return formatNumber(value) }
        let digits = String(Int64(abs(value)))
        var grouped = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        return (value < 0 ? "-" : "") + String(grouped.reversed())
    }

    static func percent(_ weight: Double) -> String { formatNumber(weight * 100, maxFractionDigits: 0) + "%" }

    static func setting(_ text: String, _ unit: String?, kind: Lever.Kind) -> String {
        guard kind != .level, var unit else { return text }
        // "1 hour/year", not "1 hours/year": units are written in the plural in the workspace.
        if text == "1" || text == "-1" {
            let parts = unit.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            if let first = parts.first, first.count > 2, first.hasSuffix("s"), !first.hasSuffix("ss") {
                unit = String(first.dropLast()) + (parts.count > 1 ? "/" + parts[1] : "")
            }
        }
        return "\(text) \(unit)"
    }

    static func source(_ source: LeverOutcome.Source) -> String {
        switch source {
        case .baseline: "unchanged"
        case .rule(let id): "rule \(id)"
        case .balance: "to hold value"
        }
    }

    static func valueLine(_ v: ValueOutcome) -> String {
        let tol = formatNumber(v.tolerance * 100, maxFractionDigits: 2)
        let verdict = v.held ? "held within ±\(tol)" : "NOT held (tolerance ±\(tol))"
        return "\(index(v.target)) today → \(index(v.afterRules)) after the rules → \(index(v.final)) recommended: \(verdict)"
    }

    static func kindTitle(_ kind: Driver.Kind?) -> String {
        switch kind {
        case .want?: "Wants"
        case .need?: "Needs"
        case .pain?: "Pains"
        case .fear?: "Fears"
        case nil: "General"
        }
    }

    /// Talking points grouped want, need, pain, fear, then general.
    static func groupedTalkingPoints(_ points: [TalkingPoint]) -> [(String, [TalkingPoint])] {
        let order: [Driver.Kind?] = [.want, .need, .pain, .fear, nil]
        return order.compactMap { kind in
            let group = points.filter { $0.kind == kind }
            return group.isEmpty ? nil : (kindTitle(kind), group)
        }
    }

    static func scenarioLine(_ s: Scenario) -> String {
        "\(s.name) (\(s.id)\(s.asOfText.map { ", as of \($0)" } ?? ""))"
    }
}
