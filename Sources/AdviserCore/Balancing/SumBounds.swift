/// What a group of options can add up to, at most and at least, as parallel columns (one
/// entry per group): the least and greatest value, the least move and the greatest margin.
/// The searches prune with them: a branch whose bounds miss the band, or cannot beat the
/// best setting found, is skipped.
struct SumBounds {
    var minValue: [Int64] = []
    var maxValue: [Int64] = []
    var minMove: [Int64] = []
    var maxMargin: [Int64] = []

    init() {}

    /// `count` groups, every bound 0.
    init(zeros count: Int) {
        minValue = [Int64](repeating: 0, count: count)
        maxValue = minValue
        minMove = minValue
        maxMargin = minValue
    }

    mutating func append(minValue: Int64, maxValue: Int64, minMove: Int64, maxMargin: Int64) {
        self.minValue.append(minValue)
        self.maxValue.append(maxValue)
        self.minMove.append(minMove)
        self.maxMargin.append(maxMargin)
    }

    /// Entry i bounds the sum over groups i..<count, with one more entry (0) at the end.
    func suffixSums() -> SumBounds {
        var sums = SumBounds()
        sums.minValue = minValue.suffixSums()
        sums.maxValue = maxValue.suffixSums()
        sums.minMove = minMove.suffixSums()
        sums.maxMargin = maxMargin.suffixSums()
        return sums
    }
}
