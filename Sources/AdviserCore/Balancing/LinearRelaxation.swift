// The bound that prunes `ObjectiveSearch`.

/// Lower bounds on the first criterion for the levers from a depth on: the linear relaxation of
/// "pick one option per lever with the summed value in lo…hi", solved exactly.
///
/// Relaxed, each lever may mix its options, so only its lower convex hull in the (value, cost)
/// plane matters. From each lever's cheapest option, value is bought (or shed, for the upper edge)
/// along hull edges, cheapest rate first, merged across levers; the bound is the cost of covering
/// the shortfall that way. Each depth keeps its levers' merged edges with prefix sums, so a bound is
/// a binary search. It is the tightest bound a relaxation of one constraint gives (the LP's).
struct LinearRelaxation {
    /// Per depth: the cheapest cost of the levers from it on, and the highest (lowest) value among
    /// cheapest options, from which value is bought (shed).
    let baseCost: [Double], upBase: [Double], downBase: [Double]
    /// Per depth: merged hull edges for raising (lowering) value, cheapest rate first, as prefix
    /// sums of value and cost, and each edge's rate.
    let up: [EdgeTable], down: [EdgeTable]
    /// The first depth with tables; shallower depths are bounded by their cheapest options alone.
    let tabledFrom: Int
    let lo: Double, hi: Double, hasUpperBound: Bool
    /// Floating-point slack added before a cut, so rounding can never cut the optimum.
    let slack: Double
    /// The relaxation's price of value at the root (cost per unit of value): orders each lever's
    /// options by reduced cost, so settings the relaxation likes come first.
    let guide: Double
    /// `guideSuffix[depth]`: Σ over levers from depth on of min_o (cost₀ − guide · value): a weaker
    /// bound, but one that grows with an option's reduced cost, so the first option it cuts ends
    /// its lever's loop.
    let guideSuffix: [Double]

    struct EdgeTable {
        var value: [Double] = [0]
        var cost: [Double] = [0]
        var rate: [Double] = []
    }

    enum Verdict { case keep, cut, cutRest }

    /// How many of the deepest levers get exact relaxation tables (see `init`).
    static let maxTabledLevers = 64

    init(levers: ObjectiveLevers, order: [Int], lo: Int64, hi: Int64, hasUpperBound: Bool) {
        self.lo = Double(lo)
        self.hi = Double(hi)
        self.hasUpperBound = hasUpperBound
        let n = order.count
        var cheapest = [Double](repeating: 0, count: n), highBase = cheapest, lowBase = cheapest
        var upEdges = [[(dv: Double, dc: Double)]](repeating: [], count: n), downEdges = upEdges
        var magnitude = 0.0
        for (depth, l) in order.enumerated() {
            let points = levers.options(l).map { (v: Double(levers.value[$0]), c: Double(levers.cost[0][$0])) }
            let cMin = points.map(\.c).min() ?? 0
            let atMin = points.filter { $0.c == cMin }
            cheapest[depth] = cMin
            highBase[depth] = atMin.map(\.v).max() ?? 0
            lowBase[depth] = atMin.map(\.v).min() ?? 0
            upEdges[depth] = Self.hull(from: (highBase[depth], cMin), points.filter { $0.v > highBase[depth] })
            downEdges[depth] = Self.hull(from: (-lowBase[depth], cMin), points.filter { $0.v < lowBase[depth] }.map { (-$0.v, $0.c) })
            magnitude += points.reduce(0) { max($0, abs($1.c) + abs($1.v)) }
        }
        var baseCost = [Double](repeating: 0, count: n + 1), upBase = baseCost, downBase = baseCost
        var up = [EdgeTable](repeating: EdgeTable(), count: n + 1), down = up
        // Each lever's hull edges already rise in rate, so each depth's table is the next one's
        // merged with one lever's edges.
        var mergedUp: [(dv: Double, dc: Double)] = [], mergedDown: [(dv: Double, dc: Double)] = []
        // Tables for the deepest levers only: each costs the edges of every lever below it, so
        // thousands of levers would cost millions. Above them the bound is the cheapest options'.
        let tabled = max(0, n - Self.maxTabledLevers)
        for depth in stride(from: n - 1, through: 0, by: -1) {
            baseCost[depth] = baseCost[depth + 1] + cheapest[depth]
            upBase[depth] = upBase[depth + 1] + highBase[depth]
            downBase[depth] = downBase[depth + 1] + lowBase[depth]
            guard depth >= tabled else { continue }
            mergedUp = Self.merge(mergedUp, upEdges[depth])
            mergedDown = Self.merge(mergedDown, downEdges[depth])
            up[depth] = Self.table(mergedUp)
            down[depth] = Self.table(mergedDown)
        }
        // The root's table, for the guide, when it was not built above.
        let byRate = { (a: (dv: Double, dc: Double), b: (dv: Double, dc: Double)) in a.dc * b.dv < b.dc * a.dv }
        let rootUp = tabled == 0 ? up[0] : Self.table(upEdges.flatMap { $0 }.sorted(by: byRate))
        let rootDown = tabled == 0 ? down[0] : Self.table(downEdges.flatMap { $0 }.sorted(by: byRate))
        tabledFrom = tabled
        self.baseCost = baseCost
        self.upBase = upBase
        self.downBase = downBase
        self.up = up
        self.down = down
        slack = 1e-12 * (magnitude + abs(Double(lo)) + (hasUpperBound ? abs(Double(hi)) : 0)) * Double(n + 1) + 4
        // The root's price of value: the rate of the edge that covers its shortfall.
        var guide = 0.0
        if case let root = rootUp, Double(lo) - upBase[0] > 0 {
            let k = Self.edge(covering: Double(lo) - upBase[0], in: root)
            guide = k < root.rate.count ? root.rate[k] : root.rate.last ?? 0
        } else if hasUpperBound, case let root = rootDown, downBase[0] - Double(hi) > 0 {
            let k = Self.edge(covering: downBase[0] - Double(hi), in: root)
            guide = -(k < root.rate.count ? root.rate[k] : root.rate.last ?? 0)
        }
        self.guide = guide
        var guideSuffix = [Double](repeating: 0, count: n + 1)
        for depth in stride(from: n - 1, through: 0, by: -1) {
            let l = order[depth]
            var best = Double.infinity
            for p in levers.options(l) { best = min(best, Double(levers.cost[0][p]) - guide * Double(levers.value[p])) }
            guideSuffix[depth] = guideSuffix[depth + 1] + best
        }
        self.guideSuffix = guideSuffix
    }

    /// The lower convex hull from `start` through `points` (all to its right), as edges of
    /// increasing rate.
    private static func hull(from start: (v: Double, c: Double), _ points: [(v: Double, c: Double)]) -> [(dv: Double, dc: Double)] {
        // For each value keep its cheapest point, then walk the lower hull left to right.
        var byValue: [(v: Double, c: Double)] = []
        for point in points.sorted(by: { $0.v != $1.v ? $0.v < $1.v : $0.c < $1.c }) where byValue.last?.v != point.v {
            byValue.append(point)
        }
        var chain: [(v: Double, c: Double)] = [start]
        for point in byValue {
            while chain.count >= 2 {
                let a = chain[chain.count - 2], b = chain[chain.count - 1]
                // Drop b when it lies on or above the line from a to the new point.
                if (b.c - a.c) * (point.v - a.v) >= (point.c - a.c) * (b.v - a.v) { chain.removeLast() } else { break }
            }
            chain.append(point)
        }
        return zip(chain, chain.dropFirst()).map { (dv: $1.v - $0.v, dc: $1.c - $0.c) }
    }

    /// Two lists of edges, each in rising rate, as one.
    private static func merge(_ a: [(dv: Double, dc: Double)], _ b: [(dv: Double, dc: Double)]) -> [(dv: Double, dc: Double)] {
        var merged: [(dv: Double, dc: Double)] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].dc * b[j].dv <= b[j].dc * a[i].dv) {
                merged.append(a[i]); i += 1
            } else {
                merged.append(b[j]); j += 1
            }
        }
        return merged
    }

    /// Edges in rising rate as prefix sums.
    private static func table(_ edges: [(dv: Double, dc: Double)]) -> EdgeTable {
        var table = EdgeTable()
        table.value.reserveCapacity(edges.count + 1)
        table.cost.reserveCapacity(edges.count + 1)
        table.rate.reserveCapacity(edges.count)
        for edge in edges {
            table.value.append(table.value[table.value.count - 1] + edge.dv)
            table.cost.append(table.cost[table.cost.count - 1] + edge.dc)
            table.rate.append(edge.dc / edge.dv)
        }
        return table
    }

    /// The index of the edge during which the merged edges' value reaches `amount`.
    private static func edge(covering amount: Double, in table: EdgeTable) -> Int {
        var a = 1, b = table.value.count
        while a < b {
            let mid = (a + b) / 2
            if table.value[mid] < amount { a = mid + 1 } else { b = mid }
        }
        return a - 1
    }

    /// The least cost of the levers from `depth` on that brings the sum from `value` into the band.
    private func cost(depth: Int, value: Double) -> Double {
        guard depth >= tabledFrom else { return baseCost[depth] }
        let shortfall = lo - value - upBase[depth]
        if shortfall > 0 { return baseCost[depth] + Self.cover(shortfall, up[depth]) }
        if hasUpperBound {
            let excess = value + downBase[depth] - hi
            if excess > 0 { return baseCost[depth] + Self.cover(excess, down[depth]) }
        }
        return baseCost[depth]
    }

    private static func cover(_ amount: Double, _ table: EdgeTable) -> Double {
        let k = edge(covering: amount, in: table)
        guard k < table.rate.count else { return .infinity }  // beyond reach (feasibility cuts it first)
        return table.cost[k] + (amount - table.value[k]) * table.rate[k]
    }

    /// Whether a branch with this first-criterion cost and value, levers from `depth` on still
    /// free, can still beat (or tie) `incumbent`. `cutRest`: neither can any option of the same
    /// lever tried after this one.
    func verdict(cost partial: Int64, value: Int64, depth: Int, against incumbent: Int64) -> Verdict {
        let limit = Double(incumbent) + slack
        let c = Double(partial), v = Double(value)
        let edge = guide >= 0 ? lo - v : hi - v
        if c + guideSuffix[depth] + guide * edge > limit { return .cutRest }
        return c + cost(depth: depth, value: v) > limit ? .cut : .keep
    }
}

