/// A set of condition variables (positions in `ConditionSpace.names`), as bits: the pairwise
/// analyses compare the variables of pairs of rules millions of times on a large workspace. The
/// first 64 variables are kept inline, so most workspaces' sets allocate nothing.
struct VariableSet: Equatable, Sendable {
    private var low: UInt64 = 0
    /// Variables 64 and up, 64 to a word.
    private var high: [UInt64] = []

    init() {}

    init(_ variables: some Sequence<Int>) {
        for v in variables { insert(v) }
    }

    var isEmpty: Bool { low == 0 && high.allSatisfy { $0 == 0 } }

    func contains(_ v: Int) -> Bool {
        if v < 64 { return low & (1 << UInt64(v)) != 0 }
        let word = v / 64 - 1
        return word < high.count && high[word] & (1 << UInt64(v % 64)) != 0
    }

    mutating func insert(_ v: Int) {
        precondition(v >= 0, "a variable is a position")
        if v < 64 {
            low |= 1 << UInt64(v)
            return
        }
        let word = v / 64 - 1
        if word >= high.count { high += Array(repeating: 0, count: word + 1 - high.count) }
        high[word] |= 1 << UInt64(v % 64)
    }

    func union(_ other: VariableSet) -> VariableSet {
        var result = VariableSet()
        result.low = low | other.low
        result.high = (0..<max(high.count, other.high.count)).map { word(high, $0) | word(other.high, $0) }
        return result
    }

    func intersection(_ other: VariableSet) -> VariableSet {
        var result = VariableSet()
        result.low = low & other.low
        result.high = (0..<min(high.count, other.high.count)).map { high[$0] & other.high[$0] }
        return result
    }

    func isSubset(of other: VariableSet) -> Bool {
        guard low & ~other.low == 0 else { return false }
        return high.indices.allSatisfy { high[$0] & ~word(other.high, $0) == 0 }
    }

    /// The variables, in increasing order.
    var members: [Int] {
        var result: [Int] = []
        for (w, bits) in ([low] + high).enumerated() where bits != 0 {
            for b in 0..<64 where bits & (1 << UInt64(b)) != 0 { result.append(w * 64 + b) }
        }
        return result
    }

    private func word(_ words: [UInt64], _ i: Int) -> UInt64 { i < words.count ? words[i] : 0 }

    static func == (a: VariableSet, b: VariableSet) -> Bool {
        a.low == b.low && (0..<max(a.high.count, b.high.count)).allSatisfy { a.word(a.high, $0) == b.word(b.high, $0) }
    }
}
