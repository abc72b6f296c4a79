/// The holding setting with the fewest moved levers, for k = 2, 3, … moved levers (one
/// move and none are the fast paths' answers), then the least Σ move, the greatest
/// Σ margin and the smallest choice vector; see `Balancer` for the method. A struct with
/// mutating methods (not a class) so state access needs no dynamic exclusivity checks in
/// the hot loops.
struct FewestMovesSearch {
    /// Most moved levers the search explores: it recurses once per moved lever, so this
    /// keeps the stack small. Beyond it the answer comes from the closest-setting search
    /// and is marked not exhaustive.
    static let maxRecursiveMoves = 256

    private let leverCount: Int
    private let band: TargetBand
    /// Each lever's current option.
    private let currentOption: OptionColumns
    /// Entry i sums the current options of levers i..<n (n + 1 entries).
    private let suffixCurrent: OptionColumns
    /// Each lever's non-current options: their extremes.
    private let nonCurrent: SumBounds
    /// Non-current options, each lever's by (move, −margin, index): the order the search
    /// tries them in, so it can stop at the first whose move is too much.
    private let byMove: SortedOptions
    /// Non-current options by value: the best option of the last moved lever in O(log m).
    private let byValue: ValueRangeIndex
    private let rateBound: MoveRateBound

    /// Bounds over levers i..<n with exactly r of them moved (r ≤ k, the moves searched
    /// now), at index i * (k + 1) + r; rebuilt for each k.
    private var exactlyMoved = SumBounds()
    private var movedWidth = 1  // k + 1

    private var state: SearchState

    init(_ problem: QuantizedProblem, maxSteps: Int) {
        let n = problem.leverCount, options = problem.options
        leverCount = n
        band = problem.band
        state = SearchState(problem, maxSteps: maxSteps)
        var currentOption = OptionColumns(), nonCurrent = SumBounds()
        var byMove = SortedOptions(reservingCapacity: options.value.count)
        var byValue = ValueRangeIndex(reservingCapacity: options.value.count)
        for f in 0..<n {
            let base = problem.optionStart[f], c = problem.current[f]
            currentOption.append(value: options.value[base + c], move: options.move[base + c],
                                 margin: options.margin[base + c])
            var order = Array(0..<(problem.optionStart[f + 1] - base))
            order.remove(at: c)
            order.sort { a, b in options.precedes(base + a, base + b) }
            byMove.appendLever(f, of: problem, in: order)
            byValue.appendLever(f, of: problem)
            var maxMargin = Int64.min
            for o in order { maxMargin = max(maxMargin, options.margin[base + o]) }
            nonCurrent.append(minValue: byValue.options.value[byValue.options.start[f]],
                              maxValue: byValue.options.value[byValue.options.start[f + 1] - 1],
                              minMove: options.move[base + order[0]], maxMargin: maxMargin)
        }
        self.currentOption = currentOption
        self.suffixCurrent = currentOption.suffixSums()
        self.nonCurrent = nonCurrent
        self.byMove = byMove
        self.byValue = byValue
        self.rateBound = MoveRateBound(problem)
    }

    /// Searches k = `fromMoves`, … moved levers (fewer are known not to hold), stopping at
    /// the first k with a holding setting. `choice` is `nil` when none holds or the search
    /// stopped first; `complete` is false when it stopped (budget spent, or k too deep).
    mutating func run(fromMoves: Int) -> (choice: [Int]?, complete: Bool) {
        let n = leverCount
        // Exact value range with exactly k moved, for every k at once: the current sum plus
        // the k most negative (or most positive) per-lever changes. Skips hopeless k cheaply.
        let downs = (0..<n).map { nonCurrent.minValue[$0] - currentOption.value[$0] }.sorted()
        let ups = (0..<n).map { nonCurrent.maxValue[$0] - currentOption.value[$0] }.sorted(by: >)
        var lowK = suffixCurrent.value[0], highK = suffixCurrent.value[0]
        for k in 1...n {
            lowK += downs[k - 1]; highK += ups[k - 1]
            if k < fromMoves || lowK > band.high || highK < band.low { continue }
            // The tables cost n·k: count them against the budget too.
            guard state.budget.charge(n * (k + 1)) else { break }
            if k > Self.maxRecursiveMoves { state.budget.exhaust(); break }
            buildExactlyMoved(k)
            if exactlyMoved.minValue[k] > band.high || exactlyMoved.maxValue[k] < band.low { continue }
            state.best.reset()
            search(0, k, 0, 0, 0)
            if state.best.found { return (state.best.choice, !state.budget.exhausted) }
            if state.budget.exhausted { break }
        }
        return (nil, !state.budget.exhausted)
    }

    /// Exact bounds over levers i..<n with exactly r of them moved (r ≤ k), by dynamic programming.
    private mutating func buildExactlyMoved(_ k: Int) {
        let n = leverCount, w = k + 1
        movedWidth = w
        exactlyMoved = SumBounds(zeros: (n + 1) * w)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for r in 0...min(k, n - i) {
                let t = i * w + r
                var minValue = Int64.max, maxValue = Int64.min, minMove = Int64.max, maxMargin = Int64.min
                if r <= n - i - 1 {
                    let s = (i + 1) * w + r
                    minValue = currentOption.value[i] + exactlyMoved.minValue[s]
                    maxValue = currentOption.value[i] + exactlyMoved.maxValue[s]
                    minMove = currentOption.move[i] + exactlyMoved.minMove[s]
                    maxMargin = currentOption.margin[i] + exactlyMoved.maxMargin[s]
                }
                if r >= 1 {
                    let s = (i + 1) * w + r - 1
                    minValue = min(minValue, nonCurrent.minValue[i] + exactlyMoved.minValue[s])
                    maxValue = max(maxValue, nonCurrent.maxValue[i] + exactlyMoved.maxValue[s])
                    minMove = min(minMove, nonCurrent.minMove[i] + exactlyMoved.minMove[s])
                    maxMargin = max(maxMargin, nonCurrent.maxMargin[i] + exactlyMoved.maxMargin[s])
                }
                exactlyMoved.minValue[t] = minValue; exactlyMoved.maxValue[t] = maxValue
                exactlyMoved.minMove[t] = minMove; exactlyMoved.maxMargin[t] = maxMargin
            }
        }
    }

    /// Strictly worse than the best so far on (move, −margin): cannot win even on a tie-break.
    @inline(__always) private func worse(_ move: Int64, _ margin: Int64) -> Bool {
        state.best.found && (move > state.best.move || (move == state.best.move && margin < state.best.margin))
    }

    /// Levers i..<n, exactly r (≥ 1) of which move; levers before i are set in `path` and
    /// add up to (`value`, `move`, `margin`).
    private mutating func search(_ i: Int, _ r: Int, _ value: Int64, _ move: Int64, _ margin: Int64) {
        let n = leverCount, w = movedWidth
        let t = i * w + r
        if value + exactlyMoved.minValue[t] > band.high || value + exactlyMoved.maxValue[t] < band.low
            || worse(move + exactlyMoved.minMove[t], margin + exactlyMoved.maxMargin[t]) { return }
        if state.best.found && rateBound.moveNeverDrops[i]
            && move + suffixCurrent.move[i]
                + rateBound.extraMove(levers: i, from: value + suffixCurrent.value[i], into: band) > state.best.move {
            return
        }
        if r == 1 {
            // One lever j moves, the rest stay: best option of j in the remaining band, in O(log m).
            for j in i..<n {
                guard state.budget.step() else { return }
                let restValue = value + suffixCurrent.value[i] - currentOption.value[j]
                let restMove = move + suffixCurrent.move[i] - currentOption.move[j]
                let restMargin = margin + suffixCurrent.margin[i] - currentOption.margin[j]
                if worse(restMove + nonCurrent.minMove[j], restMargin + nonCurrent.maxMargin[j]) { continue }
                guard let p = byValue.best(lever: j, low: band.low - restValue, high: band.high - restValue) else {
                    continue
                }
                state.path[j] = byValue.options.option[p]
                state.offerPath(distance: 0, moved: 0, move: restMove + byValue.options.move[p],
                                margin: restMargin + byValue.options.margin[p])
                state.path[j] = state.current[j]
            }
            return
        }
        // j is the next lever to move; i..<j stay.
        for j in i...(n - r) {
            let keptValue = value + suffixCurrent.value[i] - suffixCurrent.value[j]
            let keptMove = move + suffixCurrent.move[i] - suffixCurrent.move[j]
            let keptMargin = margin + suffixCurrent.margin[i] - suffixCurrent.margin[j]
            let s = (j + 1) * w + r - 1
            if keptValue + nonCurrent.minValue[j] + exactlyMoved.minValue[s] > band.high
                || keptValue + nonCurrent.maxValue[j] + exactlyMoved.maxValue[s] < band.low { continue }
            if worse(keptMove + nonCurrent.minMove[j] + exactlyMoved.minMove[s],
                     keptMargin + nonCurrent.maxMargin[j] + exactlyMoved.maxMargin[s]) { continue }
            for p in byMove.start[j]..<byMove.start[j + 1] {
                guard state.budget.step() else { return }
                let nextMove = keptMove + byMove.move[p]
                if state.best.found && nextMove + exactlyMoved.minMove[s] > state.best.move { break }  // sorted by move
                let nextValue = keptValue + byMove.value[p]
                if nextValue + exactlyMoved.minValue[s] > band.high
                    || nextValue + exactlyMoved.maxValue[s] < band.low { continue }
                state.path[j] = byMove.option[p]
                search(j + 1, r - 1, nextValue, nextMove, keptMargin + byMove.margin[p])
                if state.budget.exhausted { state.path[j] = state.current[j]; return }
            }
            state.path[j] = state.current[j]
        }
    }
}
