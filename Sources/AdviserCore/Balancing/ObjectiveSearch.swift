// The exact search for the best holding setting under a `BalanceObjective`. Internal: pure values
// in, pure values out, on the balancer's fixed-point grid.

/// Levers on the fixed-point grid, as the objective search reads them: each option's value and its
/// cost under each criterion of the objective, most important first (margin enters negated, so
/// every criterion is minimized).
struct ObjectiveLevers {
    /// A problem's flex levers with their costs under `order`.
    init(_ problem: QuantizedProblem, order: [BalanceObjective.Criterion]) {
        let options = problem.options
        cost = order.map { criterion -> [Int64] in
            switch criterion {
            case .margin: return options.margin.map { -$0 }
            case .smallestMove: return options.move
            case .fewestLevers:
                var moved = [Int64](repeating: 1, count: options.value.count)
                for f in 0..<problem.leverCount { moved[problem.optionStart[f] + problem.current[f]] = 0 }
                return moved
            }
        }
        optionStart = problem.optionStart
        value = options.value
        current = problem.current
    }

    init(optionStart: [Int], value: [Int64], cost: [[Int64]], current: [Int]) {
        self.optionStart = optionStart
        self.value = value
        self.cost = cost
        self.current = current
    }

    /// Options of lever l are at `optionStart[l] ..< optionStart[l + 1]`, in grid order.
    let optionStart: [Int]
    let value: [Int64]
    /// `cost[k][p]`: option p's cost under criterion k of the order.
    let cost: [[Int64]]
    let current: [Int]

    var count: Int { current.count }
    func options(_ lever: Int) -> Range<Int> { optionStart[lever]..<optionStart[lever + 1] }
}

/// The best setting (one option per lever) whose summed value lies in `lo…hi`, lexicographically by
/// (cost₀, cost₁, cost₂) and then by the choice vector (lowest settings first, lever by lever).
///
/// A depth-first branch and bound, iterative so that no number of levers can exhaust a stack:
/// - levers are visited widest value range first, so infeasible branches die early;
/// - a branch is cut when the remaining levers can no longer bring the value into the band, or
///   when a bound on its best first criterion is worse than the best setting found. The bound is
///   Lagrangian: for any θ ≥ 0, Σ cost ≥ θ·(lo − partial value) + Σ_rest min_o (cost_o − θ·value_o),
///   (θ ≤ 0 with `hi`), a separable relaxation as tight as the linear programme's at the right θ.
///   A handful of θ around the root's best are kept, with their suffix sums, so a node costs a few
///   dozen multiply-adds. Floating-point slack is added before cutting, so no optimum is ever cut;
///   exact integer bounds on each criterion settle ties;
/// - each lever's options are tried in order of their reduced cost at the root's θ, so good
///   settings come first, and the first option whose bound fails ends the lever's loop (the bound
///   grows with the reduced cost);
/// - the last lever is not branched on: its options are scanned against the residual band.
struct ObjectiveSearch {
    let levers: ObjectiveLevers
    let region: HoldRegion
    let maxSteps: Int

    /// The chosen option per lever (indexes into each lever's options, grid order) and whether the
    /// search finished; nil choice: no setting lies in the band (proven when `complete`).
    func run() -> (choice: [Int]?, complete: Bool) {
        let n = levers.count
        if n == 0 { return (region.contains(0) ? [] : nil, true) }
        var state = ObjectiveSearchState(levers: levers, region: region)
        // Four steps a lever on top, so that one dive to a complete setting always fits.
        return state.search(maxSteps: maxSteps + 4 * n)
    }
}

/// Precomputed tables and the moving parts of one `ObjectiveSearch`.
private struct ObjectiveSearchState {
    let levers: ObjectiveLevers
    let lo: Int64, hi: Int64, hasUpperBound: Bool
    let criteria: Int
    /// Visiting order: depth → lever.
    let order: [Int]
    /// Per depth, the lever's options (absolute positions) in reduced-cost order.
    let tryOrder: [[Int]]
    /// Value range of the levers from depth i on (size n + 1).
    let suffixMinValue: [Int64], suffixMaxValue: [Int64]
    /// Per criterion, the sum of each lever's smallest cost from depth i on.
    let suffixMinCost: [[Int64]]
    let relaxation: LinearRelaxation

    // Search state.
    var choice: [Int]
    var best: (cost: [Int64], choice: [Int])?
    /// The last two levers, settled by lookup once the search has taken `pairsAfter` steps.
    var pairs: PairCompletion?
    /// Steps after which building `pairs` pays: small problems finish long before.
    static let pairsAfter = 1_000

    init(levers: ObjectiveLevers, region: HoldRegion) {
        self.levers = levers
        lo = region.low
        hi = region.high
        hasUpperBound = region.bounded
        criteria = levers.cost.count
        let n = levers.count
        var minValue = [Int64](repeating: 0, count: n), maxValue = [Int64](repeating: 0, count: n)
        for l in 0..<n {
            var a = Int64.max, b = Int64.min
            for p in levers.options(l) { a = min(a, levers.value[p]); b = max(b, levers.value[p]) }
            minValue[l] = a
            maxValue[l] = b
        }
        order = (0..<n).sorted { (maxValue[$0] - minValue[$0], $1) > (maxValue[$1] - minValue[$1], $0) }
        var suffixMin = [Int64](repeating: 0, count: n + 1), suffixMax = [Int64](repeating: 0, count: n + 1)
        var suffixCost = [[Int64]](repeating: [Int64](repeating: 0, count: n + 1), count: levers.cost.count)
        for depth in stride(from: n - 1, through: 0, by: -1) {
            let l = order[depth]
            suffixMin[depth] = suffixMin[depth + 1] + minValue[l]
            suffixMax[depth] = suffixMax[depth + 1] + maxValue[l]
            for k in levers.cost.indices {
                var smallest = Int64.max
                for p in levers.options(l) { smallest = min(smallest, levers.cost[k][p]) }
                suffixCost[k][depth] = suffixCost[k][depth + 1] + smallest
            }
        }
        suffixMinValue = suffixMin
        suffixMaxValue = suffixMax
        suffixMinCost = suffixCost
        relaxation = LinearRelaxation(levers: levers, order: order, lo: lo, hi: hi, hasUpperBound: hasUpperBound)
        let theta = relaxation.guide
        tryOrder = order.map { l in
            levers.options(l).sorted {
                let a = Double(levers.cost[0][$0]) - theta * Double(levers.value[$0])
                let b = Double(levers.cost[0][$1]) - theta * Double(levers.value[$1])
                return a != b ? a < b : $0 < $1
            }
        }
        choice = levers.current
    }

    mutating func search(maxSteps: Int) -> (choice: [Int]?, complete: Bool) {
        let n = levers.count
        let k = criteria
        // Per depth: the next position in its try order, and the partial sums before it.
        var next = [Int](repeating: 0, count: n)
        var partialValue = [Int64](repeating: 0, count: n + 1)
        var partialCost = [Int64](repeating: 0, count: (n + 1) * k)
        var steps = 0
        var depth = 0
        var complete = true
        while depth >= 0 {
            steps += 1
            if steps > maxSteps {
                complete = false
                break
            }
            if steps == Self.pairsAfter && n >= 3 {
                let a = order[n - 2], b = order[n - 1]
                if levers.options(a).count * levers.options(b).count <= PairCompletion.maxCombinations {
                    pairs = PairCompletion(levers: levers, first: a, second: b)
                }
            }
            let l = order[depth]
            if depth == n - 2, let pairs {
                finishPair(pairs, value: partialValue[depth], cost: partialCost, at: depth * k)
                depth -= 1
                continue
            }
            if depth == n - 1 {
                finishLast(lever: l, value: partialValue[depth], cost: partialCost, at: depth * k)
                depth -= 1
                continue
            }
            var descended = false
            let options = tryOrder[depth]
            while next[depth] < options.count {
                let p = options[next[depth]]
                next[depth] += 1
                let v = partialValue[depth] + levers.value[p]
                guard v + suffixMaxValue[depth + 1] >= lo, !hasUpperBound || v + suffixMinValue[depth + 1] <= hi else { continue }
                let c0 = partialCost[depth * k] + levers.cost[0][p]
                if let best {
                    switch relaxation.verdict(cost: c0, value: v, depth: depth + 1, against: best.cost[0]) {
                    case .cutRest: next[depth] = options.count; continue
                    case .cut: continue
                    case .keep: break
                    }
                    if exactlyWorse(depth: depth, option: p, partialCost: partialCost, than: best.cost) { continue }
                }
                choice[l] = p - levers.optionStart[l]
                partialValue[depth + 1] = v
                for c in 0..<k { partialCost[(depth + 1) * k + c] = partialCost[depth * k + c] + levers.cost[c][p] }
                next[depth + 1] = 0
                depth += 1
                descended = true
                break
            }
            if !descended { depth -= 1 }
        }
        return (best?.choice, complete)
    }

    /// Whether exact per-criterion bounds show every completion of this branch loses to `best`.
    private func exactlyWorse(depth: Int, option p: Int, partialCost: [Int64], than best: [Int64]) -> Bool {
        for c in 0..<criteria {
            let bound = partialCost[depth * criteria + c] + levers.cost[c][p] + suffixMinCost[c][depth + 1]
            if bound != best[c] { return bound > best[c] }
        }
        return false  // could tie on every criterion: the choice vector decides at the leaf
    }

    /// The last two levers, by lookup: the best combination that lands the sum in the band.
    private mutating func finishPair(_ pairs: PairCompletion, value: Int64, cost: [Int64], at base: Int) {
        let high = hasUpperBound ? hi - value : Int64.max
        guard let entry = pairs.best(from: lo - value, to: high) else { return }
        var key = [Int64](repeating: 0, count: criteria)
        for c in 0..<criteria { key[c] = cost[base + c] + pairs.cost[c][entry] }
        choice[pairs.first] = Int(pairs.optionOfFirst[entry]) - levers.optionStart[pairs.first]
        choice[pairs.second] = Int(pairs.optionOfSecond[entry]) - levers.optionStart[pairs.second]
        if let best {
            if key != best.cost {
                if !key.lexicographicallyPrecedes(best.cost) { return }
            } else if !choice.lexicographicallyPrecedes(best.choice) {
                return
            }
        }
        best = (key, choice)
    }

    /// The last lever: every option whose value lands the sum in the band is a complete setting.
    private mutating func finishLast(lever l: Int, value: Int64, cost: [Int64], at base: Int) {
        for p in levers.options(l) {
            let v = value + levers.value[p]
            guard v >= lo, !hasUpperBound || v <= hi else { continue }
            var key = [Int64](repeating: 0, count: criteria)
            for c in 0..<criteria { key[c] = cost[base + c] + levers.cost[c][p] }
            choice[l] = p - levers.optionStart[l]
            if let best {
                if key != best.cost {
                    if !key.lexicographicallyPrecedes(best.cost) { continue }
                } else if !choice.lexicographicallyPrecedes(best.choice) {
                    continue
                }
            }
            best = (key, choice)
        }
    }
}
