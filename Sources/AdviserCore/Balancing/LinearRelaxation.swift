// The bound that prunes `BranchAndBound`, and the solution `ObjectiveSearch` rounds its first
// setting from.

/// Lower bounds on one criterion for the levers from a depth on: the linear relaxation of "pick
/// one candidate option per lever with the summed value in the region", solved exactly.
///
/// Relaxed, each lever may mix its options, so only its lower convex hull in the (value, cost)
/// plane matters. From each lever's cheapest option, value is bought (or shed, for the upper edge)
/// along hull edges, cheapest rate first, across levers; the bound is the cost of covering the
/// shortfall that way. Each depth keeps its levers' edges in rate order as prefix sums, so a bound
/// is a binary search. It is the tightest bound a relaxation of one constraint gives (the LP's).
struct LinearRelaxation {
    /// One edge of a lever's hull: the value and cost it adds, the depth of its lever and the
    /// option it ends at.
    private struct Edge {
        var dv: Double
        var dc: Double
        var depth: Int
        var to: Int
    }

    /// Per depth, the edges of the levers from it on in rising rate, as prefix sums: depth d's are
    /// entries `start[d] ..< start[d + 1]` of `value` and `cost`, beginning with 0; `rate[i]` is
    /// the rate of the edge from entry i to i + 1.
    private struct EdgeTables {
        var start: [Int] = []
        var value: [Double] = []
        var cost: [Double] = []
        var rate: [Double] = []

        /// The tables of `edges` (in rising rate) for depths 0 ..< `depths`.
        init(_ edges: [Edge], depths: Int) {
            start.reserveCapacity(depths + 1)
            for depth in 0..<depths {
                start.append(value.count)
                var v = 0.0, c = 0.0
                value.append(0); cost.append(0)
                for edge in edges where edge.depth >= depth {
                    rate.append(edge.dc / edge.dv)
                    v += edge.dv; c += edge.dc
                    value.append(v); cost.append(c)
                }
                rate.append(.infinity)
            }
            start.append(value.count)
        }

        /// The least cost of covering `amount` at depth d (infinite beyond the edges' reach).
        func cover(_ amount: Double, depth d: Int) -> Double {
            var a = start[d] + 1, b = start[d + 1]
            while a < b {
                let mid = (a + b) / 2
                if value[mid] < amount { a = mid + 1 } else { b = mid }
            }
            let k = a - 1
            guard k < start[d + 1] - 1 else { return .infinity }  // beyond reach (feasibility cuts it first)
            return cost[k] + (amount - value[k]) * rate[k]
        }
    }

    enum Verdict { case keep, cut, cutRest }

    /// Per depth: the cheapest cost of the levers from it on, and the highest (lowest) value among
    /// cheapest options, from which value is bought (shed).
    private let baseCost: [Double], upBase: [Double], downBase: [Double]
    private let up: EdgeTables, down: EdgeTables
    /// Depths with tables: 1 (the root) or all of them.
    private let tableDepths: Int
    /// The most table entries built for bounds below the root.
    static let maxTableEntries = 1 << 20
    private let lo: Double, hi: Double, hasUpperBound: Bool
    /// Floating-point slack added before a cut, so rounding can never cut the optimum.
    let slack: Double
    /// The relaxation's price of value at the root (cost per unit of value): orders each lever's
    /// options by reduced cost, so settings the relaxation likes come first.
    let guide: Double
    /// `guideSuffix[depth]`: Σ over levers from depth on of min_o (cost − guide · value): a weaker
    /// bound, but one that grows with an option's reduced cost, so the first option it cuts ends
    /// its lever's loop.
    private let guideSuffix: [Double]
    /// Per depth, min_o (cost − guide · value) over the lever's candidates.
    private let guideMin: [Double]
    /// The root's solution, rounded: per lever (by depth) the option it takes, the one lever
    /// left between two options taking the one that covers the shortfall.
    let rounded: [Int]

    /// - Parameters: `criterion` indexes `levers.cost`; `order` maps depth to lever; every lever
    ///   of `order` has at least one candidate. `everyDepth`: bounds for every depth (else for the
    ///   root only, which is all the rounding and reduced costs need).
    init(levers: ObjectiveLevers, candidates: CandidateOptions, criterion: Int, order: [Int], region: HoldRegion,
         everyDepth: Bool = true) {
        lo = Double(region.low)
        hi = Double(region.high)
        hasUpperBound = region.bounded
        let cost = levers.cost[criterion]
        let n = order.count
        var baseCost = [Double](repeating: 0, count: n + 1), upBase = baseCost, downBase = baseCost
        var upStart = [Int](repeating: 0, count: n), downStart = upStart
        var upEdges: [Edge] = [], downEdges: [Edge] = []
        var chain: [Int] = []
        // Scales of the sums the bounds add up, for the rounding slack.
        var costScale = 0.0, valueScale = abs(lo) + (hasUpperBound ? abs(hi) : 0), rateScale = 0.0
        for (depth, l) in order.enumerated() {
            let range = candidates.range(l)
            var cMin = Int64.max, first = -1, last = -1
            var largestCost: Int64 = 0, largestValue: Int64 = 0
            for i in range {
                let p = candidates.position[i]
                largestCost = max(largestCost, abs(cost[p]))
                largestValue = max(largestValue, abs(levers.value[p]))
                if cost[p] < cMin { cMin = cost[p]; first = i; last = i } else if cost[p] == cMin { last = i }
            }
            costScale += Double(largestCost)
            valueScale += Double(largestValue)
            baseCost[depth] = Double(cMin)
            upBase[depth] = Double(levers.value[candidates.position[last]])
            downBase[depth] = Double(levers.value[candidates.position[first]])
            upStart[depth] = candidates.position[last]
            downStart[depth] = candidates.position[first]
            Self.hull(levers, cost, candidates, depth: depth, lever: l, from: last, rising: true, chain: &chain, into: &upEdges)
            Self.hull(levers, cost, candidates, depth: depth, lever: l, from: first, rising: false, chain: &chain, into: &downEdges)
        }
        for edge in upEdges { rateScale = max(rateScale, abs(edge.dc / edge.dv)) }
        for edge in downEdges { rateScale = max(rateScale, abs(edge.dc / edge.dv)) }
        for depth in stride(from: n - 1, through: 0, by: -1) {
            baseCost[depth] += baseCost[depth + 1]
            upBase[depth] += upBase[depth + 1]
            downBase[depth] += downBase[depth + 1]
        }
        Self.sortByRate(&upEdges)
        Self.sortByRate(&downEdges)
        // Tables for every depth hold (depths × edges) entries: past `maxTableEntries`, the
        // depths below the root fall back to the Lagrangian bound at `guide` (linear in levers).
        let everyDepth = everyDepth && (n + 1) * (upEdges.count + downEdges.count) <= Self.maxTableEntries
        let depths = everyDepth ? n + 1 : 1
        up = EdgeTables(upEdges, depths: depths)
        down = EdgeTables(downEdges, depths: depths)
        tableDepths = depths
        self.baseCost = baseCost
        self.upBase = upBase
        self.downBase = downBase
        // Far above the rounding of these sums (relative 1.1e-16 a term, over the levers and the
        // edges), far below a grid step of cost when costs are small whole numbers (levers moved).
        let terms = Double(n + 1) + Double(upEdges.count + downEdges.count) / 1_000
        slack = 1e-12 * terms * (costScale + rateScale * valueScale) + 1e-6

        // The root's price of value: the rate of the edge that covers its shortfall; walking the
        // same edges rounds the root's solution.
        var guide = 0.0
        var rounded = upStart
        if n > 0, lo - upBase[0] > 0 {
            guide = Self.walk(upEdges, covering: lo - upBase[0], into: &rounded)
        } else if n > 0, hasUpperBound, downBase[0] - hi > 0 {
            rounded = downStart
            guide = -Self.walk(downEdges, covering: downBase[0] - hi, into: &rounded)
        } else if n > 0 {
            // The cheapest options alone can land in the region: from the lowest of them, raise
            // levers to their highest cheapest while the sum stays below the region's top.
            rounded = downStart
            var sum = downBase[0]
            for depth in 0..<n where sum < lo {
                let rise = Double(levers.value[upStart[depth]] - levers.value[downStart[depth]])
                if !hasUpperBound || sum + rise <= hi {
                    rounded[depth] = upStart[depth]
                    sum += rise
                }
            }
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

    /// Appends the edges of the lower convex hull of a lever's candidates from the one at `start`
    /// (an index into `candidates.position`), towards higher values (`rising`) or lower ones, in
    /// rising rate (value shed counts as value bought).
    private static func hull(
        _ levers: ObjectiveLevers, _ cost: [Int64], _ candidates: CandidateOptions, depth: Int, lever: Int, from start: Int,
        rising: Bool, chain: inout [Int], into edges: inout [Edge]
    ) {
        let range = candidates.range(lever)
        let sign = rising ? 1.0 : -1.0
        chain.removeAll(keepingCapacity: true)
        chain.append(candidates.position[start])
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
        for k in chain.indices.dropFirst() {
            let a = chain[k - 1], b = chain[k]
            edges.append(Edge(dv: sign * Double(levers.value[b] - levers.value[a]), dc: Double(cost[b] - cost[a]),
                              depth: depth, to: b))
        }
    }

    /// Edges of several levers, each lever's already in rising rate, in rising rate (ties by
    /// depth, then by their order within the lever, so the result is deterministic).
    private static func sortByRate(_ edges: inout [Edge]) {
        guard edges.count > 1 else { return }
        var rate = [Double](), order = Array(edges.indices)
        rate.reserveCapacity(edges.count)
        for edge in edges { rate.append(edge.dc / edge.dv) }
        order.sort { rate[$0] != rate[$1] ? rate[$0] < rate[$1] : $0 < $1 }
        edges = order.map { edges[$0] }
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

    /// The least cost of the levers from `depth` on that brings the sum from `value` into the
    /// region (infinite when they cannot).
    func cost(depth: Int, value: Double) -> Double {
        if depth >= tableDepths { return guideSuffix[depth] + guide * (guide >= 0 ? lo - value : hi - value) }
        let shortfall = lo - value - upBase[depth]
        if shortfall > 0 { return baseCost[depth] + up.cover(shortfall, depth: depth) }
        if hasUpperBound {
            let excess = value + downBase[depth] - hi
            if excess > 0 { return baseCost[depth] + down.cover(excess, depth: depth) }
        }
        return baseCost[depth]
    }

    /// Entries in the tables (what building them cost, beyond one pass over the candidates).
    var tableSize: Int { up.value.count + down.value.count }

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
