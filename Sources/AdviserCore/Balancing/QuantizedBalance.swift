// A `BalanceProblem` on the fixed-point grid, as the objective search reads it.

/// The problem's value, margin and move of every option on `Int64` fixed-point grids (see
/// `FixedPointScale`), reduced to the levers with a choice (two or more options; a lever with one
/// is folded into the fixed value), with the hold region as a range of the kept levers' summed value.
struct QuantizedBalance {
    /// Problem lever index of each kept lever.
    let kept: [Int]
    let current: [Int]
    /// Options of kept lever l are at `optionStart[l] ..< optionStart[l + 1]`, in grid order.
    let optionStart: [Int]
    let value: [Int64], margin: [Int64], move: [Int64]
    /// The hold region for the kept levers' summed value: `lo…hi`, or `lo…` in at-least mode.
    let lo: Int64, hi: Int64
    let hasUpperBound: Bool
    /// The smallest and largest sums the kept levers can reach.
    let lowest: Int64, highest: Int64
    /// One fixed-point step of value, in value units (for turning slack into steps).
    let valueScale: FixedPointScale

    /// nil when the problem has a non-finite number (it cannot be balanced).
    init?(_ problem: BalanceProblem) {
        let tolerance = max(0, problem.tolerance)
        guard problem.fixedValue.isFinite, problem.target.isFinite, tolerance.isFinite else { return nil }
        var boundV = abs(problem.fixedValue) + abs(problem.target) + tolerance + BalanceSearch.epsilon
        var boundM = 0.0, boundG = 0.0
        for lever in problem.levers {
            var mv = 0.0, mm = 0.0, mg = 0.0
            for o in lever.options {
                guard o.value.isFinite, o.move.isFinite, o.margin.isFinite else { return nil }
                mv = max(mv, abs(o.value)); mm = max(mm, abs(o.move)); mg = max(mg, abs(o.margin))
            }
            boundV += mv; boundM += mm; boundG += mg
        }
        guard boundV.isFinite, boundM.isFinite, boundG.isFinite else { return nil }
        let qV = FixedPointScale(bound: boundV), qM = FixedPointScale(bound: boundM), qG = FixedPointScale(bound: boundG)
        var fixed = qV(problem.fixedValue)
        var kept: [Int] = [], current: [Int] = [], optionStart = [0]
        var value: [Int64] = [], margin: [Int64] = [], move: [Int64] = []
        var lowest: Int64 = 0, highest: Int64 = 0
        for (l, lever) in problem.levers.enumerated() {
            if lever.options.count >= 2 {
                kept.append(l)
                current.append(BalanceSearch.clampedCurrent(lever))
                var a = Int64.max, b = Int64.min
                for o in lever.options {
                    let v = qV(o.value)
                    value.append(v); margin.append(qG(o.margin)); move.append(qM(o.move))
                    a = min(a, v); b = max(b, v)
                }
                lowest += a; highest += b
                optionStart.append(value.count)
            } else if let only = lever.options.first {
                fixed += qV(only.value)
            }
        }
        let target = qV(problem.target)
        let band = qV(tolerance) + max(1, Int64((BalanceSearch.epsilon * qV.factor).rounded(.up)))
        lo = target - band - fixed
        hasUpperBound = problem.objective.hold == .band
        hi = hasUpperBound ? target + band - fixed : Int64.max / 4
        self.kept = kept
        self.current = current
        self.optionStart = optionStart
        self.value = value
        self.margin = margin
        self.move = move
        self.lowest = lowest
        self.highest = highest
        valueScale = qV
    }

    /// The levers with each option's cost under the given criteria, most important first.
    func levers(order: [BalanceObjective.Criterion]) -> ObjectiveLevers {
        let costs = order.map { criterion -> [Int64] in
            switch criterion {
            case .margin: return margin.map { -$0 }
            case .smallestMove: return move
            case .fewestLevers:
                var moved = [Int64](repeating: 1, count: value.count)
                for l in kept.indices { moved[optionStart[l] + current[l]] = 0 }
                return moved
            }
        }
        return ObjectiveLevers(optionStart: optionStart, value: value, cost: costs, current: current)
    }

    /// How far a sum of the kept levers' values lies outside the hold region (0 inside it).
    func distance(_ sum: Int64) -> Int64 {
        if sum < lo { return lo - sum }
        if hasUpperBound && sum > hi { return sum - hi }
        return 0
    }

    /// The kept levers' summed value for a choice of the whole problem.
    func sum(_ choice: [Int]) -> Int64 {
        kept.indices.reduce(0) { $0 + value[optionStart[$1] + choice[kept[$1]]] }
    }
}
