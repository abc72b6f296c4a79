// The exact search behind `Balancer`. Internal: pure values in, pure values out.

/// Runs the strategies in order on the problem's fixed-point form (`QuantizedProblem`):
/// the fast paths (`QuantizedProblem+FastPaths.swift`), then `FewestMovesSearch`, then
/// `ClosestSettingSearch` when nothing holds. See `Balancer` for the order they decide by.
enum BalanceSearch {
    /// Absolute slack added to the tolerance, as a real number; at least one fixed-point step.
    static let epsilon = 1e-12

    static func clampedCurrent(_ lever: BalanceLever) -> Int {
        lever.options.isEmpty ? -1 : min(max(lever.current, 0), lever.options.count - 1)
    }

    /// Chosen option index per lever (in problem order), whether the band is held, and
    /// whether the search ran to completion within `maxSteps` per phase.
    static func solve(_ problem: BalanceProblem, maxSteps: Int) -> (choice: [Int], held: Bool, complete: Bool) {
        var choice = problem.levers.map(clampedCurrent)
        guard let quantized = QuantizedProblem(problem) else { return (choice, false, true) }
        let (flexChoice, held, complete) = solve(quantized, maxSteps: maxSteps)
        for (f, index) in quantized.problemIndex.enumerated() { choice[index] = flexChoice[f] }
        return (choice, held, complete)
    }

    /// The same, per flex lever.
    private static func solve(_ problem: QuantizedProblem, maxSteps: Int) -> (choice: [Int], held: Bool, complete: Bool) {
        let band = problem.band
        if problem.leverCount == 0 { return ([], band.contains(0), true) }
        // 0 moved: the current setting.
        let sums = problem.valueRange()
        if band.contains(sums.current) { return (problem.current, true, true) }
        if band.high < sums.least || band.low > sums.greatest {
            return (problem.extremeSetting(lowest: band.high < sums.least), false, true)
        }
        if let single = problem.bestSingleMove(currentSum: sums.current) { return (single, true, true) }
        if problem.leverCount == 1 { return ClosestSettingSearch(problem, maxSteps: maxSteps).run() }
        var fewestMoves = FewestMovesSearch(problem, maxSteps: maxSteps)
        let (holding, complete) = fewestMoves.run(fromMoves: 2)
        if let holding { return (holding, true, complete) }
        // Nothing holds although the band is within range (or the budget ran out before
        // finding out): the closest setting, with a budget of its own.
        let closest = ClosestSettingSearch(problem, maxSteps: maxSteps).run()
        return (closest.choice, closest.held, complete && closest.complete)
    }
}
