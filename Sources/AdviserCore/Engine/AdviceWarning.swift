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

    static func clamped(_ lever: Lever, by rule: Rule, asked: Double, using setting: Double, at location: SourceLocation) -> AdviceWarning {
        AdviceWarning(
            code: .clamped,
            message: "rule '\(rule.id)' asked for \(lever.name) \(formatNumber(asked)), outside "
                + "\(lever.display(lever.min))..\(lever.display(lever.max)); using \(lever.display(setting))",
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
}
