/// A lower bound on the move it takes to bring the summed value of levers i..<n into the
/// band, from each lever's best value change per unit of move: moving value by D costs at
/// least D / rate, a bound that sees how far away the band is (the value bounds alone only
/// see whether it can be reached).
struct MoveRateBound {
    /// Suffix maxima of each lever's best value gain per unit of move, upwards and
    /// downwards (`.infinity` when a lever can change value without adding move).
    private let upRate: [Double]
    private let downRate: [Double]
    /// Whether no option of levers i..<n has less move than its lever's current option
    /// (the usual case); only then is the current moves' sum a floor, and the bound valid.
    let moveNeverDrops: [Bool]

    init(_ problem: QuantizedProblem) {
        let n = problem.leverCount, options = problem.options
        var upRate = [Double](repeating: 0, count: n + 1), downRate = upRate
        var moveNeverDrops = [Bool](repeating: true, count: n + 1)
        for f in stride(from: n - 1, through: 0, by: -1) {
            // Every option must satisfy Δmove ≥ Δvalue / rate (for its direction).
            let base = problem.optionStart[f], c = problem.current[f]
            var up = 0.0, down = 0.0, neverDrops = true
            for o in 0..<(problem.optionStart[f + 1] - base) where o != c {
                let dv = options.value[base + o] - options.value[base + c]
                let dm = options.move[base + o] - options.move[base + c]
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
            upRate[f] = max(upRate[f + 1], up)
            downRate[f] = max(downRate[f + 1], down)
            moveNeverDrops[f] = moveNeverDrops[f + 1] && neverDrops
        }
        self.upRate = upRate
        self.downRate = downRate
        self.moveNeverDrops = moveNeverDrops
    }

    /// Least move levers i..<n must add (beyond their current moves) to bring their value
    /// from `sum` (with levers i..<n current) into `band`. Valid only when
    /// `moveNeverDrops[i]` (otherwise moving can also remove move). Computed in floating
    /// point, then lowered by a relative 1e-9 and one step, so it never exceeds the true
    /// minimum: pruning with it stays exact.
    @inline(__always) func extraMove(levers i: Int, from sum: Int64, into band: TargetBand) -> Int64 {
        let gap: Int64, rate: Double
        if sum < band.low { gap = band.low - sum; rate = upRate[i] }
        else if sum > band.high { gap = sum - band.high; rate = downRate[i] }
        else { return 0 }
        guard rate.isFinite, rate > 0 else { return 0 }  // 0: unreachable, left to the value bounds
        let bound = Double(gap) / rate * (1 - 1e-9) - 1
        return bound >= 1 ? Int64(min(bound, 1e18)) : 0
    }
}
