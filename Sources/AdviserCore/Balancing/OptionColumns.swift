/// Value, move and margin of every option on the fixed-point grid, as parallel columns. Columns
/// rather than an array of triples, so a loop reads only the quantities it compares.
struct OptionColumns {
    var value: [Int64] = []
    var move: [Int64] = []
    var margin: [Int64] = []
}
