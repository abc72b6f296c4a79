/// The best entry of a list within any window of it, in constant time after building: entries are
/// ranked once (rank 0 best), and a sparse table keeps the least rank of every window whose length
/// is a power of two, so any window is the overlap of two. When every window runs to the end of
/// the list, a suffix minimum is all it takes.
struct RangeBest {
    /// `table[level][i]`: the least rank among entries i ..< i + 2^level (only level 0 when every
    /// window runs to the end, holding the least rank from i on).
    private let table: [[Int32]]
    /// The entry holding each rank.
    private let byRank: [Int32]
    private let toEnd: Bool

    /// - Parameters: `byRank[r]`: the entry ranked r (every entry once); `toEnd`: only windows
    ///   running to the end will be asked for.
    init(byRank: [Int32], toEnd: Bool) {
        self.byRank = byRank
        self.toEnd = toEnd
        let count = byRank.count
        var rank = [Int32](repeating: 0, count: count)
        for (r, entry) in byRank.enumerated() { rank[Int(entry)] = Int32(r) }
        if toEnd {
            if count > 1 { for i in stride(from: count - 2, through: 0, by: -1) { rank[i] = min(rank[i], rank[i + 1]) } }
            table = [rank]
            return
        }
        var table = [rank]
        var width = 1
        while width * 2 <= count {
            let previous = table[table.count - 1]
            var level = [Int32](repeating: 0, count: count - width * 2 + 1)
            for i in level.indices { level[i] = min(previous[i], previous[i + width]) }
            table.append(level)
            width *= 2
        }
        self.table = table
    }

    /// Steps building it for `count` entries costs, ranking included: a step of the branch and
    /// bound takes as long as a few entries' share of sorting and tabling.
    static func cost(of count: Int) -> Int {
        var levels = 1
        while (1 << levels) < count { levels += 1 }
        return count * (levels / 2 + 1)
    }

    /// The best entry in `window` (which must run to the end when built `toEnd`), if not empty.
    func best(_ window: Range<Int>) -> Int? {
        guard !window.isEmpty else { return nil }
        if toEnd { return Int(byRank[Int(table[0][window.lowerBound])]) }
        var level = 0
        while (2 << level) <= window.count { level += 1 }
        let r = min(table[level][window.lowerBound], table[level][window.upperBound - (1 << level)])
        return Int(byRank[Int(r)])
    }
}
