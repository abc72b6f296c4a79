/// What a search carries while it explores, whatever it optimizes: the setting being
/// explored, the best setting found so far, and the phase's step budget.
struct SearchState {
    /// Current option of each flex lever.
    let current: [Int]
    /// The setting being explored: levers before the search's depth are set, later ones
    /// current. A search puts a lever back to current when it leaves it.
    var path: [Int]
    var best = BestSetting()
    var budget: StepBudget

    init(_ problem: QuantizedProblem, maxSteps: Int) {
        current = problem.current
        path = problem.current
        budget = StepBudget(limit: maxSteps)
    }

    /// Offers `path`, with these totals, as a candidate for `best`.
    mutating func offerPath(distance: Int64, moved: Int64, move: Int64, margin: Int64) {
        best.offer(path, distance: distance, moved: moved, move: move, margin: margin)
    }
}
