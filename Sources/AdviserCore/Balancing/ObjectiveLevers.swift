/// Levers on the fixed-point grid, as the objective search reads them: each option's value and its
/// cost under each criterion of the objective, most important first (margin enters negated, so
/// every criterion is minimized).
struct ObjectiveLevers {
    /// Options of lever l are at `optionStart[l] ..< optionStart[l + 1]`, in grid order.
    let optionStart: [Int]
    let value: [Int64]
    /// `cost[k][p]`: option p's cost under criterion k of the order.
    let cost: [[Int64]]
    let current: [Int]

    /// A problem's flex levers with their costs under `order`.
    init(_ problem: QuantizedProblem, order: [BalanceObjective.Criterion]) {
        let options = problem.options
        cost = order.map { criterion -> [Int64] in
            switch criterion {
            case .margin: return options.margin.map { -$0 }
            case .smallestMove: return options.move
            case .fewestLevers:
                var moved = [Int64](repeating: 1, count: options.value.count)
                for f in 0..<problem.leverCount { moved[problem.optionStart[f] + problem.current[f]] = 0 }
                return moved
            }
        }
        optionStart = problem.optionStart
        value = options.value
        current = problem.current
    }

    init(optionStart: [Int], value: [Int64], cost: [[Int64]], current: [Int]) {
        self.optionStart = optionStart
        self.value = value
        self.cost = cost
        self.current = current
    }

    var count: Int { current.count }

    /// The option index per lever of a setting given by position.
    func choice(_ position: [Int]) -> [Int] { position.indices.map { position[$0] - optionStart[$0] } }
    var criteria: Int { cost.count }
    func options(_ lever: Int) -> Range<Int> { optionStart[lever]..<optionStart[lever + 1] }

    /// Whether option `a` has a lexicographically smaller cost vector than option `b`, the
    /// position deciding a tie (within one lever, the lower option index).
    @inline(__always) func costPrecedes(_ a: Int, _ b: Int) -> Bool {
        for k in cost.indices where cost[k][a] != cost[k][b] { return cost[k][a] < cost[k][b] }
        return a < b
    }
}
