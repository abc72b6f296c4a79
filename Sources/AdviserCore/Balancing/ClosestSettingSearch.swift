/// The setting whose summed value is closest to the target, then fewest moved, least
/// Σ move, greatest Σ margin and smallest choice vector: the answer when no setting holds
/// (or when the fewest-moves search was cut short). Exact branch and bound over all
/// options from a coordinate-descent incumbent; see `Balancer` for the method.
struct ClosestSettingSearch {
    private let leverCount: Int
    private let band: TargetBand
    /// All options, each lever's by (value, moved, move, −margin, index).
    private let byValue: SortedOptions
    /// 1 for a non-current option, 0 for the current one, by position in `byValue`: what
    /// choosing it adds to the count of moved levers.
    private let leversMoved: [Int64]
    /// The first position in `byValue` holding the same value as each position: the
    /// best-ordered option of its value.
    private let firstOfValue: [Int]
    /// Entry i sums the current values of levers i..<n (n + 1 entries).
    private let suffixCurrentValue: [Int64]
    /// Entry i bounds the sums over all options of levers i..<n (n + 1 entries).
    private let suffixBounds: SumBounds

    private var state: SearchState

    init(_ problem: QuantizedProblem, maxSteps: Int) {
        let n = problem.leverCount, options = problem.options
        leverCount = n
        band = problem.band
        state = SearchState(problem, maxSteps: maxSteps)
        var byValue = SortedOptions(reservingCapacity: options.value.count)
        var leversMoved = [Int64](), firstOfValue = [Int]()
        leversMoved.reserveCapacity(options.value.count); firstOfValue.reserveCapacity(options.value.count)
        var currentValue = [Int64](), leverBounds = SumBounds()
        for f in 0..<n {
            let base = problem.optionStart[f], c = problem.current[f]
            currentValue.append(options.value[base + c])
            var order = Array(0..<(problem.optionStart[f + 1] - base))
            order.sort { a, b in
                let va = options.value[base + a], vb = options.value[base + b]
                if va != vb { return va < vb }
                if (a == c) != (b == c) { return a == c }
                return options.precedes(base + a, base + b)
            }
            let first = byValue.option.count
            byValue.appendLever(f, of: problem, in: order)
            var minMove = Int64.max, maxMargin = Int64.min
            for (k, o) in order.enumerated() {
                leversMoved.append(o == c ? 0 : 1)
                let sameAsPrevious = k > 0 && byValue.value[first + k - 1] == byValue.value[first + k]
                firstOfValue.append(sameAsPrevious ? firstOfValue[first + k - 1] : first + k)
                minMove = min(minMove, options.move[base + o]); maxMargin = max(maxMargin, options.margin[base + o])
            }
            leverBounds.append(minValue: byValue.value[first], maxValue: byValue.value[byValue.option.count - 1],
                               minMove: minMove, maxMargin: maxMargin)
        }
        self.byValue = byValue
        self.leversMoved = leversMoved
        self.firstOfValue = firstOfValue
        suffixCurrentValue = currentValue.suffixSums()
        suffixBounds = leverBounds.suffixSums()
    }

    /// The closest setting, whether it holds, and whether the search finished within its budget.
    consuming func run() -> (choice: [Int], held: Bool, complete: Bool) {
        seed()
        var frames = [Frame](repeating: Frame(), count: leverCount + 1)
        frames.withUnsafeMutableBufferPointer { frames in search(frames) }
        return (state.best.choice, state.best.distance <= band.halfWidth, !state.budget.exhausted)
    }

    /// A quick incumbent: coordinate descent from the current setting, each lever in turn
    /// taking the option that brings the sum nearest the target.
    private mutating func seed() {
        let n = leverCount
        var choice = [Int](repeating: 0, count: n)  // positions in `byValue`
        var sum: Int64 = 0
        for f in 0..<n {
            choice[f] = byValue.start[f]
            while byValue.option[choice[f]] != state.current[f] { choice[f] += 1 }
            sum += byValue.value[choice[f]]
        }
        for _ in 0..<3 {
            for f in 0..<n {
                let rest = sum - byValue.value[choice[f]]
                let p = nearest(f, band.center - rest)
                sum = rest + byValue.value[p]
                choice[f] = p
            }
        }
        var movedCount: Int64 = 0, move: Int64 = 0, margin: Int64 = 0
        for f in 0..<n {
            let p = choice[f]
            state.path[f] = byValue.option[p]
            movedCount += leversMoved[p]; move += byValue.move[p]; margin += byValue.margin[p]
        }
        state.offerPath(distance: band.distance(sum), moved: movedCount, move: move, margin: margin)
        state.path = state.current
    }

    /// Position in lever f's options of the first (best-ordered) option among those nearest
    /// `need`, preferring the lower value on a tie of distance.
    private func nearest(_ f: Int, _ need: Int64) -> Int {
        let start = byValue.start[f], end = byValue.start[f + 1]
        let a = lowerBound(start, end, need)
        if a == end { return firstOfValue[end - 1] }
        if a == start { return a }
        return need - byValue.value[a - 1] <= byValue.value[a] - need ? firstOfValue[a - 1] : a
    }

    /// One level of the iterative search: sums over the levers before it, and its outward
    /// cursors into its value-sorted options.
    private struct Frame {
        var value: Int64 = 0, moved: Int64 = 0, move: Int64 = 0, margin: Int64 = 0
        var up = 0, down = 0
    }

    /// Branch and bound over all options, pruning on the distance the remaining levers'
    /// value range can still reach (and on moved/move/margin bounds when that distance ties).
    /// Each lever's options are tried outwards from the value that would hit the target with
    /// the later levers at their current settings, so each direction stops at the first
    /// option whose bound exceeds the best distance. Iterative (explicit stack of `Frame`s),
    /// since its depth is the number of levers. Kept out of line: inlined into the consuming
    /// `run()`, it works on a local copy of the state and compiles to a slower loop.
    @inline(never) private mutating func search(_ f: UnsafeMutableBufferPointer<Frame>) {
        let n = leverCount, center = band.center
        var i = 0
        var entering = true
        while i >= 0 {
            if entering {
                entering = false
                guard state.budget.step() else { break }
                let e = f[i]
                if pruned(i, e.value, e.moved, e.move, e.margin) { i -= 1; continue }
                let start = byValue.start[i], end = byValue.start[i + 1]
                if i == n - 1 {
                    // Last lever: only the value groups just below and at/above the residual can be closest.
                    let a = lowerBound(start, end, center - e.value)
                    if a < end { leaf(i, a, e.value, e.moved, e.move, e.margin) }
                    if a > start { leaf(i, firstOfValue[a - 1], e.value, e.moved, e.move, e.margin) }
                    state.path[i] = state.current[i]
                    i -= 1
                    continue
                }
                let a = lowerBound(start, end, center - e.value - suffixCurrentValue[i + 1])
                f[i].up = a; f[i].down = a - 1
            }
            // Next option of level i, outwards from the ideal value.
            let start = byValue.start[i], end = byValue.start[i + 1]
            let e = f[i]
            let need = center - e.value - suffixCurrentValue[i + 1]
            let restLow = e.value + suffixBounds.minValue[i + 1], restHigh = e.value + suffixBounds.maxValue[i + 1]
            var up = e.up, down = e.down
            var next = -1
            while up < end || down >= start {
                let takeUp = down < start || (up < end && byValue.value[up] - need <= need - byValue.value[down])
                let p = takeUp ? up : down
                if state.best.found {
                    let bound = band.distance(least: restLow + byValue.value[p], greatest: restHigh + byValue.value[p])
                    if bound > state.best.distance {
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
                state.path[i] = state.current[i]
                i -= 1
                continue
            }
            state.path[i] = byValue.option[next]
            f[i + 1].value = e.value + byValue.value[next]; f[i + 1].moved = e.moved + leversMoved[next]
            f[i + 1].move = e.move + byValue.move[next]; f[i + 1].margin = e.margin + byValue.margin[next]
            i += 1
            entering = true
        }
        state.path = state.current
    }

    /// Whether levers i..<n cannot beat the best setting from these partial sums.
    private func pruned(_ i: Int, _ value: Int64, _ moved: Int64, _ move: Int64, _ margin: Int64) -> Bool {
        guard state.best.found else { return false }
        let bound = band.distance(least: value + suffixBounds.minValue[i], greatest: value + suffixBounds.maxValue[i])
        if bound != state.best.distance { return bound > state.best.distance }
        let leastMove = move + suffixBounds.minMove[i], mostMargin = margin + suffixBounds.maxMargin[i]
        return moved > state.best.moved
            || (moved == state.best.moved
                && (leastMove > state.best.move || (leastMove == state.best.move && mostMargin < state.best.margin)))
    }

    /// First position in start..<end of `byValue` whose value is ≥ `x`.
    private func lowerBound(_ start: Int, _ end: Int, _ x: Int64) -> Int {
        var a = start, b = end
        while a < b { let mid = (a + b) / 2; if byValue.value[mid] < x { a = mid + 1 } else { b = mid } }
        return a
    }

    private mutating func leaf(_ i: Int, _ p: Int, _ value: Int64, _ moved: Int64, _ move: Int64, _ margin: Int64) {
        state.path[i] = byValue.option[p]
        state.offerPath(distance: band.distance(value + byValue.value[p]), moved: moved + leversMoved[p],
                        move: move + byValue.move[p], margin: margin + byValue.margin[p])
    }
}
