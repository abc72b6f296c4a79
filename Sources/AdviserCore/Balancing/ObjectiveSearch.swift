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
/// Steps 2 and 3 are skipped when the problem has few settings, where they cost more than they save.
struct ObjectiveSearch {
    let levers: ObjectiveLevers
    let region: HoldRegion
    let maxSteps: Int

    /// Settings below which the branch and bound starts without an incumbent.
    static let smallProblem = 256

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

        var incumbent: ScoredSetting?
        if settingCount(candidates, atLeast: Self.smallProblem) {
            let root = LinearRelaxation(levers: levers, candidates: candidates, criterion: 0, order: Array(0..<n), region: region)
            _ = budget.charge(candidates.count)
            let limit = max(0, min(budget.limit - budget.used, maxSteps / 4))
            let local = LocalSearch(levers: levers, candidates: candidates, region: region).run(from: root.rounded, limit: limit)
            incumbent = local.setting
            _ = budget.charge(local.steps)
            if let incumbent {
                let gap = Double(incumbent.cost[0]) - root.lagrangianBound + root.slack
                var lever = 0
                _ = candidates.filter { p in
                    while p >= levers.optionStart[lever + 1] { lever += 1 }
                    return root.reducedCost(cost: levers.cost[0][p], value: levers.value[p], depth: lever) <= gap
                }
                _ = candidates.dropUnreachable(levers, region: region)  // the incumbent's options stay
            }
        }
        var search = BranchAndBound(levers: levers, candidates: candidates, region: region, best: incumbent, budget: budget)
        let complete = search.run()
        guard let best = search.best else { return (nil, complete) }
        return ((0..<n).map { best.position[$0] - levers.optionStart[$0] }, complete)
    }

    /// Whether the candidates make at least `count` settings.
    private func settingCount(_ candidates: CandidateOptions, atLeast count: Int) -> Bool {
        var product = 1
        for l in 0..<candidates.leverCount {
            product *= candidates.size(l)
            if product >= count { return true }
        }
        return false
    }
}
