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
