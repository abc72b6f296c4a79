/// Value, move and margin on the fixed-point grid, as parallel columns: one entry per
/// option, per lever (its current option) or per suffix of levers (their sums). Columns
/// rather than an array of triples, so a loop reads only the quantities it compares.
struct OptionColumns {
    var value: [Int64] = []
    var move: [Int64] = []
    var margin: [Int64] = []

    init() {}

    init(reservingCapacity capacity: Int) {
        value.reserveCapacity(capacity)
        move.reserveCapacity(capacity)
        margin.reserveCapacity(capacity)
    }

    mutating func append(value: Int64, move: Int64, margin: Int64) {
        self.value.append(value)
        self.move.append(move)
        self.margin.append(margin)
    }

    /// Entry i is the sum of entries i..<count, with one more entry (0) at the end.
    func suffixSums() -> OptionColumns {
        var sums = OptionColumns()
        sums.value = value.suffixSums()
        sums.move = move.suffixSums()
        sums.margin = margin.suffixSums()
        return sums
    }

    /// Whether the option at position `a` comes before the one at `b` in `OptionOrder`;
    /// both of one lever, whose positions follow its option indices.
    @inline(__always) func precedes(_ a: Int, _ b: Int) -> Bool {
        OptionOrder.precedes(move: move[a], margin: margin[a], option: a, move[b], margin[b], b)
    }
}
