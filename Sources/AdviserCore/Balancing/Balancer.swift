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
/// - If nothing lies in the band (band mode) but some setting reaches its lower edge, more value
///   beats less: the client is still served, so the balancer picks among the settings above the
///   lower edge exactly as in at-least mode (by the objective's order, then (4)), with
///   `held == false` (not in the band).
/// - If no setting reaches the lower edge (or, in band mode, the whole achievable range lies above
///   the band), it finds the achievable value nearest the region — the highest, or the lowest — and
///   every setting within `closeness` of it counts as equally close; among those it picks (1) the
///   fewest levers moved, then the rest of the objective's order, then (4). So floating-point
///   noise can never make it move two levers when moving none is as close. `held` is then false.
///
/// Comparisons are exact: value, move and margin are each put on an `Int64` fixed-point grid
/// (step 2^-40 ≈ 9.1e-13, coarser only if magnitudes would overflow) before summing, so sums do
/// not depend on the order terms are added in, and equal moves really tie. The 1e-12 slack is
/// rounded up to whole steps. Problems containing a non-finite number cannot be balanced: the
/// current setting is returned, unheld. A lever with no options gets `-1` in `choice`; an
/// out-of-range `current` is clamped.
///
/// ## How
/// `BalanceSearch` runs the strategies on the problem's fixed-point form (`QuantizedProblem`):
/// `ObjectiveSearch`, an exact depth-first branch and bound over the levers, cuts branches that
/// can no longer reach the hold region (`HoldRegion`) and branches whose bound on the first
/// criterion (`LinearRelaxation`, the linear programme's, by a binary search per branch) is worse
/// than the best setting found; exact per-criterion bounds settle ties, and once a problem proves
/// large the last two levers are settled by one lookup (`PairCompletion`). When nothing holds,
/// `ObjectiveSearch` with value itself as the cost finds the least value above the band (or the
/// range's end gives the nearest value below it), and runs again on the settings that close.
///
/// Worst case is exponential (the problem contains subset-sum); each phase therefore has a
/// deterministic step budget, `BalanceLimits.maxSearchSteps`; when it runs out the best setting
/// found is returned with `exhaustive == false`.
package struct Balancer: Sendable {
    package var limits: BalanceLimits

    /// How close to the closest achievable value a setting must be to count as equally close when
    /// nothing holds (on the 0…1 value scale: a billionth of the index).
    package static let closeness = 1e-9

    package init(limits: BalanceLimits = .init()) {
        self.limits = limits
    }

    /// The best setting for `problem` (see the type's documentation for the exact order).
    /// - Throws: `BalanceError.tooManyGridPoints` when the levers have more options in
    ///   total than `limits.maxGridPoints`.
    package func solve(_ problem: BalanceProblem) throws(BalanceError) -> BalanceSolution {
        let count = problem.gridPointCount
        guard count <= limits.maxGridPoints else {
            throw .tooManyGridPoints(count: count, limit: limits.maxGridPoints)
        }
        let (choice, held, complete) = BalanceSearch.solve(problem, maxSteps: limits.maxSearchSteps)
        return BalanceSolution(problem: problem, choice: choice, held: held, exhaustive: complete)
    }
}
