/// Moves the flex levers, on their grids, so that perceived value holds, choosing among the
/// settings that hold it by the problem's `BalanceObjective`.
///
/// ## What it returns
/// Perceived value is separable, V = fixedValue + Σ_l t_l(x_l). A setting (one option per lever)
/// *holds* when V lies in the hold region: `|V − target| ≤ tolerance` in `band` mode,
/// `V ≥ target − tolerance` in `at-least` mode (with 1e-12 of slack).
/// - Among holding settings the balancer picks, lexicographically, by the objective's order — by
///   default (1) the largest Σ margin, (2) the fewest levers moved, (3) the smallest Σ move — and
///   then (4) the lexicographically smallest choice vector (lowest settings first, lever by
///   lever), so output is deterministic.
/// - If nothing holds, it finds the smallest distance D from V to the hold region; every setting
///   whose distance is at most D + `closeness` counts as equally close, and among those it picks
///   (1) the fewest levers moved, then the rest of the objective's order, then (4). So floating-
///   point noise can never make it move two levers when moving none is as close.
///   `held` is then false.
///
/// Comparisons are exact: value, move and margin are each put on an `Int64` fixed-point grid
/// (step 2^-40 ≈ 9.1e-13, coarser only if magnitudes would overflow) before summing, so sums do
/// not depend on the order terms are added in, and equal moves really tie. The 1e-12 slack is
/// rounded up to whole steps. Problems containing a non-finite number cannot be balanced: the
/// current setting is returned, unheld. A lever with no options gets `-1` in `choice`; an
/// out-of-range `current` is clamped.
///
/// ## How
/// `ObjectiveSearch`: an exact depth-first branch and bound over the levers, cutting branches
/// that can no longer reach the hold region and branches whose Lagrangian bound on the first
/// criterion (the linear relaxation's, at a few multipliers) is worse than the best setting found;
/// exact per-criterion bounds settle ties. When nothing holds, the closest distance comes from the
/// range of achievable sums or, for a band that falls in a gap between them, from `BalanceSearch`'s
/// closest-setting search; the same branch and bound then runs on the region widened by it.
///
/// Worst case is exponential (the problem contains subset-sum); each phase therefore has a
/// deterministic step budget, `BalanceLimits.maxSearchSteps`; when it runs out the best setting
/// found is returned with `exhaustive == false`.
public struct Balancer: Sendable {
    public var limits: BalanceLimits

    /// How close to the closest achievable value a setting must be to count as equally close when
    /// nothing holds (on the 0…1 value scale: a billionth of the index).
    public static let closeness = 1e-9

    public init(limits: BalanceLimits = .init()) {
        self.limits = limits
    }

    /// The best setting for `problem` (see the type's documentation for the exact order).
    /// - Throws: `BalanceError.tooManyGridPoints` when the levers have more options in
    ///   total than `limits.maxGridPoints`.
    public func solve(_ problem: BalanceProblem) throws(BalanceError) -> BalanceSolution {
        let count = problem.gridPointCount
        guard count <= limits.maxGridPoints else {
            throw .tooManyGridPoints(count: count, limit: limits.maxGridPoints)
        }
        let current = problem.levers.map(BalanceSearch.clampedCurrent)
        guard let grid = QuantizedBalance(problem) else {
            return BalanceSolution(problem: problem, choice: current, held: false, exhaustive: true)
        }
        let order = problem.objective.order
        var complete = true
        let reachable = grid.highest >= grid.lo && (!grid.hasUpperBound || grid.lowest <= grid.hi)
        if reachable {
            let search = ObjectiveSearch(
                levers: grid.levers(order: order), lo: grid.lo, hi: grid.hi, hasUpperBound: grid.hasUpperBound,
                maxSteps: limits.maxSearchSteps)
            let (found, finished) = search.run()
            if let found {
                return BalanceSolution(problem: problem, choice: expand(found, grid, current), held: true, exhaustive: finished)
            }
            complete = finished
        }
        // Nothing holds (or the budget ran out before one was found): how close can value come?
        let nearest: Int64
        if grid.highest < grid.lo {
            nearest = grid.lo - grid.highest
        } else if grid.hasUpperBound && grid.lowest > grid.hi {
            nearest = grid.lowest - grid.hi
        } else {
            let closest = BalanceSearch.solve(problem, maxSteps: limits.maxSearchSteps)
            complete = complete && closest.complete
            nearest = grid.distance(grid.sum(closest.choice))
            if !complete || nearest == 0 {
                // The budget ran out: the closest setting found, unproven.
                return BalanceSolution(problem: problem, choice: closest.choice, held: nearest == 0, exhaustive: false)
            }
        }
        let slack = max(1, Int64((Self.closeness * grid.valueScale.factor).rounded()))
        let widened = nearest + slack
        let tieOrder = [BalanceObjective.Criterion.fewestLevers] + order.filter { $0 != .fewestLevers }
        let search = ObjectiveSearch(
            levers: grid.levers(order: tieOrder), lo: grid.lo - widened,
            hi: grid.hasUpperBound ? grid.hi + widened : grid.hi, hasUpperBound: grid.hasUpperBound,
            maxSteps: limits.maxSearchSteps)
        let (found, finished) = search.run()
        let choice = found.map { expand($0, grid, current) } ?? current
        return BalanceSolution(problem: problem, choice: choice, held: false, exhaustive: complete && finished && found != nil)
    }

    /// A choice of the kept levers as a choice of every lever of the problem.
    private func expand(_ kept: [Int], _ grid: QuantizedBalance, _ current: [Int]) -> [Int] {
        var choice = current
        for (position, lever) in grid.kept.enumerated() { choice[lever] = kept[position] }
        return choice
    }
}
