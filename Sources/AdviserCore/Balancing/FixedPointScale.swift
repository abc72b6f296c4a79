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

    /// `x` on the grid, rounded to the nearest step (halves away from zero, as `rounded()`).
    /// `x` must be at most the scale's `bound` in magnitude.
    @inline(__always) func callAsFunction(_ x: Double) -> Int64 {
        // Truncation and one exact subtraction instead of a call to `round`, which this hot loop
        // (three per option) would pay for: below 2^52 the fraction is exact, above it is 0.
        let y = x * factor
        let whole = Int64(y)
        let fraction = y - Double(whole)
        // Branch-free: which way a fraction rounds is data, not a pattern a predictor learns.
        return whole &+ Int64(fraction >= 0.5 ? 1 : 0) &- Int64(fraction <= -0.5 ? 1 : 0)
    }
}
