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
        Lever.phrase(text, unit: unit, kind: kind)
    }

    static func source(_ source: LeverOutcome.Source) -> String {
        switch source {
        case .today: "unchanged"
        case .rule(let id): "rule \(id)"
        case .balance: "to hold value"
        }
    }

    static func valueLine(_ v: ValueOutcome) -> String {
        let tol = formatNumber(v.tolerance * 100, maxFractionDigits: 2)
        let verdict: String
        if !v.held {
            verdict = "NOT held (tolerance ±\(tol))"
        } else if v.above {
            verdict = "held, \(formatNumber((v.final - v.target) * 100, maxFractionDigits: 1)) points more than today"
        } else {
            verdict = "held within ±\(tol)"
        }
        return "\(index(v.target)) today → \(index(v.afterRules)) after the rules → \(index(v.final)) recommended: \(verdict)"
    }

    /// A setting with its unit, and for a lever priced per unit of a quantity the total it comes to:
    /// `29 EUR/user/month (× 25 users: 725 EUR/month)`.
    static func setting(_ lever: LeverOutcome, recommended: Bool, currency: String) -> String {
        let text = setting(recommended ? lever.toText : lever.fromText, lever.unit, kind: lever.kind)
        guard let quantity = lever.quantity, lever.kind == .price else { return text }
        let units = recommended ? quantity.to : quantity.from
        let total = (recommended ? lever.to : lever.from) * units
        return "\(text) (× \(setting(grouped(units), quantity.unit, kind: .number)): \(grouped(total.rounded())) \(totalUnit(lever, currency: currency)))"
    }

    /// The unit of a per-unit price's total: `EUR/user/month` per `users` is `EUR/month`.
    static func totalUnit(_ lever: LeverOutcome, currency: String) -> String {
        guard let unit = lever.unit, let quantity = lever.quantity else { return currency }
        let names = Set([quantity.unit, quantity.name, quantity.lever].compactMap { $0?.lowercased() }.flatMap { [$0, $0.hasSuffix("s") ? String($0.dropLast()) : $0] })
        let parts = unit.split(separator: "/").map(String.init)
        let kept = parts.filter { !names.contains($0.lowercased()) }
        return kept.count < parts.count && !kept.isEmpty ? kept.joined(separator: "/") : currency
    }

    /// `147 EUR → 61 EUR`, and what it is made of when revenue or cost moved.
    static func marginLine(_ m: MarginOutcome) -> String {
        var line = "\(money(m.before, m.currency)) → \(money(m.after, m.currency))"
        if m.revenueBefore != m.revenueAfter || m.costBefore != m.costAfter {
            line += " (revenue \(grouped(m.revenueBefore.rounded())) → \(grouped(m.revenueAfter.rounded())), "
                + "cost to serve \(grouped(m.costBefore.rounded())) → \(grouped(m.costAfter.rounded())))"
        }
        return line
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
