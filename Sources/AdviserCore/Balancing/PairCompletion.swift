// The last two levers of the branch and bound, settled exactly by one lookup.

/// Every combination of two levers' candidate options, sorted by summed value, answering "the best
/// combination whose value lies in a range" (by the criteria, then the choice vector) after two
/// binary searches. Combinations are ranked once by that order, so the table compares ranks: a
/// sparse table of range minima when the region is bounded above, a suffix minimum when it is not.
struct PairCompletion {
    let first: Int, second: Int
    /// Per combination, in value order: summed value, and the two options (positions).
    let value: [Int64]
    let positionOfFirst: [Int], positionOfSecond: [Int]
    /// `cost[k][e]`: combination e's cost under criterion k.
    let cost: [[Int64]]
    private let best: RangeBest
    private let bounded: Bool

    /// The largest number of combinations worth building.
    static let maxCombinations = 40_000

    init(levers: ObjectiveLevers, candidates: CandidateOptions, first: Int, second: Int, bounded: Bool) {
        self.first = first
        self.second = second
        self.bounded = bounded
        let a = candidates.range(first), b = candidates.range(second)
        // Combinations by summed value (equal values by the two positions, so the table is
        // deterministic), sorted as plain values: a comparison reads no other array.
        var byValue: [Combination] = []
        byValue.reserveCapacity(a.count * b.count)
        for i in a {
            for j in b {
                let p = candidates.position[i], q = candidates.position[j]
                byValue.append(Combination(value: levers.value[p] + levers.value[q], first: Int32(p), second: Int32(q)))
            }
        }
        byValue.sort { $0.value != $1.value ? $0.value < $1.value : ($0.first, $0.second) < ($1.first, $1.second) }
        value = byValue.map(\.value)
        positionOfFirst = byValue.map { Int($0.first) }
        positionOfSecond = byValue.map { Int($0.second) }
        let cost = levers.cost.map { costs in byValue.map { costs[Int($0.first)] + costs[Int($0.second)] } }
        self.cost = cost
        // Rank every combination by the criteria, then by the two options in problem lever order.
        let firstLeads = first < second
        var byOrder = byValue.indices.map { e -> RankKey in
            let c = byValue[e]
            return RankKey(cost0: cost[0][e], cost1: cost.count > 1 ? cost[1][e] : 0, cost2: cost.count > 2 ? cost[2][e] : 0,
                           leading: firstLeads ? c.first : c.second, trailing: firstLeads ? c.second : c.first, entry: Int32(e))
        }
        byOrder.sort(by: RankKey.precedes)
        best = RangeBest(byRank: byOrder.map(\.entry), toEnd: !bounded)
    }

    private struct Combination {
        var value: Int64
        var first: Int32, second: Int32
    }

    /// A combination's place in the objective's order (at most three criteria).
    private struct RankKey {
        var cost0: Int64, cost1: Int64, cost2: Int64
        var leading: Int32, trailing: Int32
        var entry: Int32

        static func precedes(_ a: RankKey, _ b: RankKey) -> Bool {
            if a.cost0 != b.cost0 { return a.cost0 < b.cost0 }
            if a.cost1 != b.cost1 { return a.cost1 < b.cost1 }
            if a.cost2 != b.cost2 { return a.cost2 < b.cost2 }
            return a.leading != b.leading ? a.leading < b.leading : a.trailing < b.trailing
        }
    }

    /// The best combination whose summed value lies in `low…high` (`high` ignored when unbounded),
    /// as an index into the value-ordered columns, if any.
    func best(from low: Int64, to high: Int64) -> Int? {
        let start = lowerBound(low)
        return best.best(start..<(bounded ? max(start, lowerBound(high &+ 1)) : value.count))
    }

    private func lowerBound(_ x: Int64) -> Int {
        var a = 0, b = value.count
        while a < b {
            let mid = (a + b) / 2
            if value[mid] < x { a = mid + 1 } else { b = mid }
        }
        return a
    }
}
