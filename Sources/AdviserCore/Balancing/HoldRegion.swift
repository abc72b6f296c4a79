/// The values of the flex levers' sum that hold value, net of the fixed value: the band
/// `low…high`, or everything from `low` up in at-least mode.
struct HoldRegion {
    let low: Int64
    let high: Int64
    /// False in at-least mode: `high` bounds nothing.
    let bounded: Bool

    init(_ band: TargetBand, hold: BalanceObjective.Hold) {
        low = band.low
        bounded = hold == .band
        high = bounded ? band.high : Int64.max / 4
    }

    init(low: Int64, high: Int64, bounded: Bool) {
        self.low = low
        self.high = high
        self.bounded = bounded
    }

    @inline(__always) func contains(_ sum: Int64) -> Bool { low <= sum && (!bounded || sum <= high) }

    /// How far a sum lies outside the region (0 inside it).
    func distance(_ sum: Int64) -> Int64 {
        if sum < low { return low - sum }
        return bounded && sum > high ? sum - high : 0
    }

    /// How far the range of achievable sums lies from the region (0 when they meet).
    func distance(least: Int64, greatest: Int64) -> Int64 {
        if greatest < low { return low - greatest }
        return bounded && least > high ? least - high : 0
    }

    func meets(least: Int64, greatest: Int64) -> Bool { distance(least: least, greatest: greatest) == 0 }

    /// The region grown by `amount` on each bounded side.
    func widened(by amount: Int64) -> HoldRegion {
        HoldRegion(low: low - amount, high: bounded ? high + amount : high, bounded: bounded)
    }
}
