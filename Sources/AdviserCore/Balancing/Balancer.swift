/// Moves the flex levers, on their grids, so that perceived value lands within
/// `target ± tolerance`, changing the offering as little as possible.
///
/// ## What it returns
/// Perceived value is separable, V = fixedValue + Σ_l t_l(x_l). A setting (one option per
/// lever) *holds* when |V − target| ≤ tolerance + 1e-12. Among holding settings the balancer
/// picks, lexicographically: (1) fewest levers moved, (2) smallest Σ move, (3) largest
/// Σ margin, (4) the lexicographically smallest choice vector — so output is deterministic.
/// If the current setting holds it is returned. If nothing holds, it returns the setting
/// with the smallest |V − target|, ties broken by the same order, with `held == false`.
///
/// Comparisons are exact: value, move and margin are each put on an `Int64` fixed-point
/// grid (`FixedPointScale`: step 2^-40 ≈ 9.1e-13, coarser only if magnitudes would
/// overflow) before summing, so sums do not depend on the order terms are added in, and
/// equal moves (e.g. one grid step on two levers) really tie. The 1e-12 slack is rounded
/// up to whole steps (2 steps at 2^-40). Problems containing a non-finite number cannot be balanced: the current
/// setting is returned, unheld. A lever with no options gets `-1` in `choice`; an
/// out-of-range `current` is clamped.
///
/// ## How (and why it is fast)
/// Exact search on the grid (`QuantizedProblem`), exploiting separability rather than
/// enumerating m^n settings (n flex levers, m options each). `BalanceSearch` runs three
/// strategies in turn:
/// 1. The fast paths (`QuantizedProblem+FastPaths.swift`).
///    Current setting holds → done. Band outside the achievable range [Σ min, Σ max] →
///    infeasibility is proven, and the closest setting is the extreme one, lever by lever.
///    One move: a linear scan of all options, O(n·m). These cover most real cases with no
///    sorting at all.
/// 2. `FewestMovesSearch`.
///    For k = 2, 3, …: search settings with exactly k moved levers, stopping at the first k
///    that holds. A dynamic programme gives, for every suffix of levers and every r ≤ k,
///    the exact min/max value, min move and max margin with exactly r of them moved; a
///    depth-first search picks moved levers in order and their options in increasing move,
///    pruning when the suffix can no longer reach the band, when its move bound exceeds the
///    best found (breaking the move-sorted loop), and when the value gap to the band divided
///    by the remaining levers' best value-per-move rate does. The last moved lever is not
///    enumerated: a sparse table over its value-sorted options (`ValueRangeIndex`) answers
///    "best (move, −margin, index) with value in the residual band" in O(log m).
///    Worst case about C(n, k−1)·m^(k−1)·log m for the answer's k, far less with pruning
///    (measured figures in docs/performance.md).
/// 3. `ClosestSettingSearch`.
///    If no k holds (the band falls in a gap between achievable sums, which needs a
///    tolerance below half some lever's largest gap between adjacent values), an exact
///    branch and bound finds the closest setting, pruning on the distance the remaining
///    levers can still reach. It starts from a coordinate-descent incumbent and tries each
///    lever's options outwards from the value that would hit the target, so each direction
///    stops at the first hopeless option.
///
/// Worst case is exponential (the problem contains subset-sum): a tolerance far below the
/// grid's resolution on many levers (e.g. 0 on 8 × 100) cannot be settled quickly. Phases 2
/// and 3 therefore each have a deterministic step budget (`StepBudget`) of
/// `BalanceLimits.maxSearchSteps`; when it runs out the best setting found is returned with
/// `exhaustive == false`. So is an answer needing more than 256 moved levers (the
/// fewest-moves search recurses once per moved lever and stops there; the closest search,
/// iterative, then supplies the setting).
public struct Balancer: Sendable {
    public var limits: BalanceLimits

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
        let (choice, held, complete) = BalanceSearch.solve(problem, maxSteps: limits.maxSearchSteps)
        return BalanceSolution(problem: problem, choice: choice, held: held, exhaustive: complete)
    }
}
