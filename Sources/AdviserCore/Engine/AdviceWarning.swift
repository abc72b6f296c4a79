/// Something the user should know about one piece of advice: a rule that could not be evaluated
/// or lost a tie, a setting clamped, old market figures, value not held.
public struct AdviceWarning: Sendable, Hashable {
    public var code: AdviceWarningCode
    public var message: String
    public var location: SourceLocation?
}

// MARK: - Every warning, worded once

extension AdviceWarning {
    static func staleScenario(_ scenario: Scenario, age: Int, limit: Int) -> AdviceWarning {
        AdviceWarning(
            code: .staleScenario,
            message: "the market figures of '\(scenario.name)' are from \(scenario.asOfText ?? "?"), \(age) days ago "
                + "(more than \(limit)); check them before you rely on this advice",
            location: scenario.location)
    }

    static func conditionError(_ rule: Rule, _ message: String) -> AdviceWarning {
        AdviceWarning(
            code: .conditionError,
            message: "the condition of rule '\(rule.id)' could not be evaluated (\(message)); the rule was skipped",
            location: rule.location)
    }

    /// Two rules of the same priority set `lever` differently: the earlier one's `kept` wins over
    /// the later one's `lost`.
    static func conflict(
        _ lever: Lever, earlier: Rule, at earlierLocation: SourceLocation, later: Rule, at laterLocation: SourceLocation,
        kept: Double, lost: Double
    ) -> AdviceWarning {
        AdviceWarning(
            code: .conflict,
            message: "rules '\(earlier.id)' (\(earlierLocation)) and '\(later.id)' (\(laterLocation)) both adjust \(lever.name) "
                + "with the same priority \(later.priority): '\(earlier.id)' wins (\(lever.display(kept)) rather than \(lever.display(lost)))",
            location: laterLocation)
    }

    /// `bySegment`: the range is the segment's own `bounds:`, narrower than the lever's.
    static func clamped(
        _ lever: Lever, by rule: Rule, asked: Double, range: ClosedRange<Double>, bySegment segment: Segment?, using setting: Double,
        at location: SourceLocation
    ) -> AdviceWarning {
        let whose = segment.map { " (the bounds of \($0.name))" } ?? ""
        return AdviceWarning(
            code: .clamped,
            message: "rule '\(rule.id)' asked for \(lever.name) \(lever.kind == .level ? lever.display(asked) : formatNumber(asked)), outside "
                + "\(lever.display(range.lowerBound))..\(lever.display(range.upperBound))\(whose); using \(lever.display(setting))",
            location: location)
    }

    static func noChange(_ lever: Lever, by rule: Rule, asked: Double, today: Double, at location: SourceLocation) -> AdviceWarning {
        AdviceWarning(
            code: .noChange,
            message: "rule '\(rule.id)' asked for \(lever.name) \(formatNumber(asked)), which the lever's grid "
                + "(steps of \(formatNumber(lever.step))) takes back to today's \(lever.display(today)); nothing changes",
            location: location)
    }

    static func beyondMoveLimit(
        _ lever: Lever, by rule: Rule, today: Double, setting: Double, limit: Lever.MoveLimit, at location: SourceLocation
    ) -> AdviceWarning {
        AdviceWarning(
            code: .beyondMoveLimit,
            message: "rule '\(rule.id)' moves \(lever.name) from \(lever.display(today)) to \(lever.display(setting)), "
                + "more than the \(limit) it may move in one review",
            location: location)
    }

    /// A rule's adjustment of `lever` relieves `driver` less than today, although `protection` says
    /// it must not go down.
    static func lowersProtectedDriver(
        _ driver: Driver, by rule: Rule, lever: Lever, today: Double, setting: Double, protection: Protection,
        at location: SourceLocation
    ) -> AdviceWarning {
        AdviceWarning(
            code: .lowersProtectedDriver,
            message: "rule '\(rule.id)' sets \(lever.name) \(lever.display(today)) → \(lever.display(setting)), which relieves "
                + "'\(driver.name)' (\(driver.kind.rawValue)) less than today, but \(protection)",
            location: location)
    }

    static func gridTooLarge(_ offering: Offering, settings: Int, limit: Int) -> AdviceWarning {
        AdviceWarning(
            code: .gridTooLarge,
            message: "the flex levers have \(settings) settings in all, more than the \(limit) the balancer searches; value was not balanced",
            location: offering.location)
    }

    static func balanceIncomplete(_ offering: Offering) -> AdviceWarning {
        AdviceWarning(
            code: .balanceIncomplete,
            message: "the balancer stopped at its search budget; this is the best setting it found, not proven the best",
            location: offering.location)
    }

    /// `shortfall` says by how much, and what blocks it.
    static func valueNotHeld(_ offering: Offering, shortfall: String) -> AdviceWarning {
        AdviceWarning(code: .valueNotHeld, message: shortfall, location: offering.location)
    }

    static func rivalBetterValue(_ rival: RivalOutcome.Entry, offering: Offering, segment: Segment, ours: RivalOutcome) -> AdviceWarning {
        let price = { (amount: Double) in formatNumber(amount, maxFractionDigits: 2) + " " + ours.currency }
        let index = { (value: Double) in formatNumber(value * 100, maxFractionDigits: 1) }
        return AdviceWarning(
            code: .rivalBetterValue,
            message: "\(rival.name) gives \(segment.name) more value than our recommended \(offering.name) "
                + "(\(index(rival.value)) against \(index(ours.valueRecommended)) on the 0–100 index) for less money "
                + "(\(price(rival.price)) against \(price(ours.priceRecommended)))",
            location: offering.location)
    }
}
