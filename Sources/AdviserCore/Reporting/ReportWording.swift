import Foundation

/// Shared wording for every reporter, so the formats say the same thing the same way, with the
/// numbers written as the report's locale writes them (`ReportNumbers`). Wording without numbers
/// is static.
struct ReportWording: Sendable {
    let numbers: ReportNumbers

    init(_ options: ReportOptions = .init()) {
        numbers = options.numbers
    }

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
    func index(_ value: Double) -> String { numbers.fixed(value * 100, fractionDigits: 1) }

    func money(_ value: Double, _ currency: String) -> String { numbers.money(value, currency) }

    /// A number with thousands separators: `4,800`.
    func grouped(_ value: Double) -> String { numbers.grouped(value) }

    /// A number as a setting or a fact is written: `4800`, `4.5`.
    func number(_ value: Double, maxFractionDigits: Int = 4) -> String { numbers.plain(value, maxFractionDigits: maxFractionDigits) }

    /// A weight (0–1) as a whole percentage: `21%`.
    func percent(_ weight: Double) -> String { numbers.plain(weight * 100, maxFractionDigits: 0) + "%" }

    static func setting(_ text: String, _ unit: String?, kind: Lever.Kind) -> String {
        Lever.phrase(text, unit: unit, kind: kind)
    }

    /// A lever's setting today or as recommended, in the lever's own words (`4800`, `phone`)
    /// without its unit.
    func settingText(_ lever: LeverOutcome, recommended: Bool) -> String {
        guard lever.kind != .level else { return recommended ? lever.toText : lever.fromText }
        return number(recommended ? lever.to : lever.from)
    }

    static func source(_ source: LeverOutcome.Source) -> String {
        switch source {
        case .today: "unchanged"
        case .rule(let id): "rule \(id)"
        case .balance: "to hold value"
        }
    }

    /// Why a lever of `advice` moved. When the rules added value, the balancer took some of it back
    /// and the client still ends above today's, its levers were not needed to hold value: they give
    /// back part of what the rules added ("to hold value" beside "N points more than today" would
    /// contradict the value line).
    static func source(_ lever: LeverOutcome, in advice: Advice) -> String {
        let v = advice.value
        let givesBack = lever.source == .balance && v.above && v.afterRules > v.final
        return givesBack ? "gives back part of what the rules added" : source(lever.source)
    }

    func valueLine(_ v: ValueOutcome) -> String {
        let tol = number(v.tolerance * 100, maxFractionDigits: 2)
        let verdict: String
        if !v.held {
            verdict = "NOT held (tolerance ±\(tol))"
        } else if v.above {
            verdict = "held, \(number((v.final - v.target) * 100, maxFractionDigits: 1)) points more than today"
        } else {
            verdict = "held within ±\(tol)"
        }
        return "\(index(v.target)) today → \(index(v.afterRules)) after the rules → \(index(v.final)) recommended: \(verdict)"
    }

    /// A setting with its unit, and for a lever priced per unit of a quantity the total it comes to:
    /// `29 EUR/user/month (× 25 users: 725 EUR/month)`.
    func setting(_ lever: LeverOutcome, recommended: Bool, currency: String) -> String {
        let text = Self.setting(settingText(lever, recommended: recommended), lever.unit, kind: lever.kind)
        guard let quantity = lever.quantity, lever.kind == .price else { return text }
        let units = recommended ? quantity.to : quantity.from
        let total = (recommended ? lever.to : lever.from) * units
        return "\(text) (× \(Self.setting(grouped(units), quantity.unit, kind: .number)): \(grouped(total.rounded())) \(Self.totalUnit(lever, currency: currency)))"
    }

    /// A change in one line, the recommended setting with its unit: `Onboarding hours 6 → 8 hours`.
    func change(_ lever: LeverOutcome) -> (from: String, to: String) {
        ("\(lever.name) \(settingText(lever, recommended: false))",
         Self.setting(settingText(lever, recommended: true), lever.unit, kind: lever.kind))
    }

    /// The unit of a per-unit price's total: `EUR/user/month` per `users` is `EUR/month`.
    static func totalUnit(_ lever: LeverOutcome, currency: String) -> String {
        guard let unit = lever.unit, let quantity = lever.quantity else { return currency }
        let names = Set([quantity.unit, quantity.name, quantity.lever].compactMap { $0?.lowercased() }.flatMap { [$0, $0.hasSuffix("s") ? String($0.dropLast()) : $0] })
        let parts = unit.split(separator: "/").map(String.init)
        let kept = parts.filter { !names.contains($0.lowercased()) }
        return kept.count < parts.count && !kept.isEmpty ? kept.joined(separator: "/") : currency
    }

    /// `147 EUR → 61 EUR`: the margin per client today and as recommended.
    func marginChange(_ m: MarginOutcome) -> String {
        "\(money(m.before, m.currency)) → \(money(m.after, m.currency))"
    }

    /// `147 EUR → 61 EUR`, and what it is made of when revenue or cost moved.
    func marginLine(_ m: MarginOutcome) -> String {
        var line = marginChange(m)
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

    /// "Today's market (current, as of 2026-11-15)".
    func scenarioLine(_ s: Scenario) -> String {
        let asOf = s.asOfDay.map(numbers.date(daysSince1970:)) ?? s.asOfText
        return "\(s.name) (\(s.id)\(asOf.map { ", as of \($0)" } ?? ""))"
    }
}
