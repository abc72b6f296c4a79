/// The band the flex levers' summed value must land in, on the fixed-point grid and net of
/// the fixed value: [`low`, `high`] = `center` ± `halfWidth`, where `halfWidth` is the
/// tolerance plus the slack (`BalanceSearch.epsilon`, at least one grid step).
struct TargetBand {
    let low: Int64
    let high: Int64
    let center: Int64
    let halfWidth: Int64

    /// - Parameters: `target`, `halfWidth` and `fixedValue` already on the value grid.
    init(target: Int64, halfWidth: Int64, fixedValue: Int64) {
        low = target - halfWidth - fixedValue
        high = target + halfWidth - fixedValue
        center = target - fixedValue
        self.halfWidth = halfWidth
    }

    /// Whether a flex sum lands in the band.
    @inline(__always) func contains(_ sum: Int64) -> Bool { low <= sum && sum <= high }

    /// How far a flex sum is from the target.
    @inline(__always) func distance(_ sum: Int64) -> Int64 { sum >= center ? sum - center : center - sum }

    /// How far the nearest sum in [`least`, `greatest`] is from the target (0 when the range covers it).
    @inline(__always) func distance(least: Int64, greatest: Int64) -> Int64 {
        center < least ? least - center : (center > greatest ? center - greatest : 0)
    }
}
