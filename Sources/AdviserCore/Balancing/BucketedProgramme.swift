/// A good setting for problems where rounding the relaxation falls far from the optimum (levers
/// whose options lie well above their convex hull): a dynamic programme over the summed value,
/// lever by lever, keeping for each bucket of value the partial setting of least first-criterion
/// cost whose exact sum falls in it. Buckets are narrower than the region, so the settings it
/// ends with include good ones in the region; dropping all but one partial setting per bucket
/// makes it a heuristic, which the branch and bound then proves or beats.
struct BucketedProgramme {
    let levers: ObjectiveLevers
    let candidates: CandidateOptions
    let region: HoldRegion

    /// The most buckets (steps are buckets × candidates).
    static let maxBuckets = 1_024

    /// Steps the programme takes for these candidates.
    func steps() -> Int { bucketCount() * candidates.count }

    private func bucketCount() -> Int {
        let (least, greatest) = sumRange()
        let width = region.bounded ? max(1, (region.high - region.low) / 2) : max(1, (greatest - least) / 64)
        return Int(min(Int64(Self.maxBuckets), max(16, (greatest - least) / width + 1)))
    }

    private func sumRange() -> (least: Int64, greatest: Int64) {
        var least: Int64 = 0, greatest: Int64 = 0
        for l in 0..<candidates.leverCount {
            least += levers.value[candidates.position[candidates.start[l]]]
            greatest += levers.value[candidates.position[candidates.start[l + 1] - 1]]
        }
        return (least, greatest)
    }

    /// The best setting in the region it finds, if any.
    func run() -> ScoredSetting? {
        let n = candidates.leverCount
        let buckets = bucketCount()
        let (least, greatest) = sumRange()
        let width = max(1, (greatest - least) / Int64(buckets - 1) + 1)
        let cost = levers.cost[0]
        // Per bucket: the cheapest partial setting's cost, exact sum, and (per lever) the candidate
        // it took, to walk back from the end.
        var bestCost = [Int64](repeating: .max, count: buckets), sum = [Int64](repeating: 0, count: buckets)
        var took = [Int32](repeating: -1, count: n * buckets)
        var from = [Int32](repeating: -1, count: n * buckets)
        var nextCost = bestCost, nextSum = sum
        var low: Int64 = 0  // least sum of the levers so far
        bestCost[0] = 0
        for l in 0..<n {
            let range = candidates.range(l)
            let lowest = levers.value[candidates.position[range.lowerBound]]
            for b in 0..<buckets { nextCost[b] = .max }
            for b in 0..<buckets where bestCost[b] != .max {
                for i in range {
                    let p = candidates.position[i]
                    let s = sum[b] + levers.value[p]
                    let c = bestCost[b] + cost[p]
                    let nb = Int((s - low - lowest) / width)
                    if c < nextCost[nb] {
                        nextCost[nb] = c
                        nextSum[nb] = s
                        took[l * buckets + nb] = Int32(i)
                        from[l * buckets + nb] = Int32(b)
                    }
                }
            }
            low += lowest
            swap(&bestCost, &nextCost)
            swap(&sum, &nextSum)
        }
        // The cheapest end in the region, walked back to its setting.
        var end = -1
        for b in 0..<buckets where bestCost[b] != .max && region.contains(sum[b]) {
            if end < 0 || bestCost[b] < bestCost[end] { end = b }
        }
        guard end >= 0 else { return nil }
        var position = [Int](repeating: 0, count: n)
        var b = end
        for l in stride(from: n - 1, through: 0, by: -1) {
            position[l] = candidates.position[Int(took[l * buckets + b])]
            b = Int(from[l * buckets + b])
        }
        return ScoredSetting(position, levers)
    }
}
