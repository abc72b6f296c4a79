// The exact search behind `Balancer`. Internal: pure values in, pure values out.

/// Scales one quantity (value, move or margin) onto an `Int64` fixed-point grid, so that
/// sums are exact and independent of summation order: ties are real ties, and the
/// lexicographic order of settings is the same whatever order the search adds terms in.
struct FixedPointScale {
    /// 2^40 (one step ≈ 9.1e-13) unless `bound` is so large that sums could overflow;
    /// then the largest power of two keeping `bound` below 2^61.
    let factor: Double

    init(bound: Double) {
        var exponent = 40
        if bound >= 1 { exponent = min(40, 60 - Int(bound.exponent)) }
        factor = Double(sign: .plus, exponent: exponent, significand: 1)
    }

    func callAsFunction(_ x: Double) -> Int64 { Int64((x * factor).rounded()) }
}

enum BalanceSearch {
    /// Absolute slack added to the tolerance, as a real number; at least one fixed-point step.
    static let epsilon = 1e-12

    static func clampedCurrent(_ lever: BalanceLever) -> Int {
        lever.options.isEmpty ? -1 : min(max(lever.current, 0), lever.options.count - 1)
    }

    /// Chosen option index per lever (in problem order), whether the band is held, and
    /// whether the search ran to completion within `maxSteps` per phase.
    static func solve(_ problem: BalanceProblem, maxSteps: Int) -> (choice: [Int], held: Bool, complete: Bool) {
        var choice = problem.levers.map(clampedCurrent)
        guard let q = Quantized(problem) else { return (choice, false, true) }
        let (flexChoice, held, complete) = q.run(maxSteps: maxSteps)
        for (f, l) in q.orig.enumerated() { choice[l] = flexChoice[f] }
        return (choice, held, complete)
    }
}

/// A problem on the fixed-point grid, reduced to its flex levers (two or more options;
/// single-option levers are folded into the fixed value). Cheap to build: enough to
/// answer the fast paths (current holds, band outside the achievable range) before any
/// sorting happens.
private struct Quantized {
    let n: Int
    let orig: [Int]
    let cur: [Int]
    /// Options of flex lever f are at optOff[f]..<optOff[f + 1], in grid order.
    let optOff: [Int]
    let optV: [Int64], optM: [Int64], optG: [Int64]
    /// Band [lo, hi] = center ± band for the flex levers' summed value.
    let lo: Int64, hi: Int64, center: Int64, band: Int64

    /// `nil` when the problem has a non-finite number (it cannot be balanced).
    init?(_ problem: BalanceProblem) {
        let tolerance = max(0, problem.tolerance)
        guard problem.fixedValue.isFinite, problem.target.isFinite, tolerance.isFinite else { return nil }
        var boundV = abs(problem.fixedValue) + abs(problem.target) + tolerance + BalanceSearch.epsilon
        var boundM = 0.0, boundG = 0.0
        for lever in problem.levers {
            var mv = 0.0, mm = 0.0, mg = 0.0
            for o in lever.options {
                guard o.value.isFinite, o.move.isFinite, o.margin.isFinite else { return nil }
                mv = max(mv, abs(o.value)); mm = max(mm, abs(o.move)); mg = max(mg, abs(o.margin))
            }
            boundV += mv; boundM += mm; boundG += mg
        }
        guard boundV.isFinite, boundM.isFinite, boundG.isFinite else { return nil }
        let qV = FixedPointScale(bound: boundV), qM = FixedPointScale(bound: boundM), qG = FixedPointScale(bound: boundG)

        var fixed = qV(problem.fixedValue)
        var orig: [Int] = [], cur: [Int] = [], optOff = [0]
        var optV: [Int64] = [], optM: [Int64] = [], optG: [Int64] = []
        let total = problem.gridPointCount
        optV.reserveCapacity(total); optM.reserveCapacity(total); optG.reserveCapacity(total)
        for (l, lever) in problem.levers.enumerated() {
            if lever.options.count >= 2 {
                orig.append(l)
                cur.append(BalanceSearch.clampedCurrent(lever))
                for o in lever.options { optV.append(qV(o.value)); optM.append(qM(o.move)); optG.append(qG(o.margin)) }
                optOff.append(optV.count)
            } else if let only = lever.options.first {
                fixed += qV(only.value)
            }
        }
        let target = qV(problem.target)
        let band = qV(tolerance) + max(1, Int64((BalanceSearch.epsilon * qV.factor).rounded(.up)))
        lo = target - band - fixed
        hi = target + band - fixed
        center = target - fixed
        self.band = band
        n = orig.count
        self.orig = orig; self.cur = cur; self.optOff = optOff
        self.optV = optV; self.optM = optM; self.optG = optG
    }

    func run(maxSteps: Int) -> (choice: [Int], held: Bool, complete: Bool) {
        if n == 0 { return ([], lo <= 0 && 0 <= hi, true) }
        // 0 moved: the current setting.
        var now: Int64 = 0, low: Int64 = 0, high: Int64 = 0
        for f in 0..<n {
            now += optV[optOff[f] + cur[f]]
            var a = Int64.max, b = Int64.min
            for p in optOff[f]..<optOff[f + 1] { a = min(a, optV[p]); b = max(b, optV[p]) }
            low += a; high += b
        }
        if lo <= now && now <= hi { return (cur, true, true) }
        // Outside the achievable range: the extreme sum is the unique closest value; each
        // lever independently takes its best (moved, move, −margin, index) option among
        // those at its extreme, which is lexicographically best for the sums too.
        if hi < low || lo > high {
            let wantLow = hi < low
            let choice = (0..<n).map { f in
                let base = optOff[f], count = optOff[f + 1] - base
                var extreme = optV[base]
                for i in 0..<count { extreme = wantLow ? min(extreme, optV[base + i]) : max(extreme, optV[base + i]) }
                var best = -1
                for i in 0..<count where optV[base + i] == extreme {
                    if best < 0 || precedes(i, best, lever: f) { best = i }
                }
                return best
            }
            return (choice, false, true)
        }
        if let single = oneMove(now: now) { return (single, true, true) }
        if n == 1 { return Engine(self, maxSteps: maxSteps).closestOnly() }
        var engine = Engine(self, maxSteps: maxSteps)
        return engine.run(fromMoves: 2)
    }

    /// The best holding setting that moves exactly one lever, by a linear scan (the common
    /// answer, so it is worth skipping the search tables for it).
    private func oneMove(now: Int64) -> [Int]? {
        var sumM: Int64 = 0, sumG: Int64 = 0
        for f in 0..<n { sumM += optM[optOff[f] + cur[f]]; sumG += optG[optOff[f] + cur[f]] }
        var best: (f: Int, o: Int, m: Int64, g: Int64)?
        for f in 0..<n {
            let base = optOff[f], c = cur[f]
            let restV = now - optV[base + c], restM = sumM - optM[base + c], restG = sumG - optG[base + c]
            for o in 0..<(optOff[f + 1] - base) where o != c {
                let v = restV + optV[base + o]
                guard lo <= v && v <= hi else { continue }
                let m = restM + optM[base + o], g = restG + optG[base + o]
                if let b = best {
                    if m != b.m { if m > b.m { continue } } else if g != b.g { if g < b.g { continue } }
                    else if !Quantized.singleMovePrecedes(f, o, b.f, b.o, cur) { continue }
                }
                best = (f, o, m, g)
            }
        }
        guard let best else { return nil }
        var choice = cur
        choice[best.f] = best.o
        return choice
    }

    /// Whether moving lever f1 to o1 gives a lexicographically smaller choice vector than
    /// moving lever f2 to o2 (everything else current).
    private static func singleMovePrecedes(_ f1: Int, _ o1: Int, _ f2: Int, _ o2: Int, _ cur: [Int]) -> Bool {
        if f1 == f2 { return o1 < o2 }
        return f1 < f2 ? o1 < cur[f1] : cur[f2] < o2
    }

    /// Option i before option j of flex lever f on (moved, move, −margin, index).
    private func precedes(_ i: Int, _ j: Int, lever f: Int) -> Bool {
        let base = optOff[f], c = cur[f]
        if (i == c) != (j == c) { return i == c }
        if optM[base + i] != optM[base + j] { return optM[base + i] < optM[base + j] }
        if optG[base + i] != optG[base + j] { return optG[base + i] > optG[base + j] }
        return i < j
    }
}

/// Search tables and state for the exact search, built only when the fast paths fail.
/// A struct with mutating methods (not a class) so state access needs no dynamic
/// exclusivity checks in the hot loops.
///
/// Per flex lever it keeps the non-current options sorted by (move, −margin, index) for
/// branch-and-bound, the same options sorted by value with a sparse table answering "best
/// (move, −margin, index) among options whose value lies in [lo, hi]" in O(1) after two
/// binary searches, and all options sorted by value for the closest-setting search.
private struct Engine {
    let n: Int
    let cur: [Int]
    let curV: [Int64], curM: [Int64], curG: [Int64]
    let lo: Int64, hi: Int64, center: Int64, band: Int64
    /// Work allowed per phase (counted in search steps, so cut-offs are deterministic).
    let maxSteps: Int
    var steps = 0
    var exhausted = false

    // Non-current options, by move then −margin then index (offsets `ncOff`).
    let ncOff: [Int]
    let mvV: [Int64], mvM: [Int64], mvG: [Int64], mvIdx: [Int]
    // The same options by value (then move, −margin, index), with a sparse table of minima.
    let vlV: [Int64], vlM: [Int64], vlG: [Int64], vlIdx: [Int]
    let spOff: [Int]
    let sp: [Int]
    // All options by value, then moved, move, −margin, index (offsets `alOff`);
    // `alGroup[p]` is the first position holding the same value as `p`.
    let alOff: [Int]
    let alV: [Int64], alMoved: [Int64], alM: [Int64], alG: [Int64], alIdx: [Int], alGroup: [Int]
    // Per-lever extremes.
    let minNCV: [Int64], maxNCV: [Int64], minNCM: [Int64], maxNCG: [Int64]
    // Suffix sums (size n + 1).
    let sufCurV: [Int64], sufCurM: [Int64], sufCurG: [Int64]
    let sufMinV: [Int64], sufMaxV: [Int64], sufMinM: [Int64], sufMaxG: [Int64]
    /// Suffix maxima of each lever's best value change per unit of move, upwards and
    /// downwards (`.infinity` when a lever can change value without adding move): moving
    /// value by D costs at least D / ratio, a bound that sees how far the band is.
    let sufUpRate: [Double], sufDownRate: [Double]
    /// Whether no option of levers i..<n has less move than its lever's current option
    /// (the usual case); only then is the current moves' sum a floor for the rate bound.
    let sufMoveNeverDrops: [Bool]

    // Per-k tables: over levers i..<n with exactly r moved, index i * (kMax + 1) + r.
    var kMax = 0
    var tMinV: [Int64] = [], tMaxV: [Int64] = [], tMinM: [Int64] = [], tMaxG: [Int64] = []

    // Search state.
    var path: [Int]
    var bestFound = false
    var bestDist: Int64 = 0, bestMoved: Int64 = 0, bestM: Int64 = 0, bestG: Int64 = 0
    var bestChoice: [Int] = []

    init(_ q: Quantized, maxSteps: Int) {
        n = q.n; cur = q.cur; lo = q.lo; hi = q.hi; center = q.center; band = q.band
        self.maxSteps = max(1, maxSteps)
        var curV = [Int64](), curM = [Int64](), curG = [Int64]()
        var ncOff = [0], mvV = [Int64](), mvM = [Int64](), mvG = [Int64](), mvIdx = [Int]()
        var vlV = [Int64](), vlM = [Int64](), vlG = [Int64](), vlIdx = [Int]()
        var spOff = [Int](), sp = [Int]()
        var alOff = [0], alV = [Int64](), alMoved = [Int64](), alM = [Int64](), alG = [Int64]()
        var alIdx = [Int](), alGroup = [Int]()
        var minNCV = [Int64](), maxNCV = [Int64](), minNCM = [Int64](), maxNCG = [Int64]()
        var minAllV = [Int64](), maxAllV = [Int64](), minAllM = [Int64](), maxAllG = [Int64]()
        var upRate = [Double](), downRate = [Double](), moveNeverDrops = [Bool]()
        let total = q.optV.count
        mvV.reserveCapacity(total); mvM.reserveCapacity(total); mvG.reserveCapacity(total); mvIdx.reserveCapacity(total)
        vlV.reserveCapacity(total); vlM.reserveCapacity(total); vlG.reserveCapacity(total); vlIdx.reserveCapacity(total)
        alV.reserveCapacity(total); alMoved.reserveCapacity(total); alM.reserveCapacity(total)
        alG.reserveCapacity(total); alIdx.reserveCapacity(total); alGroup.reserveCapacity(total)
        let v = q.optV, m = q.optM, g = q.optG

        for f in 0..<q.n {
            let base = q.optOff[f], count = q.optOff[f + 1] - base, c = q.cur[f]
            curV.append(v[base + c]); curM.append(m[base + c]); curG.append(g[base + c])

            var byMove = Array(0..<count)
            byMove.remove(at: c)
            byMove.sort { a, b in
                let ma = m[base + a], mb = m[base + b]
                if ma != mb { return ma < mb }
                let ga = g[base + a], gb = g[base + b]
                return ga != gb ? ga > gb : a < b
            }
            var lowNCM = Int64.max, highNCG = Int64.min
            for o in byMove {
                let x = base + o
                mvV.append(v[x]); mvM.append(m[x]); mvG.append(g[x]); mvIdx.append(o)
                lowNCM = min(lowNCM, m[x]); highNCG = max(highNCG, g[x])
            }
            minNCM.append(lowNCM); maxNCG.append(highNCG)

            // One value sort serves both: all options by (value, moved, move, −margin, index);
            // dropping the current option leaves the non-current ones by (value, move, −margin, index).
            var all = Array(0..<count)
            all.sort { a, b in
                let va = v[base + a], vb = v[base + b]
                if va != vb { return va < vb }
                if (a == c) != (b == c) { return a == c }
                let ma = m[base + a], mb = m[base + b]
                if ma != mb { return ma < mb }
                let ga = g[base + a], gb = g[base + b]
                return ga != gb ? ga > gb : a < b
            }
            let allBase = alV.count, ncBase = vlV.count
            for (k, o) in all.enumerated() {
                let x = base + o
                alV.append(v[x]); alMoved.append(o == c ? 0 : 1); alM.append(m[x]); alG.append(g[x]); alIdx.append(o)
                alGroup.append(k > 0 && v[base + all[k - 1]] == v[x] ? alGroup[allBase + k - 1] : allBase + k)
                if o != c { vlV.append(v[x]); vlM.append(m[x]); vlG.append(g[x]); vlIdx.append(o) }
            }
            alOff.append(alV.count)
            ncOff.append(vlV.count)
            minNCV.append(vlV[ncBase]); maxNCV.append(vlV[vlV.count - 1])
            minAllV.append(alV[allBase]); maxAllV.append(alV[alV.count - 1])
            minAllM.append(min(lowNCM, m[base + c])); maxAllG.append(max(highNCG, g[base + c]))

            // Sparse table over positions ncBase..<ncBase+ncCount: level j holds the position of
            // the best (move, −margin, index) in [p, p + 2^j).
            // Rates: every option must satisfy Δmove ≥ Δvalue / rate (for its direction).
            var up = 0.0, down = 0.0, neverDrops = true
            for o in 0..<count where o != c {
                let dv = v[base + o] - v[base + c], dm = m[base + o] - m[base + c]
                if dm < 0 {
                    up = .infinity; down = .infinity; neverDrops = false
                } else if dm == 0 {
                    if dv > 0 { up = .infinity } else if dv < 0 { down = .infinity }
                } else if dv > 0 {
                    up = max(up, Double(dv) / Double(dm))
                } else if dv < 0 {
                    down = max(down, Double(-dv) / Double(dm))
                }
            }
            upRate.append(up); downRate.append(down); moveNeverDrops.append(neverDrops)

            let ncCount = count - 1
            spOff.append(sp.count)
            sp.append(contentsOf: ncBase..<(ncBase + ncCount))
            var width = 1
            while width * 2 <= ncCount {
                let previous = sp.count - ncCount
                for p in 0..<ncCount {
                    let a = sp[previous + p]
                    let b = p + width < ncCount ? sp[previous + p + width] : a
                    sp.append(Engine.better(a, b, vlM, vlG, vlIdx) ? a : b)
                }
                width *= 2
            }
        }
        self.curV = curV; self.curM = curM; self.curG = curG
        self.ncOff = ncOff; self.mvV = mvV; self.mvM = mvM; self.mvG = mvG; self.mvIdx = mvIdx
        self.vlV = vlV; self.vlM = vlM; self.vlG = vlG; self.vlIdx = vlIdx; self.spOff = spOff; self.sp = sp
        self.alOff = alOff; self.alV = alV; self.alMoved = alMoved; self.alM = alM; self.alG = alG
        self.alIdx = alIdx; self.alGroup = alGroup
        self.minNCV = minNCV; self.maxNCV = maxNCV; self.minNCM = minNCM; self.maxNCG = maxNCG
        func suffix(_ xs: [Int64]) -> [Int64] {
            var s = [Int64](repeating: 0, count: xs.count + 1)
            for i in stride(from: xs.count - 1, through: 0, by: -1) { s[i] = s[i + 1] + xs[i] }
            return s
        }
        sufCurV = suffix(curV); sufCurM = suffix(curM); sufCurG = suffix(curG)
        sufMinV = suffix(minAllV); sufMaxV = suffix(maxAllV); sufMinM = suffix(minAllM); sufMaxG = suffix(maxAllG)
        func suffixMax(_ xs: [Double]) -> [Double] {
            var s = [Double](repeating: 0, count: xs.count + 1)
            for i in stride(from: xs.count - 1, through: 0, by: -1) { s[i] = max(s[i + 1], xs[i]) }
            return s
        }
        sufUpRate = suffixMax(upRate); sufDownRate = suffixMax(downRate)
        var never = [Bool](repeating: true, count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) { never[i] = never[i + 1] && moveNeverDrops[i] }
        sufMoveNeverDrops = never
        path = cur
    }

    /// Most moved levers the (recursive) fewest-moves search explores; beyond it the result
    /// comes from the closest search and is marked not exhaustive.
    static let maxRecursiveMoves = 256

    /// Whether non-current option at position `a` beats `b` on (move, −margin, index).
    private static func better(_ a: Int, _ b: Int, _ m: [Int64], _ g: [Int64], _ idx: [Int]) -> Bool {
        if m[a] != m[b] { return m[a] < m[b] }
        if g[a] != g[b] { return g[a] > g[b] }
        return idx[a] < idx[b]
    }

    /// One lever, and its only move did not hold: the closest setting.
    consuming func closestOnly() -> (choice: [Int], held: Bool, complete: Bool) {
        seedClosest()
        closestSearch()
        return (bestChoice, bestDist <= band, !exhausted)
    }

    /// Searches k = `fromMoves`, … moved levers (fewer are known not to hold).
    mutating func run(fromMoves: Int) -> (choice: [Int], held: Bool, complete: Bool) {
        // Fewest moves first: the first k with any holding setting decides.
        // Exact value range with exactly k moved, for every k at once: the current sum plus
        // the k most negative (or most positive) per-lever changes. Skips hopeless k cheaply.
        let downs = (0..<n).map { minNCV[$0] - curV[$0] }.sorted()
        let ups = (0..<n).map { maxNCV[$0] - curV[$0] }.sorted(by: >)
        var lowK = sufCurV[0], highK = sufCurV[0]
        for k in 1...n {
            lowK += downs[k - 1]; highK += ups[k - 1]
            if k < fromMoves || lowK > hi || highK < lo { continue }
            // The tables cost n·k: count them against the budget too. The search recurses
            // once per moved lever, so k is capped to keep the stack small.
            steps &+= n * (k + 1)
            if steps > maxSteps || k > Engine.maxRecursiveMoves { exhausted = true; break }
            buildTables(k)
            if tMinV[k] > hi || tMaxV[k] < lo { continue }
            bestFound = false
            dfs(0, k, 0, 0, 0)
            if bestFound { return (bestChoice, true, !exhausted) }
            if exhausted { break }
        }
        // Nothing holds although the band is within range (or the budget ran out before
        // finding out): the closest setting, exactly, from a greedy incumbent.
        let complete = !exhausted
        steps = 0; exhausted = false; bestFound = false
        seedClosest()
        closestSearch()
        return (bestChoice, bestDist <= band, complete && !exhausted)
    }

    /// Counts one search step; false (and `exhausted`) once the phase's budget is spent.
    @inline(__always) private mutating func step() -> Bool {
        steps &+= 1
        if steps > maxSteps { exhausted = true }
        return !exhausted
    }

    // MARK: Fewest moves, in band

    /// Exact bounds over levers i..<n with exactly r of them moved (r ≤ k), by dynamic programming.
    private mutating func buildTables(_ k: Int) {
        kMax = k
        let w = k + 1
        let size = (n + 1) * w
        tMinV = [Int64](repeating: 0, count: size); tMaxV = tMinV; tMinM = tMinV; tMaxG = tMinV
        for i in stride(from: n - 1, through: 0, by: -1) {
            for r in 0...min(k, n - i) {
                let t = i * w + r
                var minV = Int64.max, maxV = Int64.min, minM = Int64.max, maxG = Int64.min
                if r <= n - i - 1 {
                    let s = (i + 1) * w + r
                    minV = curV[i] + tMinV[s]; maxV = curV[i] + tMaxV[s]
                    minM = curM[i] + tMinM[s]; maxG = curG[i] + tMaxG[s]
                }
                if r >= 1 {
                    let s = (i + 1) * w + r - 1
                    minV = min(minV, minNCV[i] + tMinV[s]); maxV = max(maxV, maxNCV[i] + tMaxV[s])
                    minM = min(minM, minNCM[i] + tMinM[s]); maxG = max(maxG, maxNCG[i] + tMaxG[s])
                }
                tMinV[t] = minV; tMaxV[t] = maxV; tMinM[t] = minM; tMaxG[t] = maxG
            }
        }
    }

    /// Strictly worse than the best so far on (move, −margin): cannot win even on a tie-break.
    @inline(__always) private func worse(_ m: Int64, _ g: Int64) -> Bool {
        bestFound && (m > bestM || (m == bestM && g < bestG))
    }

    /// Offers `path` (holding, with the given totals) as a candidate.
    private mutating func offer(_ m: Int64, _ g: Int64) {
        if bestFound {
            if m != bestM { if m > bestM { return } } else if g != bestG { if g < bestG { return } } else if !path.lexicographicallyPrecedes(bestChoice) { return }
        }
        bestFound = true; bestM = m; bestG = g; bestChoice = path
    }

    /// Levers i..<n, exactly r (≥ 1) of which move; levers before i are set in `path` and
    /// add up to (sv, sm, sg).
    private mutating func dfs(_ i: Int, _ r: Int, _ sv: Int64, _ sm: Int64, _ sg: Int64) {
        let w = kMax + 1
        let t = i * w + r
        if sv + tMinV[t] > hi || sv + tMaxV[t] < lo || worse(sm + tMinM[t], sg + tMaxG[t]) { return }
        if bestFound && sufMoveNeverDrops[i] && sm + sufCurM[i] + rateBound(i, sv) > bestM { return }
        if r == 1 {
            // One lever j moves, the rest stay: best option of j in the remaining band, in O(log m).
            for j in i..<n {
                guard step() else { return }
                let base = sv + sufCurV[i] - curV[j]
                let bm = sm + sufCurM[i] - curM[j], bg = sg + sufCurG[i] - curG[j]
                if worse(bm + minNCM[j], bg + maxNCG[j]) { continue }
                guard let p = bestInRange(j, lo - base, hi - base) else { continue }
                path[j] = vlIdx[p]
                offer(bm + vlM[p], bg + vlG[p])
                path[j] = cur[j]
            }
            return
        }
        // j is the next lever to move; i..<j stay.
        for j in i...(n - r) {
            let kv = sv + sufCurV[i] - sufCurV[j]
            let km = sm + sufCurM[i] - sufCurM[j], kg = sg + sufCurG[i] - sufCurG[j]
            let s = (j + 1) * w + r - 1
            if kv + minNCV[j] + tMinV[s] > hi || kv + maxNCV[j] + tMaxV[s] < lo { continue }
            if worse(km + minNCM[j] + tMinM[s], kg + maxNCG[j] + tMaxG[s]) { continue }
            for p in ncOff[j]..<ncOff[j + 1] {
                guard step() else { return }
                let m = km + mvM[p]
                if bestFound && m + tMinM[s] > bestM { break }  // options are sorted by move
                let v = kv + mvV[p]
                if v + tMinV[s] > hi || v + tMaxV[s] < lo { continue }
                path[j] = mvIdx[p]
                dfs(j + 1, r - 1, v, m, kg + mvG[p])
                if exhausted { path[j] = cur[j]; return }
            }
            path[j] = cur[j]
        }
    }

    /// Lower bound on the move levers i..<n must add (beyond their current moves) to bring
    /// their value from its current sum into the band, given `sv` from levers before i.
    /// Valid only when `sufMoveNeverDrops[i]` (otherwise moving can also remove move).
    /// Computed in floating point, then lowered by a relative 1e-9 and one step, so it never
    /// exceeds the true minimum: pruning with it stays exact.
    @inline(__always) private func rateBound(_ i: Int, _ sv: Int64) -> Int64 {
        let now = sv + sufCurV[i]
        let gap: Int64, rate: Double
        if now < lo { gap = lo - now; rate = sufUpRate[i] } else if now > hi { gap = now - hi; rate = sufDownRate[i] } else { return 0 }
        guard rate.isFinite, rate > 0 else { return 0 }  // 0: unreachable, left to the value bounds
        let bound = Double(gap) / rate * (1 - 1e-9) - 1
        return bound >= 1 ? Int64(min(bound, 1e18)) : 0
    }

    /// Position (in the value-sorted non-current options of lever j) of the best
    /// (move, −margin, index) among options with value in [low, high], if any.
    private func bestInRange(_ j: Int, _ low: Int64, _ high: Int64) -> Int? {
        let start = ncOff[j], end = ncOff[j + 1]
        if low > high || vlV[start] > high || vlV[end - 1] < low { return nil }
        var a = start, b = end
        while a < b { let mid = (a + b) / 2; if vlV[mid] < low { a = mid + 1 } else { b = mid } }
        let first = a
        b = end
        while a < b { let mid = (a + b) / 2; if vlV[mid] <= high { a = mid + 1 } else { b = mid } }
        let last = a  // exclusive
        if first >= last { return nil }
        let count = end - start
        let len = last - first
        let level = Int.bitWidth - 1 - len.leadingZeroBitCount
        let row = spOff[j] + level * count
        let x = sp[row + first - start], y = sp[row + last - (1 << level) - start]
        return Engine.better(x, y, vlM, vlG, vlIdx) ? x : y
    }

    // MARK: Closest setting (nothing holds)

    /// Offers `path` with the given distance and totals as the closest candidate.
    private mutating func offerClosest(_ d: Int64, _ moved: Int64, _ m: Int64, _ g: Int64) {
        if bestFound {
            if d != bestDist { if d > bestDist { return } }
            else if moved != bestMoved { if moved > bestMoved { return } }
            else if m != bestM { if m > bestM { return } }
            else if g != bestG { if g < bestG { return } }
            else if !path.lexicographicallyPrecedes(bestChoice) { return }
        }
        bestFound = true; bestDist = d; bestMoved = moved; bestM = m; bestG = g; bestChoice = path
    }

    /// A quick incumbent for the closest search: coordinate descent from the current
    /// setting, each lever in turn taking the option that brings the sum nearest the target.
    private mutating func seedClosest() {
        var choice = [Int](repeating: 0, count: n)  // positions in the `al` arrays
        var sum: Int64 = 0
        for f in 0..<n {
            choice[f] = alOff[f]
            while alIdx[choice[f]] != cur[f] { choice[f] += 1 }
            sum += alV[choice[f]]
        }
        for _ in 0..<3 {
            for f in 0..<n {
                let rest = sum - alV[choice[f]]
                let p = nearest(f, center - rest)
                sum = rest + alV[p]
                choice[f] = p
            }
        }
        var moved: Int64 = 0, m: Int64 = 0, g: Int64 = 0
        for f in 0..<n {
            let p = choice[f]
            path[f] = alIdx[p]; moved += alMoved[p]; m += alM[p]; g += alG[p]
        }
        offerClosest(sum >= center ? sum - center : center - sum, moved, m, g)
        path = cur
    }

    /// Position in lever f's value-sorted options of the first (best-keyed) option among
    /// those nearest `need`, preferring the lower value on a tie of distance.
    private func nearest(_ f: Int, _ need: Int64) -> Int {
        let start = alOff[f], end = alOff[f + 1]
        var a = start, b = end
        while a < b { let mid = (a + b) / 2; if alV[mid] < need { a = mid + 1 } else { b = mid } }
        if a == end { return alGroup[end - 1] }
        if a == start { return a }
        return need - alV[a - 1] <= alV[a] - need ? alGroup[a - 1] : a
    }

    /// Branch and bound over all options, pruning on the distance the remaining levers'
    /// value range can still reach (and on moved/move/margin bounds when that distance ties).
    /// Each lever's options are tried outwards from the value that would hit the target with
    /// the later levers at their current settings, so each direction stops at the first
    /// option whose bound exceeds the best distance. Iterative (explicit stack), since its
    /// depth is the number of levers.
    private mutating func closestSearch() {
        var frames = [ClosestFrame](repeating: ClosestFrame(), count: n + 1)
        frames.withUnsafeMutableBufferPointer { f in closestSearch(f) }
        path = cur
    }

    /// One level of the iterative closest search: sums over the levers before it, and its
    /// outward cursors into its value-sorted options.
    private struct ClosestFrame {
        var sv: Int64 = 0, moved: Int64 = 0, sm: Int64 = 0, sg: Int64 = 0
        var up = 0, down = 0
    }

    private mutating func closestSearch(_ f: UnsafeMutableBufferPointer<ClosestFrame>) {
        var i = 0
        var entering = true
        while i >= 0 {
            if entering {
                entering = false
                guard step() else { break }
                let e = f[i]
                if prunedClosest(i, e.sv, e.moved, e.sm, e.sg) { i -= 1; continue }
                let start = alOff[i], end = alOff[i + 1]
                if i == n - 1 {
                    // Last lever: only the value groups just below and at/above the residual can be closest.
                    let a = lowerBound(start, end, center - e.sv)
                    if a < end { leaf(i, a, e.sv, e.moved, e.sm, e.sg) }
                    if a > start { leaf(i, alGroup[a - 1], e.sv, e.moved, e.sm, e.sg) }
                    path[i] = cur[i]
                    i -= 1
                    continue
                }
                let a = lowerBound(start, end, center - e.sv - sufCurV[i + 1])
                f[i].up = a; f[i].down = a - 1
            }
            // Next option of level i, outwards from the ideal value.
            let start = alOff[i], end = alOff[i + 1]
            let e = f[i]
            let need = center - e.sv - sufCurV[i + 1]
            let restLow = e.sv + sufMinV[i + 1], restHigh = e.sv + sufMaxV[i + 1]
            var up = e.up, down = e.down
            var next = -1
            while up < end || down >= start {
                let takeUp = down < start || (up < end && alV[up] - need <= need - alV[down])
                let p = takeUp ? up : down
                if bestFound {
                    let lowSum = restLow + alV[p], highSum = restHigh + alV[p]
                    let bound = center < lowSum ? lowSum - center : (center > highSum ? center - highSum : 0)
                    if bound > bestDist {
                        // Bounds only grow further out on this side.
                        if takeUp { up = end } else { down = start - 1 }
                        continue
                    }
                }
                if takeUp { up += 1 } else { down -= 1 }
                next = p
                break
            }
            f[i].up = up; f[i].down = down
            if next < 0 {
                path[i] = cur[i]
                i -= 1
                continue
            }
            path[i] = alIdx[next]
            f[i + 1].sv = e.sv + alV[next]; f[i + 1].moved = e.moved + alMoved[next]
            f[i + 1].sm = e.sm + alM[next]; f[i + 1].sg = e.sg + alG[next]
            i += 1
            entering = true
        }
    }

    /// Whether levers i..<n cannot beat the best closest setting from these partial sums.
    private func prunedClosest(_ i: Int, _ sv: Int64, _ moved: Int64, _ sm: Int64, _ sg: Int64) -> Bool {
        guard bestFound else { return false }
        let low = sv + sufMinV[i], high = sv + sufMaxV[i]
        let bound = center < low ? low - center : (center > high ? center - high : 0)
        if bound != bestDist { return bound > bestDist }
        let m = sm + sufMinM[i], g = sg + sufMaxG[i]
        return moved > bestMoved || (moved == bestMoved && (m > bestM || (m == bestM && g < bestG)))
    }

    /// First position in start..<end of the `al` values that is ≥ `x`.
    private func lowerBound(_ start: Int, _ end: Int, _ x: Int64) -> Int {
        var a = start, b = end
        while a < b { let mid = (a + b) / 2; if alV[mid] < x { a = mid + 1 } else { b = mid } }
        return a
    }

    private mutating func leaf(_ i: Int, _ p: Int, _ sv: Int64, _ moved: Int64, _ sm: Int64, _ sg: Int64) {
        path[i] = alIdx[p]
        let v = sv + alV[p]
        offerClosest(v >= center ? v - center : center - v, moved + alMoved[p], sm + alM[p], sg + alG[p])
    }
}
