// The exact search behind `Balancer`. Internal: pure values in, pure values out.

/// Runs the strategies in order on the problem's fixed-point form (`QuantizedProblem`):
/// `ObjectiveSearch` for the best holding setting; when nothing lies in the band, again over
/// everything above its lower edge, or, when nothing reaches that, over the settings as close as the
/// achievable range's nearest end. See `Balancer` for the order they decide by.
enum BalanceSearch {
    /// Absolute slack added to the tolerance, as a real number; at least one fixed-point step.
    static let epsilon = 1e-12

    static func clampedCurrent(_ lever: BalanceLever) -> Int {
        lever.options.isEmpty ? -1 : min(max(lever.current, 0), lever.options.count - 1)
    }

    /// Chosen option index per lever (in problem order), whether it holds, and whether the
    /// search ran to completion within `maxSteps` per phase.
    static func solve(_ problem: BalanceProblem, maxSteps: Int) -> (choice: [Int], held: Bool, complete: Bool) {
        var choice = problem.levers.map(clampedCurrent)
        guard let quantized = QuantizedProblem(problem) else { return (choice, false, true) }
        let (flexChoice, held, complete) = solve(quantized, objective: problem.objective, maxSteps: maxSteps)
        for (f, index) in quantized.problemIndex.enumerated() { choice[index] = flexChoice[f] }
        return (choice, held, complete)
    }

    /// The same, per flex lever.
    private static func solve(
        _ problem: QuantizedProblem, objective: BalanceObjective, maxSteps: Int
    ) -> (choice: [Int], held: Bool, complete: Bool) {
        let region = HoldRegion(problem.band, hold: objective.hold)
        // Every setting within `Balancer.closeness` of the closest counts as equally close.
        let slack = max(1, Int64((Balancer.closeness * problem.valueScale.factor).rounded()))
        if objective.order.first == .fewestLevers {
            if region.contains(problem.sum(problem.current)) { return (problem.current, true, true) }  // moves nothing
            // When some setting that moves one lever holds, the best of them is the answer.
            let levers = ObjectiveLevers(problem, order: objective.order)
            let current = (0..<problem.leverCount).map { problem.optionStart[$0] + problem.current[$0] }
            if let one = LocalSearch(levers: levers, candidates: CandidateOptions(levers), region: region).bestSingleMove(from: current) {
                return (levers.choice(one.position), true, true)
            }
        }
        let optionCounts = (0..<problem.leverCount).lazy.map { problem.optionStart[$0 + 1] - problem.optionStart[$0] }
        if ExhaustiveSearch.fits(optionCounts: optionCounts, limit: min(ExhaustiveSearch.maxSettings, maxSteps)) {
            let (choice, held) = ExhaustiveSearch.solve(problem, objective: objective, region: region, slack: slack)
            return (choice, held, true)
        }
        let sums = problem.valueRange()
        var complete = true
        if region.meets(least: sums.least, greatest: sums.greatest) {
            let search = ObjectiveSearch(levers: ObjectiveLevers(problem, order: objective.order), region: region, maxSteps: maxSteps)
            let (found, finished) = search.run()
            if let found { return (found, true, finished) }
            complete = finished
        }
        // Nothing holds (or the budget ran out before a holding setting was found). More value
        // than the band beats less: a client given more than today is still served, so among the
        // settings that reach the band's lower edge the objective decides as in at-least mode.
        if region.bounded && sums.greatest >= region.low {
            let search = ObjectiveSearch(
                levers: ObjectiveLevers(problem, order: objective.order),
                region: HoldRegion(low: region.low, high: Int64.max / 4, bounded: false), maxSteps: maxSteps)
            let (found, finished) = search.run()
            return (found ?? problem.current, false, complete && finished && found != nil)
        }
        // Nothing reaches it: the highest value, or the lowest when the whole range lies above
        // the band. Settings within `slack` of it count as equally close; among them the fewest
        // levers moved, then the objective's order.
        let order = [BalanceObjective.Criterion.fewestLevers] + objective.order.filter { $0 != .fewestLevers }
        let near = region.widened(by: region.distance(least: sums.least, greatest: sums.greatest) + slack)
        let search = ObjectiveSearch(levers: ObjectiveLevers(problem, order: order), region: near, maxSteps: maxSteps)
        let (found, finished) = search.run()
        return (found ?? problem.current, false, complete && finished && found != nil)
    }
}
