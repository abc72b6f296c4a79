/// The setting the balancer recommends, with its totals.
package struct BalanceSolution: Hashable, Sendable {
    /// Chosen option index per lever, same order as `problem.levers` (`-1` for a lever with no options).
    package var choice: [Int]
    /// fixedValue + Σ chosen option values (summed in lever order).
    package var value: Double
    /// |value − target| ≤ tolerance, decided on the balancer's fixed-point grid (see `Balancer`).
    package var held: Bool
    /// Number of levers whose chosen option is not their current one.
    package var movedCount: Int
    /// Σ chosen option moves.
    package var totalMove: Double
    /// Σ chosen option margins.
    package var margin: Double
    /// True when the search finished, so this is provably the best setting in the
    /// documented order; false when `BalanceLimits.maxSearchSteps` cut it short and this
    /// is the best setting found (still `held` only if it really holds).
    package var exhaustive: Bool

    package init(choice: [Int], value: Double, held: Bool, movedCount: Int, totalMove: Double, margin: Double,
                exhaustive: Bool = true) {
        self.choice = choice
        self.value = value
        self.held = held
        self.movedCount = movedCount
        self.totalMove = totalMove
        self.margin = margin
        self.exhaustive = exhaustive
    }

    /// Totals for `choice` on `problem`, summed in lever order.
    init(problem: BalanceProblem, choice: [Int], held: Bool, exhaustive: Bool) {
        var value = problem.fixedValue
        var moved = 0
        var move = 0.0
        var margin = 0.0
        for (lever, index) in zip(problem.levers, choice) where index >= 0 {
            let option = lever.options[index]
            value += option.value
            move += option.move
            margin += option.margin
            if index != BalanceSearch.clampedCurrent(lever) { moved += 1 }
        }
        self.init(choice: choice, value: value, held: held, movedCount: moved, totalMove: move, margin: margin,
                  exhaustive: exhaustive)
    }
}
