/// What an advice warning is about: a stable, kebab-case code. Codes are API (scripts match on the
/// `code` of `advise --format json` and rule tests expect them by name), so every one is documented
/// in docs/json-output.md and none is renamed lightly.
public enum AdviceWarningCode: String, CaseIterable, Sendable, CustomStringConvertible {
    /// The scenario's `as_of` is older than `stale_after_days`.
    case staleScenario = "stale-scenario"
    /// Two rules with the same priority adjust one lever differently; the earlier one wins.
    case conflict
    /// A rule asked for a setting beyond the lever's bounds, or the segment's.
    case clamped
    /// A rule's change is so small that the grid takes it back to today's setting.
    case noChange = "no-change"
    /// A rule moves a lever further than its `max_move` allows in one review (the rule's setting stands).
    case beyondMoveLimit = "beyond-move-limit"
    /// A rule's adjustment relieves a protected, emphasized or talked-about driver less than today.
    case lowersProtectedDriver = "lowers-protected-driver"
    /// No setting of the free levers brings value within tolerance.
    case valueNotHeld = "value-not-held"
    /// A rule's condition could not be evaluated; the rule was skipped.
    case conditionError = "condition-error"
    /// The balancer stopped at its search budget; its setting is the best found, not proven best.
    case balanceIncomplete = "balance-incomplete"
    /// The free levers have more settings than the balancer searches; value was not balanced.
    case gridTooLarge = "grid-too-large"
    /// A rival gives the segment more value than our recommended offer, for less money.
    case rivalBetterValue = "rival-better-value"

    public var description: String { rawValue }
}
