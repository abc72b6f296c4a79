/// A complete setting with its totals: one position (into `ObjectiveLevers`) per lever, the summed
/// value and the cost under each criterion.
struct ScoredSetting {
    var position: [Int]
    var value: Int64
    var cost: [Int64]

    init(position: [Int], value: Int64, cost: [Int64]) {
        self.position = position
        self.value = value
        self.cost = cost
    }

    /// `position`, totalled.
    init(_ position: [Int], _ levers: ObjectiveLevers) {
        self.position = position
        value = position.reduce(0) { $0 + levers.value[$1] }
        cost = levers.cost.map { costs in position.reduce(0) { $0 + costs[$1] } }
    }

    /// Whether this setting comes before `other` in the objective's order: by cost, criterion by
    /// criterion, then by the choice vector (positions rise with option indices within a lever).
    func precedes(_ other: ScoredSetting) -> Bool {
        if cost != other.cost { return cost.lexicographicallyPrecedes(other.cost) }
        return position.lexicographicallyPrecedes(other.position)
    }
}

/// A good holding setting found quickly, before the exact search, so that it prunes from its first
/// node: the linear relaxation's solution rounded, brought into the region by moving one lever (or
/// two), then improved one lever at a time while that helps. A heuristic: the exact search proves
/// or beats it.
struct LocalSearch {
    let levers: ObjectiveLevers
    let candidates: CandidateOptions
    let region: HoldRegion

    /// Levers up to which a setting no single move brings into the region is tried with pairs.
    static let maxLeversForPairs = 24

    /// From `start` (a position per lever), the best setting found (nil when none in the region
    /// was) and the steps (options looked at) it took: about `limit` at most.
    func run(from start: [Int], limit: Int) -> (setting: ScoredSetting?, steps: Int) {
        var setting = ScoredSetting(start, levers)
        var steps = 0
        if !region.contains(setting.value) {
            if let move = bestMove(setting, improving: false, steps: &steps) {
                apply(move, to: &setting)
            } else if levers.count <= Self.maxLeversForPairs, let pair = pairMove(setting, limit: limit, steps: &steps) {
                setting = pair
            } else {
                return (nil, steps)
            }
        }
        while steps < limit, let move = bestMove(setting, improving: true, steps: &steps) {
            apply(move, to: &setting)
        }
        return (setting, steps)
    }

    private struct Move {
        var lever: Int
        var position: Int
    }

    private func apply(_ move: Move, to setting: inout ScoredSetting) {
        let old = setting.position[move.lever]
        setting.position[move.lever] = move.position
        setting.value += levers.value[move.position] - levers.value[old]
        for k in levers.cost.indices { setting.cost[k] += levers.cost[k][move.position] - levers.cost[k][old] }
    }

    /// The candidates of lever l whose value lies in `low…high`, as a range of `candidates.position`.
    private func candidates(of l: Int, from low: Int64, to high: Int64) -> Range<Int> {
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
    private func bestMove(_ setting: ScoredSetting, improving: Bool, steps: inout Int) -> Move? {
        var best: Move?
        var bestCost = setting.cost
        for l in 0..<levers.count {
            let now = setting.position[l]
            let rest = setting.value - levers.value[now]
            let range = candidates(of: l, from: region.low - rest, to: region.bounded ? region.high - rest : .max)
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
                    if let b = best {
                        better = l == b.lever ? p < b.position : (l < b.lever ? p < now : setting.position[b.lever] < b.position)
                    } else {
                        better = improving ? p < now : true
                    }
                } else if best == nil && !improving && !better {
                    better = true  // the first move into the region is kept whatever it costs
                }
                if better {
                    best = Move(lever: l, position: p)
                    for k in levers.cost.indices { bestCost[k] = setting.cost[k] - levers.cost[k][now] + levers.cost[k][p] }
                }
            }
        }
        return best
    }

    /// Two levers changed at once, for a setting no single move brings into the region: the best
    /// result among, for each option of the first lever, the lowest option of the second that
    /// lands the sum in the region.
    private func pairMove(_ setting: ScoredSetting, limit: Int, steps: inout Int) -> ScoredSetting? {
        var best: ScoredSetting?
        for a in 0..<levers.count {
            for b in (a + 1)..<levers.count {
                let rest = setting.value - levers.value[setting.position[a]] - levers.value[setting.position[b]]
                for i in candidates.range(a) {
                    steps += 1
                    if steps > limit { return best }
                    let p = candidates.position[i]
                    let partial = rest + levers.value[p]
                    let range = candidates(of: b, from: region.low - partial, to: region.bounded ? region.high - partial : .max)
                    guard let j = range.first else { continue }
                    var trial = setting
                    trial.position[a] = p
                    trial.position[b] = candidates.position[j]
                    trial = ScoredSetting(trial.position, levers)
                    if best.map({ trial.precedes($0) }) ?? true { best = trial }
                }
            }
        }
        return best
    }
}
