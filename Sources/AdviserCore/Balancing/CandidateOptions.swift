/// The options each lever may still take in the objective search: the ones that can still be part
/// of a setting that holds and beats the best found. Every reduction here is exact, so the search
/// over the candidates finds the same optimum as a search over all options.
///
/// Lever l's candidates are `position[start[l] ..< start[l + 1]]` (positions into
/// `ObjectiveLevers`), in ascending value, equal values by position.
struct CandidateOptions {
    private(set) var start: [Int]
    private(set) var position: [Int]

    /// Every option of every lever. Grid order is kept when values already rise or fall along it
    /// (relief curves usually do), so most levers need no sorting.
    init(_ levers: ObjectiveLevers) {
        start = levers.optionStart
        position = Array(0..<levers.value.count)
        for l in 0..<levers.count {
            let range = levers.options(l)
            var rising = true, falling = true
            for p in range.dropFirst() {
                if levers.value[p] < levers.value[p - 1] { rising = false }
                if levers.value[p] >= levers.value[p - 1] { falling = false }
            }
            if rising { continue }
            if falling {
                position[range].reverse()
            } else {
                position[range].sort { levers.value[$0] != levers.value[$1] ? levers.value[$0] < levers.value[$1] : $0 < $1 }
            }
        }
    }

    var leverCount: Int { start.count - 1 }
    var count: Int { position.count }
    /// Where lever l's candidates are in `position`.
    func range(_ lever: Int) -> Range<Int> { start[lever]..<start[lever + 1] }
    func size(_ lever: Int) -> Int { start[lever + 1] - start[lever] }

    /// Keeps only the candidates `keep` accepts (given the lever and the candidate's position), in
    /// place; false when some lever is left with none, so that no setting is left.
    mutating func filter(_ keep: (_ lever: Int, _ position: Int) -> Bool) -> Bool {
        var kept = 0
        var everyLeverKeepsOne = true
        for l in 0..<leverCount {
            let range = self.range(l)
            start[l] = kept
            for i in range where keep(l, position[i]) {
                position[kept] = position[i]
                kept += 1
            }
            if kept == start[l] { everyLeverKeepsOne = false }
        }
        start[leverCount] = kept
        position.removeLast(position.count - kept)
        return everyLeverKeepsOne
    }

    /// Drops the options that cannot land the sum in `region` whatever the other levers take,
    /// until none is left to drop. False when some lever has none left: nothing holds.
    mutating func dropUnreachable(_ levers: ObjectiveLevers, region: HoldRegion) -> Bool {
        while true {
            var least: Int64 = 0, greatest: Int64 = 0
            for l in 0..<leverCount {
                least += levers.value[position[start[l]]]
                greatest += levers.value[position[start[l + 1] - 1]]
            }
            // Lever l's options must lie in region.low − (greatest − its highest) …
            // region.high − (least − its lowest).
            var dropsAny = false
            var lowest = [Int64](repeating: 0, count: leverCount), highest = lowest
            for l in 0..<leverCount {
                let low = levers.value[position[start[l]]], high = levers.value[position[start[l + 1] - 1]]
                lowest[l] = region.low - (greatest - high)
                highest[l] = region.bounded ? region.high - (least - low) : .max
                if low < lowest[l] || high > highest[l] { dropsAny = true }
            }
            if !dropsAny { return true }
            let kept = filter { l, p in levers.value[p] >= lowest[l] && levers.value[p] <= highest[l] }
            if !kept { return false }
        }
    }

    /// Drops the options another option of the same lever beats in every setting: one of equal
    /// value with a smaller cost vector (or the same costs and a lower index), and, when the
    /// region is unbounded above, one of at least the value that precedes it so. Swapping the
    /// beaten option for the other keeps the sum in the region and improves the setting.
    mutating func dropDominated(_ levers: ObjectiveLevers, bounded: Bool) {
        if bounded && !hasEqualValues(levers) { return }
        var beaten = [Bool](repeating: false, count: levers.value.count)
        for l in 0..<leverCount {
            let r = range(l)
            // Walk down in value, one group of equal values at a time.
            var runningBest = -1
            var end = r.upperBound
            while end > r.lowerBound {
                var begin = end - 1
                while begin > r.lowerBound && levers.value[position[begin - 1]] == levers.value[position[end - 1]] { begin -= 1 }
                var groupBest = position[begin]
                for i in (begin + 1)..<end where levers.costPrecedes(position[i], groupBest) { groupBest = position[i] }
                for i in begin..<end where position[i] != groupBest { beaten[position[i]] = true }
                if !bounded {
                    if runningBest < 0 || levers.costPrecedes(groupBest, runningBest) {
                        runningBest = groupBest
                    } else {
                        beaten[groupBest] = true
                    }
                }
                end = begin
            }
        }
        _ = filter { _, p in !beaten[p] }
    }

    private func hasEqualValues(_ levers: ObjectiveLevers) -> Bool {
        for l in 0..<leverCount {
            for i in range(l).dropFirst() where levers.value[position[i]] == levers.value[position[i - 1]] { return true }
        }
        return false
    }
}
