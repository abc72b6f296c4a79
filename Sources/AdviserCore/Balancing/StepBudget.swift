/// The work one search phase may do, counted in steps rather than time so that where a
/// search is cut short (and so its answer) is deterministic. See `BalanceLimits.maxSearchSteps`.
struct StepBudget {
    /// Steps allowed; at least 1.
    private(set) var limit: Int
    private(set) var used = 0
    /// Set once more than `limit` steps were asked for: the phase must stop, and its answer
    /// is the best found so far, not proven best.
    private(set) var exhausted = false

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Counts one search step; false (and `exhausted`) once the budget is spent.
    @inline(__always) mutating func step() -> Bool {
        charge(1)
    }

    /// Counts `cost` steps at once (work outside the search loops, such as building tables);
    /// false (and `exhausted`) once the budget is spent.
    @inline(__always) mutating func charge(_ cost: Int) -> Bool {
        used &+= cost
        if used > limit { exhausted = true }
        return !exhausted
    }

    /// Steps left.
    var remaining: Int { max(0, limit - used) }

    /// This budget, with at most `extra` more steps to spend.
    func capped(at extra: Int) -> StepBudget {
        var capped = self
        capped.limit = min(limit, used + extra)
        return capped
    }

    /// Gives up the phase for a reason other than steps (its answer is not proven best).
    mutating func exhaust() {
        exhausted = true
    }
}
