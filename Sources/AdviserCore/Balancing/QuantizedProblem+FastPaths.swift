// The answers that need no search tables: the current setting, the extreme setting when
// the band is out of reach, and the best single move. Together they settle most real
// problems, with no sorting at all.

extension QuantizedProblem {
    /// The flex levers' summed value at the current setting, and the least and greatest
    /// sums any setting reaches.
    func valueRange() -> (current: Int64, least: Int64, greatest: Int64) {
        var now: Int64 = 0, least: Int64 = 0, greatest: Int64 = 0
        for f in 0..<leverCount {
            now += options.value[optionStart[f] + current[f]]
            var low = Int64.max, high = Int64.min
            for p in optionStart[f]..<optionStart[f + 1] {
                low = min(low, options.value[p]); high = max(high, options.value[p])
            }
            least += low; greatest += high
        }
        return (now, least, greatest)
    }

    /// The closest setting when the band lies entirely below (`lowest`) or above the
    /// achievable range: the extreme sum is the unique closest value, and each lever
    /// independently takes its best (moved, move, −margin, index) option among those at its
    /// extreme, which is lexicographically best for the sums too.
    func extremeSetting(lowest: Bool) -> [Int] {
        (0..<leverCount).map { f in
            let base = optionStart[f], count = optionStart[f + 1] - base
            var extreme = options.value[base]
            for i in 0..<count {
                extreme = lowest ? min(extreme, options.value[base + i]) : max(extreme, options.value[base + i])
            }
            var best = -1
            for i in 0..<count where options.value[base + i] == extreme {
                if best < 0 || precedes(i, best, lever: f) { best = i }
            }
            return best
        }
    }

    /// The best holding setting that moves exactly one lever, by a linear scan (the common
    /// answer, so it is worth skipping the search tables for it). `now` is the current sum.
    func bestSingleMove(currentSum now: Int64) -> [Int]? {
        var nowMove: Int64 = 0, nowMargin: Int64 = 0
        for f in 0..<leverCount {
            nowMove += options.move[optionStart[f] + current[f]]
            nowMargin += options.margin[optionStart[f] + current[f]]
        }
        var best: (lever: Int, option: Int, move: Int64, margin: Int64)?
        for f in 0..<leverCount {
            let base = optionStart[f], c = current[f]
            let restValue = now - options.value[base + c]
            let restMove = nowMove - options.move[base + c], restMargin = nowMargin - options.margin[base + c]
            for o in 0..<(optionStart[f + 1] - base) where o != c {
                guard band.contains(restValue + options.value[base + o]) else { continue }
                let move = restMove + options.move[base + o], margin = restMargin + options.margin[base + o]
                if let b = best {
                    if move != b.move { if move > b.move { continue } }
                    else if margin != b.margin { if margin < b.margin { continue } }
                    else if !singleMovePrecedes(f, o, b.lever, b.option) { continue }
                }
                best = (f, o, move, margin)
            }
        }
        guard let best else { return nil }
        var choice = current
        choice[best.lever] = best.option
        return choice
    }

    /// Whether moving lever f1 to o1 gives a lexicographically smaller choice vector than
    /// moving lever f2 to o2 (everything else current).
    private func singleMovePrecedes(_ f1: Int, _ o1: Int, _ f2: Int, _ o2: Int) -> Bool {
        if f1 == f2 { return o1 < o2 }
        return f1 < f2 ? o1 < current[f1] : current[f2] < o2
    }

    /// Option i before option j of flex lever f on (moved, move, −margin, index).
    private func precedes(_ i: Int, _ j: Int, lever f: Int) -> Bool {
        let c = current[f]
        if (i == c) != (j == c) { return i == c }
        return options.precedes(optionStart[f] + i, optionStart[f] + j)
    }
}
