// The exact search for the best holding setting under a `BalanceObjective`. Internal: pure values
// in, pure values out, on the balancer's fixed-point grid.

/// The best setting (one option per lever) whose summed value lies in the region, lexicographically
/// by (cost₀, cost₁, cost₂) and then by the choice vector (lowest settings first, lever by lever).
///
/// 1. Options that cannot be part of the answer go first (`CandidateOptions`): those that cannot
///    land the sum in the region whatever the other levers take, and those another option of the
///    same lever beats in every setting.
/// 2. The linear relaxation of the first criterion (`LinearRelaxation`) is solved and its solution
///    rounded, then improved by `LocalSearch`: a good setting before any branching.
/// 3. Reduced-cost fixing: every setting costs at least the Lagrangian bound plus the reduced costs
///    of its options, so an option whose reduced cost alone exceeds the gap between that bound
///    and the setting found can be in no setting as good; such options go, and step 1's first
///    reduction runs again.
/// 4. `BranchAndBound` searches what is left, from the setting found.
///
/// Whenever the candidates left make few settings (`ExhaustiveSearch.maxSettings`), every one is
/// looked at instead of going on: cheaper than building what the next step needs.
struct ObjectiveSearch {
    let levers: ObjectiveLevers
    let region: HoldRegion
    let maxSteps: Int
    /// Where the search changes strategy; tests lower them to reach every strategy on problems
    /// small enough to check against enumeration.
    var thresholds = Thresholds()

    struct Thresholds {
        /// Candidates making at most this many settings are enumerated.
        var enumerateUpTo = ExhaustiveSearch.maxSettings
        /// Steps of branch and bound after which a search counts as hard (see `run`).
        var probeSteps = 2_000
        /// Whether `BranchAndBound` builds its pair table as soon as it reaches the last two levers.
        var pairTableAtOnce = false
    }

    /// The chosen option per lever (indexes into each lever's options, grid order) and whether the
    /// search finished; nil choice: no setting lies in the region (proven when `complete`).
    func run() -> (choice: [Int]?, complete: Bool) {
        let n = levers.count
        if n == 0 { return (region.contains(0) ? [] : nil, true) }
        var budget = StepBudget(limit: maxSteps)
        var candidates = CandidateOptions(levers)
        _ = budget.charge(candidates.count)
        guard candidates.dropUnreachable(levers, region: region) else { return (nil, true) }
        candidates.dropDominated(levers, bounded: region.bounded)
        if let answer = enumerated(candidates, from: nil, budget: &budget) { return answer }

        let root = LinearRelaxation(
            levers: levers, candidates: candidates, criterion: 0, order: Array(0..<n), region: region, everyDepth: false)
        _ = budget.charge(candidates.count + root.tableSize)
        let limit = max(0, min(budget.remaining, maxSteps / 4))
        let local = LocalSearch(levers: levers, candidates: candidates, region: region)
            .run(from: root.rounded, limit: limit, pairs: false)
        _ = budget.charge(local.steps)
        let incumbent = local.setting
        if let found = incumbent {
            fix(&candidates, below: found, root)
            if let answer = enumerated(candidates, from: found, budget: &budget) { return answer }
        }
        // Most problems end within a short search. The others are worth a better setting to prune
        // with, from costlier heuristics that see past the relaxation's hull.
        var probe = BranchAndBound(levers: levers, candidates: candidates, region: region, best: incumbent,
                                   budget: budget.capped(at: thresholds.probeSteps), pairTableAtOnce: thresholds.pairTableAtOnce)
        let finished = probe.run()
        _ = budget.charge(probe.budget.used - budget.used)
        if finished || budget.exhausted { return (probe.best.map { levers.choice($0.position) }, finished) }
        var best = probe.best
        let programme = BucketedProgramme(levers: levers, candidates: candidates, region: region)
        if programme.steps() < min(budget.remaining, maxSteps / 8) {
            _ = budget.charge(programme.steps())
            best = Self.better(programme.run(), best)
        }
        let paired = LocalSearch(levers: levers, candidates: candidates, region: region)
            .run(from: best?.position ?? root.rounded, limit: max(0, min(budget.remaining, maxSteps / 8)), pairs: true)
        _ = budget.charge(paired.steps)
        best = Self.better(paired.setting, best)
        if let best {
            fix(&candidates, below: best, root)
            if let answer = enumerated(candidates, from: best, budget: &budget) { return answer }
        }
        var search = BranchAndBound(levers: levers, candidates: candidates, region: region, best: best, budget: budget,
                                    pairTableAtOnce: thresholds.pairTableAtOnce)
        let complete = search.run()
        return (search.best.map { levers.choice($0.position) }, complete)
    }

    private static func better(_ a: ScoredSetting?, _ b: ScoredSetting?) -> ScoredSetting? {
        guard let a, let b else { return a ?? b }
        return a.precedes(b) ? a : b
    }

    /// Reduced-cost fixing against `incumbent`: drops every option no setting as good can take.
    private func fix(_ candidates: inout CandidateOptions, below incumbent: ScoredSetting, _ root: LinearRelaxation) {
        let gap = Double(incumbent.cost[0]) - root.lagrangianBound + root.slack
        _ = candidates.filter { l, p in root.reducedCost(cost: levers.cost[0][p], value: levers.value[p], depth: l) <= gap }
        _ = candidates.dropUnreachable(levers, region: region)  // the incumbent's options stay
    }

    /// The answer by looking at every setting of the candidates, when they make few enough.
    private func enumerated(_ candidates: CandidateOptions, from incumbent: ScoredSetting?, budget: inout StepBudget)
        -> (choice: [Int]?, complete: Bool)?
    {
        let counts = (0..<candidates.leverCount).lazy.map { candidates.size($0) }
        let limit = min(thresholds.enumerateUpTo, budget.remaining)
        guard ExhaustiveSearch.fits(optionCounts: counts, limit: limit) else { return nil }
        _ = budget.charge(counts.reduce(1, *))
        let found = ExhaustiveSearch(levers: levers, candidates: candidates).best(in: region, from: incumbent).setting
        return (found.map { levers.choice($0.position) }, true)
    }
}
