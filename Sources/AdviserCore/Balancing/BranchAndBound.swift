/// The exact part of `ObjectiveSearch`: a depth-first branch and bound over the levers with two or
/// more candidate options, iterative so that no number of levers can exhaust a stack.
///
/// - Levers are visited fewest candidates first (then widest value range), so the two largest are
///   left for the end, where `PairCompletion` settles them by one lookup once the search has spent
///   as many steps on them as building it costs.
/// - A branch is cut when the remaining levers can no longer bring the value into the region, or
///   when it cannot beat the best setting found: criterion by criterion, a lower bound is the
///   larger of the exact sum of each remaining lever's cheapest option and the linear relaxation
///   (rounded up to the grid); a bound above the best's cost cuts, one below keeps, and only an
///   exact tie looks at the next criterion. The first criterion's relaxation is built up front,
///   the others when a tie first needs them.
/// - Each lever's options are tried in order of their reduced cost, so good settings come first,
///   and the first option whose Lagrangian bound fails ends the lever's loop.
/// - The last lever is not branched on: its options that land the sum in the region form a range
///   of its value-sorted candidates (in at-least mode, the first of them is the best).
struct BranchAndBound {
    private let levers: ObjectiveLevers
    private let candidates: CandidateOptions
    private let region: HoldRegion
    private let criteria: Int
    /// Visiting order: depth → lever, levers with a single candidate left out.
    private let order: [Int]
    /// Per depth, its lever's candidates (positions) in the order they are tried.
    private let tryStart: [Int], tryOrder: [Int]
    /// Value range of the levers from depth i on (n + 1 entries).
    private let suffixMinValue: [Int64], suffixMaxValue: [Int64]
    /// `suffixMinCost[k * (n + 1) + i]`: Σ over the levers from depth i on of their cheapest cost
    /// under criterion k.
    private let suffixMinCost: [Int64]
    /// The first criterion's relaxation over the levers in visiting order (nil for small searches).
    private let relaxation: LinearRelaxation?
    /// Per later criterion (index k − 1), its relaxation, once a tie needs it.
    private var laterRelaxations: [LinearRelaxation?]
    /// Value and costs of the levers with one candidate.
    private let fixedValue: Int64, fixedCost: [Int64]

    private var position: [Int]
    /// The totals of the setting a leaf completes.
    private var total: [Int64]
    private(set) var best: ScoredSetting?
    private(set) var budget: StepBudget
    private var pairs: PairCompletion?
    /// Steps spent on the last two levers: when they reach what building `pairs` costs, it is built.
    private var leafSteps = 0
    private let pairTableAtOnce: Bool

    /// - Parameter pairTableAtOnce: build the pair table as soon as the search reaches the last two
    ///   levers, not once it has spent on them what building costs.
    init(levers: ObjectiveLevers, candidates: CandidateOptions, region: HoldRegion, best: ScoredSetting?, budget: StepBudget,
         pairTableAtOnce: Bool = false) {
        self.levers = levers
        self.candidates = candidates
        self.region = region
        self.best = best
        self.budget = budget
        self.pairTableAtOnce = pairTableAtOnce
        criteria = levers.criteria
        let n = levers.count
        var position = [Int](repeating: 0, count: n)
        var fixedValue: Int64 = 0, fixedCost = [Int64](repeating: 0, count: criteria)
        var free: [Int] = []
        for l in 0..<n {
            if candidates.size(l) == 1 {
                let p = candidates.position[candidates.start[l]]
                position[l] = p
                fixedValue += levers.value[p]
                for k in 0..<criteria { fixedCost[k] += levers.cost[k][p] }
            } else {
                free.append(l)
            }
        }
        let spread = { (l: Int) -> Int64 in
            levers.value[candidates.position[candidates.start[l + 1] - 1]] - levers.value[candidates.position[candidates.start[l]]]
        }
        order = free.sorted { a, b in
            let (wa, wb) = (spread(a), spread(b))
            return wa != wb ? wa > wb : a < b
        }
        let depthCount = order.count
        self.position = position
        total = fixedCost
        self.fixedValue = fixedValue
        self.fixedCost = fixedCost

        var suffixMin = [Int64](repeating: 0, count: depthCount + 1), suffixMax = suffixMin
        var suffixCost = [Int64](repeating: 0, count: criteria * (depthCount + 1))
        for depth in stride(from: depthCount - 1, through: 0, by: -1) {
            let range = candidates.range(order[depth])
            suffixMin[depth] = suffixMin[depth + 1] + levers.value[candidates.position[range.lowerBound]]
            suffixMax[depth] = suffixMax[depth + 1] + levers.value[candidates.position[range.upperBound - 1]]
            for k in 0..<criteria {
                var least = Int64.max
                for i in range { least = min(least, levers.cost[k][candidates.position[i]]) }
                suffixCost[k * (depthCount + 1) + depth] = suffixCost[k * (depthCount + 1) + depth + 1] + least
            }
        }
        suffixMinValue = suffixMin
        suffixMaxValue = suffixMax
        suffixMinCost = suffixCost

        laterRelaxations = [LinearRelaxation?](repeating: nil, count: max(0, criteria - 1))
        var guide = 0.0
        if depthCount >= 3 {
            let relaxation = LinearRelaxation(levers: levers, candidates: candidates, criterion: 0, order: order, region: region)
            _ = self.budget.charge(candidates.count + relaxation.tableSize)
            guide = relaxation.guide
            self.relaxation = relaxation
        } else {
            relaxation = nil
        }
        // Each lever's candidates by reduced cost at the relaxation's price (cost alone without one).
        var tryStart = [0], tryOrder: [Int] = []
        tryOrder.reserveCapacity(candidates.count)
        var key = [Double](repeating: 0, count: levers.value.count)
        for l in order {
            for i in candidates.range(l) {
                let p = candidates.position[i]
                key[p] = Double(levers.cost[0][p]) - guide * Double(levers.value[p])
            }
            let first = tryOrder.count
            tryOrder.append(contentsOf: candidates.position[candidates.range(l)])
            tryOrder[first...].sort { key[$0] != key[$1] ? key[$0] < key[$1] : $0 < $1 }
            tryStart.append(tryOrder.count)
        }
        self.tryStart = tryStart
        self.tryOrder = tryOrder
    }

    /// Searches for the best setting, starting from `best`; false when the budget ran out first.
    mutating func run() -> Bool {
        let n = order.count, k = criteria
        if n == 0 {
            if region.contains(fixedValue) { offer(value: fixedValue) }
            return true
        }
        // Per depth: the next index in its try order, and the partial sums before it.
        var next = [Int](repeating: 0, count: n)
        var partialValue = [Int64](repeating: 0, count: n + 1)
        var partialCost = [Int64](repeating: 0, count: (n + 1) * k)
        partialValue[0] = fixedValue
        for c in 0..<k { partialCost[c] = fixedCost[c] }
        next[0] = tryStart[0]
        var depth = 0
        while depth >= 0 {
            guard budget.step() else { return false }
            if depth == n - 2 && n >= 3 {
                if pairs == nil { considerPairs() }
                if let pairs {
                    finishPair(pairs, value: partialValue[depth], cost: partialCost, at: depth * k)
                    depth -= 1
                    continue
                }
                leafSteps += 1
            }
            if depth == n - 1 {
                finishLast(value: partialValue[depth], cost: partialCost, at: depth * k)
                depth -= 1
                continue
            }
            var descended = false
            let end = tryStart[depth + 1]
            while next[depth] < end {
                let p = tryOrder[next[depth]]
                next[depth] += 1
                let v = partialValue[depth] + levers.value[p]
                guard v + suffixMaxValue[depth + 1] >= region.low,
                      !region.bounded || v + suffixMinValue[depth + 1] <= region.high else { continue }
                let base = depth * k
                if let best {
                    var bound = -Double.infinity
                    let c0 = partialCost[base] + levers.cost[0][p]
                    switch relaxation?.verdict(cost: c0, value: v, depth: depth + 1, against: best.cost[0], bound: &bound) {
                    case .cutRest: next[depth] = end; continue
                    case .cut: continue
                    case .keep, nil: break
                    }
                    if loses(depth: depth + 1, option: p, value: v, partialCost: partialCost, at: base, firstBound: bound, to: best) {
                        continue
                    }
                }
                position[order[depth]] = p
                partialValue[depth + 1] = v
                for c in 0..<k { partialCost[base + k + c] = partialCost[base + c] + levers.cost[c][p] }
                next[depth + 1] = tryStart[depth + 1]
                depth += 1
                descended = true
                break
            }
            if !descended { depth -= 1 }
        }
        return true
    }

    /// Whether every completion of the branch that takes option p (levers from `depth` on free)
    /// loses to `best`. Criterion by criterion: the exact bound (each remaining lever at its
    /// cheapest), raised to the relaxation's when there is one; a tie looks at the next criterion.
    private mutating func loses(
        depth: Int, option p: Int, value: Int64, partialCost: [Int64], at base: Int, firstBound: Double, to best: ScoredSetting
    ) -> Bool {
        let n = order.count
        for c in 0..<criteria {
            let partial = partialCost[base + c] + levers.cost[c][p]
            var bound = partial + suffixMinCost[c * (n + 1) + depth]
            if bound > best.cost[c] { return true }
            if depth < n {
                var relaxed = firstBound
                var slack = relaxation?.slack
                if c > 0 {
                    if laterRelaxations[c - 1] == nil {
                        let relaxation = LinearRelaxation(
                            levers: levers, candidates: candidates, criterion: c, order: order, region: region)
                        _ = budget.charge(candidates.count + relaxation.tableSize)
                        laterRelaxations[c - 1] = relaxation
                    }
                    relaxed = Double(partial) + laterRelaxations[c - 1]!.cost(depth: depth, value: Double(value))
                    slack = laterRelaxations[c - 1]!.slack
                    if relaxed > Double(best.cost[c]) + slack! { return true }
                }
                if let slack, relaxed.isFinite {
                    // Costs are whole grid steps: the bound rounds up.
                    let floor = (relaxed - slack).rounded(.up)
                    if floor > Double(best.cost[c]) { return true }
                    if floor > Double(bound) { bound = Int64(floor) }
                }
            }
            if bound != best.cost[c] { return false }
        }
        return false  // could tie on every criterion: the choice vector decides at the leaf
    }

    /// Builds `pairs` once the steps spent on the last two levers reach what building it costs.
    private mutating func considerPairs() {
        let n = order.count
        let a = order[n - 2], b = order[n - 1]
        let count = candidates.size(a) * candidates.size(b)
        guard count <= PairCompletion.maxCombinations else { return }
        let cost = RangeBest.cost(of: count)
        guard leafSteps >= cost || pairTableAtOnce, budget.remaining > cost, budget.charge(cost) else { return }
        pairs = PairCompletion(levers: levers, candidates: candidates, first: a, second: b, bounded: region.bounded)
    }

    /// The last two levers, by lookup: the best combination that lands the sum in the region.
    private mutating func finishPair(_ pairs: PairCompletion, value: Int64, cost: [Int64], at base: Int) {
        guard let entry = pairs.best(from: region.low - value, to: region.bounded ? region.high - value : .max) else { return }
        position[pairs.first] = pairs.positionOfFirst[entry]
        position[pairs.second] = pairs.positionOfSecond[entry]
        for c in 0..<criteria { total[c] = cost[base + c] + pairs.cost[c][entry] }
        offer(value: value + pairs.value[entry])
    }

    /// The last lever: each candidate that lands the sum in the region completes a setting.
    private mutating func finishLast(value: Int64, cost: [Int64], at base: Int) {
        let l = order[order.count - 1]
        let range = candidates.range(l)
        var i = lowerBound(range, region.low - value)
        let end = region.bounded ? lowerBound(i..<range.upperBound, region.high - value + 1) : min(i + 1, range.upperBound)
        leafSteps += end - i + 1
        while i < end {
            let p = candidates.position[i]
            i += 1
            for c in 0..<criteria { total[c] = cost[base + c] + levers.cost[c][p] }
            position[l] = p
            offer(value: value + levers.value[p])
        }
    }

    /// Keeps the setting `position`, with totals `total`, if it comes before the best.
    private mutating func offer(value: Int64) {
        if best != nil {
            for c in 0..<criteria where total[c] != best!.cost[c] {
                if total[c] > best!.cost[c] { return }
                best = ScoredSetting(position: position, value: value, cost: total)
                return
            }
            if !position.lexicographicallyPrecedes(best!.position) { return }
        }
        best = ScoredSetting(position: position, value: value, cost: total)
    }

    /// First index in `range` of lever candidates whose value is ≥ `x`.
    private func lowerBound(_ range: Range<Int>, _ x: Int64) -> Int {
        var a = range.lowerBound, b = range.upperBound
        while a < b {
            let mid = (a + b) / 2
            if levers.value[candidates.position[mid]] < x { a = mid + 1 } else { b = mid }
        }
        return a
    }
}
