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
        let count = a.count * b.count
        var sums = [Int64](), firstOf = [Int](), secondOf = [Int]()
        sums.reserveCapacity(count); firstOf.reserveCapacity(count); secondOf.reserveCapacity(count)
        for i in a {
            for j in b {
                let p = candidates.position[i], q = candidates.position[j]
                sums.append(levers.value[p] + levers.value[q])
                firstOf.append(p)
                secondOf.append(q)
            }
        }
        // Value order (equal values by the two positions, so the table is deterministic).
        var byValue = Array(0..<count)
        byValue.sort { sums[$0] != sums[$1] ? sums[$0] < sums[$1] : $0 < $1 }
        value = byValue.map { sums[$0] }
        positionOfFirst = byValue.map { firstOf[$0] }
        positionOfSecond = byValue.map { secondOf[$0] }
        let cost = levers.cost.map { costs in byValue.map { costs[firstOf[$0]] + costs[secondOf[$0]] } }
        self.cost = cost
        // Rank every combination by the criteria, then by the two options in problem lever order.
        let (leading, trailing) = first < second ? (positionOfFirst, positionOfSecond) : (positionOfSecond, positionOfFirst)
        var byRank = Array(Int32(0)..<Int32(count))
        byRank.sort { x, y in
            let (x, y) = (Int(x), Int(y))
            for costs in cost where costs[x] != costs[y] { return costs[x] < costs[y] }
            return leading[x] != leading[y] ? leading[x] < leading[y] : trailing[x] < trailing[y]
        }
        best = RangeBest(byRank: byRank, toEnd: !bounded)
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
