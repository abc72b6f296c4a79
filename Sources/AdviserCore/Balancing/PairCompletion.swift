// The last two levers of the objective search, settled exactly by one lookup.

/// Every combination of two levers' options, sorted by summed value, with a sparse table that
/// answers "the best combination whose value lies in a range" (by the criteria, then the choice
/// vector) in O(1) after two binary searches. The search uses it instead of branching on the last
/// two levers once a problem proves large enough to repay building it.
struct PairCompletion {
    let first: Int, second: Int
    /// Per combination, in value order: summed value, costs per criterion, and the two options
    /// (positions in the levers' option lists).
    let value: [Int64]
    let cost: [[Int64]]
    let optionOfFirst: [Int32], optionOfSecond: [Int32]
    /// `table[level][i]`: the best combination among positions i ..< i + 2^level.
    let table: [[Int32]]
    /// Whether `first` comes before `second` in the problem's lever order (for the choice vector).
    let firstLeads: Bool

    /// The largest number of combinations worth building.
    static let maxCombinations = 40_000

    init(levers: ObjectiveLevers, first: Int, second: Int) {
        self.first = first
        self.second = second
        firstLeads = first < second
        var entries: [(v: Int64, p: Int32, q: Int32)] = []
        entries.reserveCapacity(levers.options(first).count * levers.options(second).count)
        for p in levers.options(first) {
            for q in levers.options(second) {
                entries.append((levers.value[p] + levers.value[q], Int32(p), Int32(q)))
            }
        }
        entries.sort { $0.v != $1.v ? $0.v < $1.v : ($0.p, $0.q) < ($1.p, $1.q) }
        value = entries.map(\.v)
        optionOfFirst = entries.map(\.p)
        optionOfSecond = entries.map(\.q)
        cost = levers.cost.map { costs in entries.map { costs[Int($0.p)] + costs[Int($0.q)] } }
        var table: [[Int32]] = [Array(0..<Int32(entries.count))]
        var width = 1
        while width * 2 <= entries.count {
            let previous = table[table.count - 1]
            var level = [Int32](repeating: 0, count: entries.count - width * 2 + 1)
            for i in level.indices {
                let a = previous[i], b = previous[i + width]
                level[i] = Self.precedes(Int(a), Int(b), cost, optionOfFirst, optionOfSecond, firstLeads) ? a : b
            }
            table.append(level)
            width *= 2
        }
        self.table = table
    }

    /// Combination a before b: by the criteria, then by the two options in the problem's lever order.
    private static func precedes(
        _ a: Int, _ b: Int, _ cost: [[Int64]], _ p: [Int32], _ q: [Int32], _ firstLeads: Bool
    ) -> Bool {
        for costs in cost where costs[a] != costs[b] { return costs[a] < costs[b] }
        let (a1, a2) = firstLeads ? (p[a], q[a]) : (q[a], p[a])
        let (b1, b2) = firstLeads ? (p[b], q[b]) : (q[b], p[b])
        return (a1, a2) < (b1, b2)
    }

    /// The best combination whose summed value lies in `low…high`, if any.
    func best(from low: Int64, to high: Int64) -> Int? {
        let start = lowerBound(low), end = lowerBound(high == .max ? high : high + 1)
        guard start < end else { return nil }
        var level = 0
        while (2 << level) <= end - start { level += 1 }
        let a = Int(table[level][start]), b = Int(table[level][end - (1 << level)])
        return Self.precedes(a, b, cost, optionOfFirst, optionOfSecond, firstLeads) ? a : b
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
