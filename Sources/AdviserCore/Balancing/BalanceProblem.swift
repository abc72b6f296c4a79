// The balancing problem, as pure values: no dependency on the rest of AdviserCore.

/// One setting on a lever's grid, with what it contributes.
package struct BalanceOption: Hashable, Sendable {
    /// This setting's contribution t_l(x) to perceived value (0…1 scale).
    package var value: Double
    /// |x − current| / (max − min): 0 for the current setting.
    package var move: Double
    /// This setting's contribution to margin per client (higher is better); 0 when no costs declared.
    package var margin: Double

    package init(value: Double, move: Double, margin: Double) {
        self.value = value
        self.move = move
        self.margin = margin
    }
}

/// A flex lever the balancer may move: every grid setting, and which one is current.
///
/// `current` should index `options`; an out-of-range `current` is clamped into range
/// (the balancer never traps on it). A lever with no options cannot be set at all: it
/// contributes nothing and its entry in `BalanceSolution.choice` is `-1`.
package struct BalanceLever: Hashable, Sendable {
    package var id: String
    package var options: [BalanceOption]
    package var current: Int

    package init(id: String, options: [BalanceOption], current: Int) {
        self.id = id
        self.options = options
        self.current = current
    }
}

/// What to balance: the flex levers, the value already fixed by the other levers, and
/// the band `target ± tolerance` that perceived value must land in.
package struct BalanceProblem: Hashable, Sendable {
    /// Flex levers only.
    package var levers: [BalanceLever]
    /// Contribution of all non-flex levers (already set).
    package var fixedValue: Double
    package var target: Double
    /// Half-width of the band; a negative tolerance is treated as 0.
    package var tolerance: Double
    /// Which settings hold value, and the order the balancer chooses among them in.
    package var objective: BalanceObjective

    package init(
        levers: [BalanceLever], fixedValue: Double, target: Double, tolerance: Double, objective: BalanceObjective = .standard
    ) {
        self.levers = levers
        self.fixedValue = fixedValue
        self.target = target
        self.tolerance = tolerance
        self.objective = objective
    }

    /// Total number of grid settings across all levers.
    package var gridPointCount: Int {
        levers.reduce(0) { $0 + $1.options.count }
    }
}

/// Bounds on the work a single `Balancer.solve` call accepts.
package struct BalanceLimits: Hashable, Sendable {
    /// Maximum total number of options across all levers; more throws `tooManyGridPoints`.
    package var maxGridPoints: Int
    /// Search steps allowed in each of the two search phases (holding setting with fewest
    /// moves; closest setting when nothing holds) before the best setting found so far is
    /// returned with `BalanceSolution.exhaustive == false`. Counted in steps, not time, so
    /// results stay deterministic. In the benchmark (8 levers × 100 steps) realistic bands
    /// (tolerance ≥ 1e-5) use under 1% of the default, and targets needing 6–8 moves at
    /// tolerance 2e-4 a few percent; it is reached by near-subset-sum instances such as
    /// tolerance 0 on large dense grids (about 0.1–0.15 s per phase in a release build).
    package var maxSearchSteps: Int

    package init(maxGridPoints: Int = 100_000, maxSearchSteps: Int = 5_000_000) {
        self.maxGridPoints = maxGridPoints
        self.maxSearchSteps = maxSearchSteps
    }
}

package enum BalanceError: Error, Hashable, Sendable {
    case tooManyGridPoints(count: Int, limit: Int)
}
