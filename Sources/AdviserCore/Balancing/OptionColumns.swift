/// Value, move and margin of every option on the fixed-point grid, as parallel columns. Columns
/// rather than an array of triples, so a loop reads only the quantities it compares.
struct OptionColumns {
    var value: [Int64] = []
    var move: [Int64] = []
    var margin: [Int64] = []

    /// Whether the option at position `a` comes before the one at `b` in `OptionOrder`;
    /// both of one lever, whose positions follow its option indices.
    @inline(__always) func precedes(_ a: Int, _ b: Int) -> Bool {
        OptionOrder.precedes(move: move[a], margin: margin[a], option: a, move[b], margin[b], b)
    }
}
