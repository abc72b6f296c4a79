/// Looks at every setting of the candidate options: for few settings, cheaper than building any
/// table, so small problems and problems the reductions left small end here.
struct ExhaustiveSearch {
    /// Settings up to which looking at every one is the cheaper way.
    static let maxSettings = 1_024

    private let levers: ObjectiveLevers
    private let candidates: CandidateOptions

    init(levers: ObjectiveLevers, candidates: CandidateOptions) {
        self.levers = levers
        self.candidates = candidates
    }

    /// Whether levers with these numbers of options make at most `limit` settings.
    static func fits(optionCounts: some Sequence<Int>, limit: Int) -> Bool {
        var product = 1
        for count in optionCounts {
            product *= count
            if product > limit { return false }
        }
        return true
    }

    /// The answer `BalanceSearch` gives, for a problem with at most `maxSettings` settings: the
    /// best setting in the hold region; when none holds, the best above its lower edge; when none
    /// reaches that, the best among those within `slack` of the closest distance to it, fewest
    /// levers moved first. At most three times the problem's settings in steps.
    static func solve(_ problem: QuantizedProblem, objective: BalanceObjective, region: HoldRegion, slack: Int64)
        -> (choice: [Int], held: Bool)
    {
        let holding = ObjectiveLevers(problem, order: objective.order)
        let all = CandidateOptions(holding)
        let (found, nearest) = ExhaustiveSearch(levers: holding, candidates: all).best(in: region, from: nil)
        if let found { return (holding.choice(found.position), true) }
        // More value than the band beats less (as in `BalanceSearch`).
        if region.bounded {
            let above = HoldRegion(low: region.low, high: Int64.max / 4, bounded: false)
            if let found = ExhaustiveSearch(levers: holding, candidates: all).best(in: above, from: nil).setting {
                return (holding.choice(found.position), false)
            }
        }
        let order = [BalanceObjective.Criterion.fewestLevers] + objective.order.filter { $0 != .fewestLevers }
        let close = ObjectiveLevers(problem, order: order)
        let best = ExhaustiveSearch(levers: close, candidates: all).best(in: region.widened(by: nearest + slack), from: nil)
        return (best.setting.map { close.choice($0.position) } ?? problem.current, false)
    }

    /// The best setting whose sum lies in `region`, starting from `incumbent` (returned when
    /// nothing beats it), and, when none lies there, the smallest distance from a setting's sum
    /// to the region.
    func best(in region: HoldRegion, from incumbent: ScoredSetting?) -> (setting: ScoredSetting?, nearest: Int64) {
        let n = levers.count, k = levers.criteria
        var best = incumbent
        guard n > 0 else { return (region.contains(0) ? ScoredSetting([], levers) : nil, region.distance(0)) }
        // Per lever, the index of its candidate taken, and the running sums before it.
        var index = [Int](repeating: 0, count: n), position = index
        var value = [Int64](repeating: 0, count: n)
        var cost = [Int64](repeating: 0, count: n * k), total = [Int64](repeating: 0, count: k)
        var nearest = Int64.max
        var from = 0  // the first lever whose running sums are stale
        let last = n - 1
        while true {
            for l in from..<last {
                let p = candidates.position[candidates.start[l] + index[l]]
                position[l] = p
                value[l + 1] = value[l] + levers.value[p]
                for c in 0..<k { cost[(l + 1) * k + c] = cost[l * k + c] + levers.cost[c][p] }
            }
            for i in candidates.range(last) {
                let p = candidates.position[i]
                let sum = value[last] + levers.value[p]
                guard region.contains(sum) else {
                    nearest = min(nearest, region.distance(sum))
                    continue
                }
                nearest = 0
                var decided = false
                if let best {
                    var better = false
                    for c in 0..<k {
                        total[c] = cost[last * k + c] + levers.cost[c][p]
                        if !decided && total[c] != best.cost[c] { decided = true; better = total[c] < best.cost[c] }
                    }
                    if decided && !better { continue }
                } else {
                    for c in 0..<k { total[c] = cost[last * k + c] + levers.cost[c][p] }
                }
                position[last] = p
                if !decided, let best, !position.lexicographicallyPrecedes(best.position) { continue }
                best = ScoredSetting(position: position, value: sum, cost: total)
            }
            // Next setting of the levers before the last (odometer, later levers faster).
            var l = last - 1
            while l >= 0 {
                index[l] += 1
                if index[l] < candidates.size(l) { break }
                index[l] = 0
                l -= 1
            }
            if l < 0 { break }
            from = l
        }
        return (best, nearest)
    }
}
