/// The options of every flex lever, each lever's in the order a search wants to try or
/// look them up, as parallel columns: lever f's are at positions `start[f]..<start[f + 1]`,
/// and `option[p]` is the option index (within its lever) at position p.
struct SortedOptions {
    var start = [0]
    var option: [Int] = []
    var value: [Int64] = []
    var move: [Int64] = []
    var margin: [Int64] = []

    init(reservingCapacity capacity: Int) {
        option.reserveCapacity(capacity)
        value.reserveCapacity(capacity)
        move.reserveCapacity(capacity)
        margin.reserveCapacity(capacity)
    }

    /// Appends the next lever, flex lever `f` of `problem`, with its options in `order`
    /// (option indices, possibly a subset).
    mutating func appendLever(_ f: Int, of problem: QuantizedProblem, in order: [Int]) {
        let base = problem.optionStart[f], columns = problem.options
        option.append(contentsOf: order)
        value.append(contentsOf: order.lazy.map { columns.value[base + $0] })
        move.append(contentsOf: order.lazy.map { columns.move[base + $0] })
        margin.append(contentsOf: order.lazy.map { columns.margin[base + $0] })
        start.append(option.count)
    }

    /// Whether the option at position `a` comes before the one at `b` (same lever) in `OptionOrder`.
    @inline(__always) func precedes(_ a: Int, _ b: Int) -> Bool {
        OptionOrder.precedes(move: move[a], margin: margin[a], option: option[a], move[b], margin[b], option[b])
    }
}
