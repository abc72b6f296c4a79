/// Each flex lever's non-current options by value, indexed to answer "the best option (in
/// `OptionOrder`) whose value lies in [low, high]" in O(log m): two binary searches find
/// the range, and a sparse table of range winners answers for it in O(1).
struct ValueRangeIndex {
    /// Non-current options, each lever's by (value, move, −margin, index).
    private(set) var options: SortedOptions
    /// Sparse table of lever f (its `count` options from `options.start[f]`), from
    /// `tableStart[f]`: row `level` holds, for each of its positions p, the position of the
    /// best option in [p, p + 2^level) (clipped to the lever's end).
    private var tableStart: [Int] = []
    private var table: [Int] = []

    init(reservingCapacity capacity: Int) {
        options = SortedOptions(reservingCapacity: capacity)
    }

    /// Appends the next lever, flex lever `f` of `problem`, and its sparse table.
    mutating func appendLever(_ f: Int, of problem: QuantizedProblem) {
        let base = problem.optionStart[f], c = problem.current[f], columns = problem.options
        var order = Array(0..<(problem.optionStart[f + 1] - base))
        order.remove(at: c)
        order.sort { a, b in
            let va = columns.value[base + a], vb = columns.value[base + b]
            if va != vb { return va < vb }
            return columns.precedes(base + a, base + b)
        }
        let first = options.option.count, count = order.count
        options.appendLever(f, of: problem, in: order)

        tableStart.append(table.count)
        table.append(contentsOf: first..<(first + count))
        var width = 1
        while width * 2 <= count {
            let previous = table.count - count
            for p in 0..<count {
                let a = table[previous + p]
                let b = p + width < count ? table[previous + p + width] : a
                table.append(options.precedes(a, b) ? a : b)
            }
            width *= 2
        }
    }

    /// Position in `options` of lever j's best option with value in [low, high], if any.
    /// Always inlined: it runs in the fewest-moves search's innermost loop.
    @inline(__always) func best(lever j: Int, low: Int64, high: Int64) -> Int? {
        let start = options.start[j], end = options.start[j + 1]
        if low > high || options.value[start] > high || options.value[end - 1] < low { return nil }
        var a = start, b = end
        while a < b { let mid = (a + b) / 2; if options.value[mid] < low { a = mid + 1 } else { b = mid } }
        let first = a
        b = end
        while a < b { let mid = (a + b) / 2; if options.value[mid] <= high { a = mid + 1 } else { b = mid } }
        let last = a  // exclusive
        if first >= last { return nil }
        let count = end - start
        let length = last - first
        let level = Int.bitWidth - 1 - length.leadingZeroBitCount
        let row = tableStart[j] + level * count
        let x = table[row + first - start], y = table[row + last - (1 << level) - start]
        return options.precedes(x, y) ? x : y
    }
}
