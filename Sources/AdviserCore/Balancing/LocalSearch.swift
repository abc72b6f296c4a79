/// A good holding setting found quickly, before the exact search, so that it prunes from its first
/// node: the linear relaxation's solution rounded, brought into the region by moving one lever (or
/// two), then improved by moving one lever, or two at once, while that helps. A heuristic: the
/// exact search proves or beats it.
struct LocalSearch {
    let levers: ObjectiveLevers
    let candidates: CandidateOptions
    let region: HoldRegion

    /// From `start` (a position per lever), the best setting found (nil when none in the region
    /// was) and the steps (options looked at) it took: about `limit` at most. Pairs of levers
    /// are moved only to come into the region, unless `pairs`.
    func run(from start: [Int], limit: Int, pairs tryingPairs: Bool) -> (setting: ScoredSetting?, steps: Int) {
        var setting = ScoredSetting(start, levers)
        var steps = 0
        var pairs = PairMoves(self)
        if !region.contains(setting.value) {
            if let move = bestMove(setting, improving: false, steps: &steps) {
                setting = move
            } else if let move = pairs.bestMove(setting, improving: false, limit: limit, steps: &steps) {
                setting = move
            } else {
                return (nil, steps)
            }
        }
        while steps < limit {
            if let move = bestMove(setting, improving: true, steps: &steps) {
                setting = move
            } else if tryingPairs, let move = pairs.bestMove(setting, improving: true, limit: limit, steps: &steps) {
                setting = move
            } else {
                break
            }
        }
        return (setting, steps)
    }

    /// The best setting that differs from `start` (a position per lever) in one lever and lies in
    /// the region, if any.
    func bestSingleMove(from start: [Int]) -> ScoredSetting? {
        var steps = 0
        return bestMove(ScoredSetting(start, levers), improving: false, steps: &steps)
    }

    /// The candidates of lever l whose value lies in `low…high`, as a range of `candidates.position`.
    func window(of l: Int, from low: Int64, to high: Int64) -> Range<Int> {
        let range = candidates.range(l)
        func lowerBound(_ x: Int64) -> Int {
            var a = range.lowerBound, b = range.upperBound
            while a < b {
                let mid = (a + b) / 2
                if levers.value[candidates.position[mid]] < x { a = mid + 1 } else { b = mid }
            }
            return a
        }
        let start = lowerBound(low)
        let end = high == .max ? range.upperBound : lowerBound(high &+ 1)
        return start..<max(start, end)
    }

    /// The single-lever change that lands the sum in the region with the best result (improving
    /// on `setting` itself when `improving`).
    private func bestMove(_ setting: ScoredSetting, improving: Bool, steps: inout Int) -> ScoredSetting? {
        var bestLever = -1, bestPosition = -1
        var bestCost = setting.cost
        for l in 0..<levers.count {
            let now = setting.position[l]
            let rest = setting.value - levers.value[now]
            let range = window(of: l, from: region.low - rest, to: region.bounded ? region.high - rest : .max)
            steps += range.count + 1
            for i in range {
                let p = candidates.position[i]
                if p == now { continue }
                // Compare the setting with p at lever l against the best so far.
                var decided = false, better = false
                for k in levers.cost.indices {
                    let c = setting.cost[k] - levers.cost[k][now] + levers.cost[k][p]
                    if c != bestCost[k] { decided = true; better = c < bestCost[k]; break }
                }
                if !decided {
                    // Equal costs: the choice vectors decide, at the first lever either move changes.
                    if bestLever >= 0 {
                        better = l == bestLever ? p < bestPosition
                            : (l < bestLever ? p < now : setting.position[bestLever] < bestPosition)
                    } else {
                        better = improving ? p < now : true
                    }
                } else if bestLever < 0 && !improving && !better {
                    better = true  // the first move into the region is kept whatever it costs
                }
                if better {
                    bestLever = l
                    bestPosition = p
                    for k in levers.cost.indices { bestCost[k] = setting.cost[k] - levers.cost[k][now] + levers.cost[k][p] }
                }
            }
        }
        guard bestLever >= 0 else { return nil }
        var moved = setting
        moved.position[bestLever] = bestPosition
        moved.value += levers.value[bestPosition] - levers.value[setting.position[bestLever]]
        moved.cost = bestCost
        return moved
    }
}

/// Two levers changed at once: for each option of one, the best option of the other that lands
/// the sum in the region, found in each lever's value-sorted candidates by a `RangeBest` (built
/// on first use).
private struct PairMoves {
    let search: LocalSearch
    /// Per lever, the best of its candidates (by cost, then position) within a window of them,
    /// once needed.
    var best: [RangeBest?]

    init(_ search: LocalSearch) {
        self.search = search
        best = [RangeBest?](repeating: nil, count: search.levers.count)
    }

    /// The best of lever l's candidates (as an index into them) in `window` (of `candidates.position`).
    private mutating func best(of l: Int, in window: Range<Int>, steps: inout Int) -> Int? {
        let levers = search.levers, candidates = search.candidates
        let range = candidates.range(l)
        if best[l] == nil {
            var byRank = Array(Int32(0)..<Int32(range.count))
            byRank.sort { levers.costPrecedes(candidates.position[range.lowerBound + Int($0)], candidates.position[range.lowerBound + Int($1)]) }
            best[l] = RangeBest(byRank: byRank, toEnd: !search.region.bounded)
            steps += RangeBest.cost(of: range.count)
        }
        return best[l]!.best(window.lowerBound - range.lowerBound..<window.upperBound - range.lowerBound).map { range.lowerBound + $0 }
    }

    mutating func bestMove(_ setting: ScoredSetting, improving: Bool, limit: Int, steps: inout Int) -> ScoredSetting? {
        let levers = search.levers, candidates = search.candidates, region = search.region
        var found: ScoredSetting? = improving ? setting : nil
        var cost = setting.cost
        for a in 0..<levers.count {
            for b in (a + 1)..<levers.count {
                let rest = setting.value - levers.value[setting.position[a]] - levers.value[setting.position[b]]
                steps += candidates.size(a)
                if steps > limit { return found.flatMap { improving && $0.position == setting.position ? nil : $0 } }
                for i in candidates.range(a) {
                    let p = candidates.position[i]
                    let partial = rest + levers.value[p]
                    let window = search.window(of: b, from: region.low - partial, to: region.bounded ? region.high - partial : .max)
                    guard let j = best(of: b, in: window, steps: &steps) else { continue }
                    let q = candidates.position[j]
                    for k in levers.cost.indices {
                        cost[k] = setting.cost[k] - levers.cost[k][setting.position[a]] - levers.cost[k][setting.position[b]]
                            + levers.cost[k][p] + levers.cost[k][q]
                    }
                    if let known = found, cost != known.cost, !cost.lexicographicallyPrecedes(known.cost) { continue }
                    var moved = setting
                    moved.position[a] = p
                    moved.position[b] = q
                    moved.value = partial + levers.value[q]
                    moved.cost = cost
                    if let known = found, !moved.precedes(known) { continue }
                    found = moved
                }
            }
        }
        guard let found, !(improving && found.position == setting.position) else { return nil }
        return found
    }
}
