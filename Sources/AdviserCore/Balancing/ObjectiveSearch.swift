// The exact search for the best holding setting under a `BalanceObjective`. Internal: pure values
// in, pure values out, on the balancer's fixed-point grid.

/// Levers on the fixed-point grid, as the objective search reads them: each option's value and its
/// cost under each criterion of the objective, most important first (margin enters negated, so
/// every criterion is minimized).
struct ObjectiveLevers {
    /// Options of lever l are at `optionStart[l] ..< optionStart[l + 1]`, in grid order.
    let optionStart: [Int]
    let value: [Int64]
    /// `cost[k][p]`: option p's cost under criterion k of the order.
    let cost: [[Int64]]
    let current: [Int]

    var count: Int { current.count }
    func options(_ lever: Int) -> Range<Int> { optionStart[lever]..<optionStart[lever + 1] }
}

/// The best setting (one option per lever) whose summed value lies in `lo…hi`, lexicographically by
/// (cost₀, cost₁, cost₂) and then by the choice vector (lowest settings first, lever by lever).
///
/// A depth-first branch and bound, iterative so that no number of levers can exhaust a stack:
/// - levers are visited widest value range first, so infeasible branches die early;
/// - a branch is cut when the remaining levers can no longer bring the value into the band, or
///   when a bound on its best first criterion is worse than the best setting found. The bound is
///   Lagrangian: for any θ ≥ 0, Σ cost ≥ θ·(lo − partial value) + Σ_rest min_o (cost_o − θ·value_o),
///   (θ ≤ 0 with `hi`), a separable relaxation as tight as the linear programme's at the right θ.
///   A handful of θ around the root's best are kept, with their suffix sums, so a node costs a few
///   dozen multiply-adds. Floating-point slack is added before cutting, so no optimum is ever cut;
///   exact integer bounds on each criterion settle ties;
/// - each lever's options are tried in order of their reduced cost at the root's θ, so good
///   settings come first, and the first option whose bound fails ends the lever's loop (the bound
///   grows with the reduced cost);
/// - the last lever is not branched on: its options are scanned against the residual band.
struct ObjectiveSearch {
    let levers: ObjectiveLevers
    let lo: Int64
    let hi: Int64
    /// Whether `hi` bounds anything (false in at-least mode).
    let hasUpperBound: Bool
    let maxSteps: Int

    /// The chosen option per lever (indexes into each lever's options, grid order) and whether the
    /// search finished; nil choice: no setting lies in the band (proven when `complete`).
    func run() -> (choice: [Int]?, complete: Bool) {
        let n = levers.count
        if n == 0 { return (lo <= 0 && (!hasUpperBound || 0 <= hi) ? [] : nil, true) }
        var state = SearchState(levers: levers, lo: lo, hi: hi, hasUpperBound: hasUpperBound)
        return state.search(maxSteps: maxSteps)
    }
}

/// Precomputed tables and the moving parts of one `ObjectiveSearch`.
private struct SearchState {
    let levers: ObjectiveLevers
    let lo: Int64, hi: Int64, hasUpperBound: Bool
    let criteria: Int
    /// Visiting order: depth → lever.
    let order: [Int]
    /// Per depth, the lever's options (absolute positions) in reduced-cost order.
    let tryOrder: [[Int]]
    /// Value range of the levers from depth i on (size n + 1).
    let suffixMinValue: [Int64], suffixMaxValue: [Int64]
    /// Per criterion, the sum of each lever's smallest cost from depth i on.
    let suffixMinCost: [[Int64]]
    let relaxation: LinearRelaxation

    // Search state.
    var choice: [Int]
    var best: (cost: [Int64], choice: [Int])?
    /// The last two levers, settled by lookup once the search has taken `pairsAfter` steps.
    var pairs: PairCompletion?
    /// Steps after which building `pairs` pays: small problems finish long before.
    static let pairsAfter = 1_000

    init(levers: ObjectiveLevers, lo: Int64, hi: Int64, hasUpperBound: Bool) {
        self.levers = levers
        self.lo = lo
        self.hi = hi
        self.hasUpperBound = hasUpperBound
        criteria = levers.cost.count
        let n = levers.count
        var minValue = [Int64](repeating: 0, count: n), maxValue = [Int64](repeating: 0, count: n)
        for l in 0..<n {
            var a = Int64.max, b = Int64.min
            for p in levers.options(l) { a = min(a, levers.value[p]); b = max(b, levers.value[p]) }
            minValue[l] = a
            maxValue[l] = b
        }
        order = (0..<n).sorted { (maxValue[$0] - minValue[$0], $1) > (maxValue[$1] - minValue[$1], $0) }
        var suffixMin = [Int64](repeating: 0, count: n + 1), suffixMax = [Int64](repeating: 0, count: n + 1)
        var suffixCost = [[Int64]](repeating: [Int64](repeating: 0, count: n + 1), count: levers.cost.count)
        for depth in stride(from: n - 1, through: 0, by: -1) {
            let l = order[depth]
            suffixMin[depth] = suffixMin[depth + 1] + minValue[l]
            suffixMax[depth] = suffixMax[depth + 1] + maxValue[l]
            for k in levers.cost.indices {
                var smallest = Int64.max
                for p in levers.options(l) { smallest = min(smallest, levers.cost[k][p]) }
                suffixCost[k][depth] = suffixCost[k][depth + 1] + smallest
            }
        }
        suffixMinValue = suffixMin
        suffixMaxValue = suffixMax
        suffixMinCost = suffixCost
        relaxation = LinearRelaxation(levers: levers, order: order, lo: lo, hi: hi, hasUpperBound: hasUpperBound)
        let theta = relaxation.guide
        tryOrder = order.map { l in
            levers.options(l).sorted {
                let a = Double(levers.cost[0][$0]) - theta * Double(levers.value[$0])
                let b = Double(levers.cost[0][$1]) - theta * Double(levers.value[$1])
                return a != b ? a < b : $0 < $1
            }
        }
        choice = levers.current
    }

    mutating func search(maxSteps: Int) -> (choice: [Int]?, complete: Bool) {
        let n = levers.count
        let k = criteria
        // Per depth: the next position in its try order, and the partial sums before it.
        var next = [Int](repeating: 0, count: n)
        var partialValue = [Int64](repeating: 0, count: n + 1)
        var partialCost = [Int64](repeating: 0, count: (n + 1) * k)
        var steps = 0
        var depth = 0
        var complete = true
        while depth >= 0 {
            steps += 1
            if steps > maxSteps {
                complete = false
                break
            }
            if steps == Self.pairsAfter && n >= 3 {
                let a = order[n - 2], b = order[n - 1]
                if levers.options(a).count * levers.options(b).count <= PairCompletion.maxCombinations {
                    pairs = PairCompletion(levers: levers, first: a, second: b)
                }
            }
            let l = order[depth]
            if depth == n - 2, let pairs {
                finishPair(pairs, value: partialValue[depth], cost: partialCost, at: depth * k)
                depth -= 1
                continue
            }
            if depth == n - 1 {
                finishLast(lever: l, value: partialValue[depth], cost: partialCost, at: depth * k)
                depth -= 1
                continue
            }
            var descended = false
            let options = tryOrder[depth]
            while next[depth] < options.count {
                let p = options[next[depth]]
                next[depth] += 1
                let v = partialValue[depth] + levers.value[p]
                guard v + suffixMaxValue[depth + 1] >= lo, !hasUpperBound || v + suffixMinValue[depth + 1] <= hi else { continue }
                let c0 = partialCost[depth * k] + levers.cost[0][p]
                if let best {
                    switch relaxation.verdict(cost: c0, value: v, depth: depth + 1, against: best.cost[0]) {
                    case .cutRest: next[depth] = options.count; continue
                    case .cut: continue
                    case .keep: break
                    }
                    if exactlyWorse(depth: depth, option: p, partialCost: partialCost, than: best.cost) { continue }
                }
                choice[l] = p - levers.optionStart[l]
                partialValue[depth + 1] = v
                for c in 0..<k { partialCost[(depth + 1) * k + c] = partialCost[depth * k + c] + levers.cost[c][p] }
                next[depth + 1] = 0
                depth += 1
                descended = true
                break
            }
            if !descended { depth -= 1 }
        }
        return (best?.choice, complete)
    }

    /// Whether exact per-criterion bounds show every completion of this branch loses to `best`.
    private func exactlyWorse(depth: Int, option p: Int, partialCost: [Int64], than best: [Int64]) -> Bool {
        for c in 0..<criteria {
            let bound = partialCost[depth * criteria + c] + levers.cost[c][p] + suffixMinCost[c][depth + 1]
            if bound != best[c] { return bound > best[c] }
        }
        return false  // could tie on every criterion: the choice vector decides at the leaf
    }

    /// The last two levers, by lookup: the best combination that lands the sum in the band.
    private mutating func finishPair(_ pairs: PairCompletion, value: Int64, cost: [Int64], at base: Int) {
        let high = hasUpperBound ? hi - value : Int64.max
        guard let entry = pairs.best(from: lo - value, to: high) else { return }
        var key = [Int64](repeating: 0, count: criteria)
        for c in 0..<criteria { key[c] = cost[base + c] + pairs.cost[c][entry] }
        choice[pairs.first] = Int(pairs.optionOfFirst[entry]) - levers.optionStart[pairs.first]
        choice[pairs.second] = Int(pairs.optionOfSecond[entry]) - levers.optionStart[pairs.second]
        if let best {
            if key != best.cost {
                if !key.lexicographicallyPrecedes(best.cost) { return }
            } else if !choice.lexicographicallyPrecedes(best.choice) {
                return
            }
        }
        best = (key, choice)
    }

    /// The last lever: every option whose value lands the sum in the band is a complete setting.
    private mutating func finishLast(lever l: Int, value: Int64, cost: [Int64], at base: Int) {
        for p in levers.options(l) {
            let v = value + levers.value[p]
            guard v >= lo, !hasUpperBound || v <= hi else { continue }
            var key = [Int64](repeating: 0, count: criteria)
            for c in 0..<criteria { key[c] = cost[base + c] + levers.cost[c][p] }
            choice[l] = p - levers.optionStart[l]
            if let best {
                if key != best.cost {
                    if !key.lexicographicallyPrecedes(best.cost) { continue }
                } else if !choice.lexicographicallyPrecedes(best.choice) {
                    continue
                }
            }
            best = (key, choice)
        }
    }
}

/// Lower bounds on the first criterion for the levers from a depth on: the linear relaxation of
/// "pick one option per lever with the summed value in lo…hi", solved exactly.
///
/// Relaxed, each lever may mix its options, so only its lower convex hull in the (value, cost)
/// plane matters. From each lever's cheapest option, value is bought (or shed, for the upper edge)
/// along hull edges, cheapest rate first, merged across levers; the bound is the cost of covering
/// the shortfall that way. Each depth keeps its levers' merged edges with prefix sums, so a bound is
/// a binary search. It is the tightest bound a relaxation of one constraint gives (the LP's).
private struct LinearRelaxation {
    /// Per depth: the cheapest cost of the levers from it on, and the highest (lowest) value among
    /// cheapest options, from which value is bought (shed).
    let baseCost: [Double], upBase: [Double], downBase: [Double]
    /// Per depth: merged hull edges for raising (lowering) value, cheapest rate first, as prefix
    /// sums of value and cost, and each edge's rate.
    let up: [EdgeTable], down: [EdgeTable]
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
        for depth in stride(from: n - 1, through: 0, by: -1) {
            baseCost[depth] = baseCost[depth + 1] + cheapest[depth]
            upBase[depth] = upBase[depth + 1] + highBase[depth]
            downBase[depth] = downBase[depth + 1] + lowBase[depth]
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
        slack = 1e-12 * (magnitude + abs(Double(lo)) + (hasUpperBound ? abs(Double(hi)) : 0)) * Double(n + 1) + 4
        // The root's price of value: the rate of the edge that covers its shortfall.
        var guide = 0.0
        if let root = up.first, Double(lo) - upBase[0] > 0 {
            let k = Self.edge(covering: Double(lo) - upBase[0], in: root)
            guide = k < root.rate.count ? root.rate[k] : root.rate.last ?? 0
        } else if hasUpperBound, let root = down.first, downBase[0] - Double(hi) > 0 {
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

