// The bound that prunes `ObjectiveSearch`, and the solution its first incumbent is rounded from.

/// Lower bounds on one criterion for the levers from a depth on: the linear relaxation of "pick
/// one candidate option per lever with the summed value in the region", solved exactly.
///
/// Relaxed, each lever may mix its options, so only its lower convex hull in the (value, cost)
/// plane matters. From each lever's cheapest option, value is bought (or shed, for the upper edge)
/// along hull edges, cheapest rate first, merged across levers; the bound is the cost of covering
/// the shortfall that way. Each depth keeps its levers' merged edges with prefix sums, so a bound is
/// a binary search. It is the tightest bound a relaxation of one constraint gives (the LP's).
struct LinearRelaxation {
    /// One edge of a lever's hull: the value and cost it adds, the depth of its lever and the
    /// option it ends at.
    struct Edge {
        var dv: Double
        var dc: Double
        var depth: Int
        var to: Int
    }

    /// Merged edges in rising rate, as prefix sums of value and cost, and each edge's rate.
    struct EdgeTable {
        var value: [Double] = [0]
        var cost: [Double] = [0]
        var rate: [Double] = []
    }

    enum Verdict { case keep, cut, cutRest }

    /// Per depth: the cheapest cost of the levers from it on, and the highest (lowest) value among
    /// cheapest options, from which value is bought (shed).
    let baseCost: [Double], upBase: [Double], downBase: [Double]
    let up: [EdgeTable], down: [EdgeTable]
    let lo: Double, hi: Double, hasUpperBound: Bool
    /// Floating-point slack added before a cut, so rounding can never cut the optimum.
    let slack: Double
    /// The relaxation's price of value at the root (cost per unit of value): orders each lever's
    /// options by reduced cost, so settings the relaxation likes come first.
    let guide: Double
    /// `guideSuffix[depth]`: Σ over levers from depth on of min_o (cost − guide · value): a weaker
    /// bound, but one that grows with an option's reduced cost, so the first option it cuts ends
    /// its lever's loop.
    let guideSuffix: [Double]
    /// Per depth, min_o (cost − guide · value) over the lever's candidates.
    let guideMin: [Double]
    /// The root's solution, rounded: per lever (by depth) the option it takes, the one lever
    /// left between two options taking the one that covers the shortfall.
    let rounded: [Int]

    /// - Parameters: `criterion` indexes `levers.cost`; `order` maps depth to lever; every lever
    ///   of `order` has at least one candidate.
    init(levers: ObjectiveLevers, candidates: CandidateOptions, criterion: Int, order: [Int], region: HoldRegion) {
        lo = Double(region.low)
        hi = Double(region.high)
        hasUpperBound = region.bounded
        let cost = levers.cost[criterion]
        let n = order.count
        var baseCost = [Double](repeating: 0, count: n + 1), upBase = baseCost, downBase = baseCost
        var upEdges = [[Edge]](repeating: [], count: n), downEdges = upEdges
        var upStart = [Int](repeating: 0, count: n), downStart = upStart
        // Scales of the sums the bounds add up, for the rounding slack.
        var costScale = 0.0, valueScale = abs(lo) + (hasUpperBound ? abs(hi) : 0), rateScale = 0.0
        for (depth, l) in order.enumerated() {
            let range = candidates.range(l)
            var cMin = Int64.max, first = -1, last = -1
            var largestCost = 0.0, largestValue = 0.0
            for i in range {
                let p = candidates.position[i]
                largestCost = max(largestCost, abs(Double(cost[p])))
                largestValue = max(largestValue, abs(Double(levers.value[p])))
                if cost[p] < cMin { cMin = cost[p]; first = i; last = i } else if cost[p] == cMin { last = i }
            }
            baseCost[depth] = Double(cMin)
            upBase[depth] = Double(levers.value[candidates.position[last]])
            downBase[depth] = Double(levers.value[candidates.position[first]])
            upStart[depth] = candidates.position[last]
            downStart[depth] = candidates.position[first]
            upEdges[depth] = Self.hull(levers, cost, candidates, lever: l, depth: depth, from: last, rising: true)
            downEdges[depth] = Self.hull(levers, cost, candidates, lever: l, depth: depth, from: first, rising: false)
            costScale += largestCost
            valueScale += largestValue
            for edge in upEdges[depth] + downEdges[depth] { rateScale = max(rateScale, abs(edge.dc / edge.dv)) }
        }
        var up = [EdgeTable](repeating: EdgeTable(), count: n + 1), down = up
        // Each lever's hull edges already rise in rate, so each depth's table is the next one's
        // merged with one lever's edges.
        var mergedUp: [Edge] = [], mergedDown: [Edge] = []
        for depth in stride(from: n - 1, through: 0, by: -1) {
            baseCost[depth] += baseCost[depth + 1]
            upBase[depth] += upBase[depth + 1]
            downBase[depth] += downBase[depth + 1]
            mergedUp = Self.merge(mergedUp, upEdges[depth])
            mergedDown = Self.merge(mergedDown, downEdges[depth])
            up[depth] = Self.table(mergedUp)
            down[depth] = Self.table(mergedDown)
        }
        self.baseCost = baseCost
        self.upBase = upBase
        self.downBase = downBase
        self.up = up
        self.down = down
        // Far above the rounding of these sums (relative 1e-16 a term), far below a grid step
        // of cost when costs are small whole numbers (levers moved).
        slack = 1e-12 * Double(n + 1) * (costScale + rateScale * valueScale) + 1e-6

        // The root's price of value: the rate of the edge that covers its shortfall; walking the
        // same edges rounds the root's solution.
        var guide = 0.0
        var rounded = upStart
        if n > 0, lo - upBase[0] > 0 {
            guide = Self.walk(mergedUp, covering: lo - upBase[0], into: &rounded)
        } else if n > 0, hasUpperBound, downBase[0] - hi > 0 {
            rounded = downStart
            guide = -Self.walk(mergedDown, covering: downBase[0] - hi, into: &rounded)
        }
        self.guide = guide
        self.rounded = rounded
        var guideSuffix = [Double](repeating: 0, count: n + 1), guideMin = [Double](repeating: 0, count: n)
        for depth in stride(from: n - 1, through: 0, by: -1) {
            var best = Double.infinity
            for i in candidates.range(order[depth]) {
                let p = candidates.position[i]
                best = min(best, Double(cost[p]) - guide * Double(levers.value[p]))
            }
            guideMin[depth] = best
            guideSuffix[depth] = guideSuffix[depth + 1] + best
        }
        self.guideSuffix = guideSuffix
        self.guideMin = guideMin
    }

    /// The lower convex hull of a lever's candidates from the one at `start` (an index into
    /// `candidates.position`), towards higher values (`rising`) or lower ones, as edges of rising
    /// rate (value shed counts as value bought).
    private static func hull(
        _ levers: ObjectiveLevers, _ cost: [Int64], _ candidates: CandidateOptions, lever: Int, depth: Int, from start: Int, rising: Bool
    ) -> [Edge] {
        let range = candidates.range(lever)
        let sign = rising ? 1.0 : -1.0
        let startPosition = candidates.position[start]
        var chain = [startPosition]
        var i = rising ? start + 1 : start - 1
        while range.contains(i) {
            let p = candidates.position[i]
            i += rising ? 1 : -1
            let pv = sign * Double(levers.value[p]), pc = Double(cost[p])
            let last = chain[chain.count - 1]
            if pv == sign * Double(levers.value[last]) {
                // Equal values: only the cheaper stays (never the start, the lever's cheapest).
                if pc >= Double(cost[last]) { continue }
                chain.removeLast()
            }
            while chain.count >= 2 {
                let a = chain[chain.count - 2], b = chain[chain.count - 1]
                let av = sign * Double(levers.value[a]), ac = Double(cost[a])
                let bv = sign * Double(levers.value[b]), bc = Double(cost[b])
                // Drop b when it lies on or above the line from a to the new point.
                if (bc - ac) * (pv - av) >= (pc - ac) * (bv - av) { chain.removeLast() } else { break }
            }
            chain.append(p)
        }
        var edges: [Edge] = []
        edges.reserveCapacity(chain.count - 1)
        for k in 1..<chain.count {
            let a = chain[k - 1], b = chain[k]
            edges.append(Edge(dv: sign * Double(levers.value[b] - levers.value[a]), dc: Double(cost[b] - cost[a]),
                              depth: depth, to: b))
        }
        return edges
    }

    /// Two lists of edges, each in rising rate, as one.
    private static func merge(_ a: [Edge], _ b: [Edge]) -> [Edge] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var merged: [Edge] = []
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
    private static func table(_ edges: [Edge]) -> EdgeTable {
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

    /// Takes `edges` in order until their value covers `amount`, moving each edge's lever to the
    /// option it ends at; returns the rate of the edge that completes the cover (the last one if
    /// none does).
    private static func walk(_ edges: [Edge], covering amount: Double, into setting: inout [Int]) -> Double {
        var covered = 0.0
        for edge in edges {
            setting[edge.depth] = edge.to
            covered += edge.dv
            if covered >= amount { return edge.dc / edge.dv }
        }
        return edges.last.map { $0.dc / $0.dv } ?? 0
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

    /// The least cost of the levers from `depth` on that brings the sum from `value` into the
    /// region (infinite when they cannot).
    func cost(depth: Int, value: Double) -> Double {
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

    /// The Lagrangian bound at `guide`: every setting in the region costs at least this plus the
    /// reduced costs of its options (the linear programme's bound, up to rounding).
    var lagrangianBound: Double { guideSuffix[0] + guide * (guide >= 0 ? lo : hi) }

    /// What an option of the lever at `depth`, with this cost and value, costs beyond the lever's
    /// cheapest at price `guide` (never negative but for rounding).
    func reducedCost(cost: Int64, value: Int64, depth: Int) -> Double {
        Double(cost) - guide * Double(value) - guideMin[depth]
    }

    /// Whether a branch with this cost and value, levers from `depth` on still free, can still
    /// beat (or tie) `incumbent`. `cutRest`: neither can any option of the same lever tried after
    /// this one. `bound` receives the relaxation's bound when it was computed.
    func verdict(cost partial: Int64, value: Int64, depth: Int, against incumbent: Int64, bound: inout Double) -> Verdict {
        let limit = Double(incumbent) + slack
        let c = Double(partial), v = Double(value)
        let edge = guide >= 0 ? lo - v : hi - v
        if c + guideSuffix[depth] + guide * edge > limit { return .cutRest }
        bound = c + cost(depth: depth, value: v)
        return bound > limit ? .cut : .keep
    }
}
