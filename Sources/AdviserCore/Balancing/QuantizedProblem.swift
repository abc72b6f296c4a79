/// A `BalanceProblem` on the fixed-point grid (each quantity scaled by its own
/// `FixedPointScale`), reduced to its flex levers: those with two or more options, as
/// single-option levers are folded into the fixed value. Cheap to build: enough to answer
/// the fast paths (`QuantizedProblem+FastPaths.swift`) before any sorting happens, and the
/// input every search strategy builds its tables from.
struct QuantizedProblem {
    /// Number of flex levers.
    let leverCount: Int
    /// Position in `BalanceProblem.levers` of each flex lever.
    let problemIndex: [Int]
    /// Current option of each flex lever, clamped into range.
    let current: [Int]
    /// Options of flex lever f are at `optionStart[f]..<optionStart[f + 1]` of `options`,
    /// in grid order (so position − `optionStart[f]` is the option index).
    let optionStart: [Int]
    let options: OptionColumns
    /// Where the flex levers' summed value must land.
    let band: TargetBand
    /// The value grid's scale (for turning amounts of value into steps).
    let valueScale: FixedPointScale

    /// `nil` when the problem has a non-finite number (it cannot be balanced).
    init?(_ problem: BalanceProblem) {
        let tolerance = max(0, problem.tolerance)
        guard problem.fixedValue.isFinite, problem.target.isFinite, tolerance.isFinite else { return nil }
        var valueBound = abs(problem.fixedValue) + abs(problem.target) + tolerance + BalanceSearch.epsilon
        var moveBound = 0.0, marginBound = 0.0
        for lever in problem.levers {
            var value = 0.0, move = 0.0, margin = 0.0
            for option in lever.options {
                guard option.value.isFinite, option.move.isFinite, option.margin.isFinite else { return nil }
                value = max(value, abs(option.value))
                move = max(move, abs(option.move))
                margin = max(margin, abs(option.margin))
            }
            valueBound += value; moveBound += move; marginBound += margin
        }
        guard valueBound.isFinite, moveBound.isFinite, marginBound.isFinite else { return nil }
        let valueScale = FixedPointScale(bound: valueBound)
        let moveScale = FixedPointScale(bound: moveBound)
        let marginScale = FixedPointScale(bound: marginBound)

        var fixedValue = valueScale(problem.fixedValue)
        var problemIndex: [Int] = [], current: [Int] = [], optionStart = [0]
        problemIndex.reserveCapacity(problem.levers.count)
        current.reserveCapacity(problem.levers.count)
        optionStart.reserveCapacity(problem.levers.count + 1)
        for (index, lever) in problem.levers.enumerated() {
            if lever.options.count >= 2 {
                problemIndex.append(index)
                current.append(BalanceSearch.clampedCurrent(lever))
                optionStart.append(optionStart[optionStart.count - 1] + lever.options.count)
            } else if let only = lever.options.first {
                fixedValue += valueScale(only.value)
            }
        }
        // Each column written in place: appending three columns option by option cost more than
        // the scaling itself.
        let count = optionStart[optionStart.count - 1]
        func column(_ scale: FixedPointScale, _ quantity: (BalanceOption) -> Double) -> [Int64] {
            [Int64](unsafeUninitializedCapacity: count) { buffer, initialized in
                var i = 0
                for index in problemIndex {
                    for option in problem.levers[index].options {
                        buffer[i] = scale(quantity(option))
                        i += 1
                    }
                }
                initialized = count
            }
        }
        var options = OptionColumns()
        options.value = column(valueScale) { $0.value }
        options.move = column(moveScale) { $0.move }
        options.margin = column(marginScale) { $0.margin }
        let slack = max(1, Int64((BalanceSearch.epsilon * valueScale.factor).rounded(.up)))
        band = TargetBand(target: valueScale(problem.target), halfWidth: valueScale(tolerance) + slack,
                          fixedValue: fixedValue)
        leverCount = problemIndex.count
        self.problemIndex = problemIndex
        self.current = current
        self.optionStart = optionStart
        self.options = options
        self.valueScale = valueScale
    }

    /// The flex levers' summed value for a choice of option per flex lever.
    func sum(_ choice: [Int]) -> Int64 {
        (0..<leverCount).reduce(0) { $0 + options.value[optionStart[$1] + choice[$1]] }
    }
}
