import AdviserCore
import AdviserTestSupport

/// Reference answer by enumerating every setting, following the documented semantics
/// independently of the balancer: contributions on a 2^-40 fixed-point grid, slack of 2 steps
/// (1e-12 rounded up) on the hold region (`target ± tolerance` in band mode, from
/// `target − tolerance` up in at-least mode). Among holding settings: the objective's order of
/// (Σ margin, moved, Σ move), then the choice vector. When none holds: every setting within
/// `Balancer.closeness` (rounded to steps) of the smallest distance to the region, by (moved, the
/// rest of the order, choice) — except in band mode when some setting reaches the band's lower
/// edge: then the settings above it, by the objective's order (more value beats less).
struct BruteForce {
    struct Result {
        var choice: [Int]
        var held: Bool
        var anyHolds: Bool
        var distance: Int64
    }

    static func q(_ x: Double) -> Int64 { Int64((x * 1_099_511_627_776).rounded()) }  // 2^40

    static func solve(_ problem: BalanceProblem) -> Result {
        let levers = problem.levers
        let currents = levers.map { min(max($0.current, 0), $0.options.count - 1) }
        let fixed = q(problem.fixedValue), target = q(problem.target)
        let band = q(max(0, problem.tolerance)) + 2
        let atLeast = problem.objective.hold == .atLeast
        let closeness = Int64((Balancer.closeness * 1_099_511_627_776).rounded())
        func distance(_ v: Int64) -> Int64 {
            if v < target - band { return target - band - v }
            if !atLeast && v > target + band { return v - target - band }
            return 0
        }
        func keys(_ order: [BalanceObjective.Criterion], moved: Int64, move: Int64, margin: Int64) -> [Int64] {
            order.map { criterion in
                switch criterion {
                case .margin: -margin
                case .fewestLevers: moved
                case .smallestMove: move
                }
            }
        }
        let tieOrder = [BalanceObjective.Criterion.fewestLevers] + problem.objective.order.filter { $0 != .fewestLevers }
        var settings: [(choice: [Int], distance: Int64, hold: [Int64], near: [Int64])] = []
        var values: [Int64] = []
        var choice = [Int](repeating: 0, count: levers.count)
        while true {
            var v = fixed, moved: Int64 = 0, m: Int64 = 0, g: Int64 = 0
            for (l, lever) in levers.enumerated() {
                let o = lever.options[choice[l]]
                v += q(o.value); m += q(o.move); g += q(o.margin)
                if choice[l] != currents[l] { moved += 1 }
            }
            settings.append((
                choice, distance(v), keys(problem.objective.order, moved: moved, move: m, margin: g),
                keys(tieOrder, moved: moved, move: m, margin: g)))
            values.append(v)
            // Next setting (odometer, last lever fastest).
            var l = levers.count - 1
            while l >= 0 {
                choice[l] += 1
                if choice[l] < levers[l].options.count { break }
                choice[l] = 0
                l -= 1
            }
            if l < 0 { break }
        }
        func best(_ candidates: [(choice: [Int], distance: Int64, hold: [Int64], near: [Int64])], _ key: KeyPath<(choice: [Int], distance: Int64, hold: [Int64], near: [Int64]), [Int64]>) -> [Int] {
            candidates.min { a, b in
                a[keyPath: key] != b[keyPath: key] ? a[keyPath: key].lexicographicallyPrecedes(b[keyPath: key])
                    : a.choice.lexicographicallyPrecedes(b.choice)
            }!.choice
        }
        let holding = settings.filter { $0.distance == 0 }
        if !holding.isEmpty {
            return Result(choice: best(holding, \.hold), held: true, anyHolds: true, distance: 0)
        }
        let reaching = settings.indices.filter { values[$0] >= target - band }
        if !atLeast, !reaching.isEmpty {
            return Result(choice: best(reaching.map { settings[$0] }, \.hold), held: false, anyHolds: false, distance: 0)
        }
        let nearest = settings.map(\.distance).min()!
        let close = settings.filter { $0.distance <= nearest + closeness }
        return Result(choice: best(close, \.near), held: false, anyHolds: false, distance: nearest)
    }
}

/// Random problems shaped like real ones, with deliberate ties (grid-regular moves,
/// quantised values, zero margins) so the tie-breaks are exercised.
enum ProblemGenerator {
    /// - Parameter ties: coarse values, grid-regular moves and most levers without margin, so that
    ///   many settings tie on every criterion.
    static func small(_ rng: inout SplitMix64, levers leverRange: ClosedRange<Int> = 1...5,
                      options optionRange: ClosedRange<Int> = 2...7, ties: Bool = false) -> BalanceProblem {
        let leverCount = Int.random(in: leverRange, using: &rng)
        let coarse = Bool.random(using: &rng) || ties
        let noCosts = Int.random(in: 0..<4, using: &rng) == 0
        var levers: [BalanceLever] = []
        for l in 0..<leverCount {
            let count = Int.random(in: 0..<10, using: &rng) == 0 ? 1 : Int.random(in: optionRange, using: &rng)
            let current = Int.random(in: 0..<count, using: &rng)
            let regularMoves = Int.random(in: 0..<4, using: &rng) != 0 || ties
            let marginFree = ties && Int.random(in: 0..<3, using: &rng) != 0
            // Occasionally data that breaks the usual shape (current move > 0, moves below it),
            // so pruning bounds must not rely on it.
            let irregular = Int.random(in: 0..<12, using: &rng) == 0
            var options: [BalanceOption] = []
            for i in 0..<count {
                let value = coarse
                    ? Double(Int.random(in: 0...8, using: &rng)) / 8 * 0.25
                    : Double.random(in: 0...0.3, using: &rng)
                let move = irregular ? Double(Int.random(in: 0...4, using: &rng)) / 4
                    : i == current ? 0
                    : regularMoves ? Double(abs(i - current)) / Double(max(count - 1, 1))
                    : Double.random(in: 0.01...1, using: &rng)
                let margin = noCosts || marginFree ? 0
                    : coarse ? Double(Int.random(in: -3...3, using: &rng))
                    : Double.random(in: -5...5, using: &rng)
                options.append(BalanceOption(value: value, move: move, margin: margin))
            }
            levers.append(BalanceLever(id: "l\(l)", options: options, current: current))
        }
        let fixed = Double.random(in: 0...0.5, using: &rng)
        let low = levers.reduce(fixed) { $0 + $1.options.map(\.value).min()! }
        let high = levers.reduce(fixed) { $0 + $1.options.map(\.value).max()! }
        let target = Double.random(in: (low - 0.1)...(high + 0.1), using: &rng)
        let tolerance = [0, 0.001, 0.01, 0.03, Double.random(in: 0...0.1, using: &rng)]
            .randomElement(using: &rng)!
        return BalanceProblem(levers: levers, fixedValue: fixed, target: target, tolerance: tolerance, objective: randomObjective(&rng))
    }

    /// Any hold mode and any order of the three criteria.
    static func randomObjective(_ rng: inout SplitMix64) -> BalanceObjective {
        let orders: [[BalanceObjective.Criterion]] = [
            [.margin, .fewestLevers, .smallestMove], [.margin, .smallestMove, .fewestLevers],
            [.fewestLevers, .margin, .smallestMove], [.fewestLevers, .smallestMove, .margin],
            [.smallestMove, .margin, .fewestLevers], [.smallestMove, .fewestLevers, .margin],
        ]
        return BalanceObjective(hold: Bool.random(using: &rng) ? .band : .atLeast, order: orders.randomElement(using: &rng)!)
    }

    /// 8 levers × 100 steps with piecewise-linear relief curves scaled by weights.
    static func large(_ rng: inout SplitMix64, levers leverCount: Int = 8, steps: Int = 100) -> BalanceProblem {
        var levers: [BalanceLever] = []
        for l in 0..<leverCount {
            let weight = Double.random(in: 0.05...0.25, using: &rng)
            let knots = (0..<4).map { _ in Double.random(in: 0...1, using: &rng) }.sorted()
            let increasing = Bool.random(using: &rng)
            let current = Int.random(in: 0..<steps, using: &rng)
            let unitMargin = Double.random(in: -2...2, using: &rng)
            var options: [BalanceOption] = []
            for i in 0..<steps {
                let x = Double(i) / Double(steps - 1)
                // Piecewise-linear through (0,0), (1/3,k1), (2/3,k2), (1,1) after sorting.
                let segment = min(Int(x * 3), 2)
                let ys = [0, knots[1], knots[2], 1.0]
                let t = x * 3 - Double(segment)
                var y = ys[segment] + (ys[segment + 1] - ys[segment]) * t
                if !increasing { y = 1 - y }
                options.append(BalanceOption(
                    value: weight * y,
                    move: Double(abs(i - current)) / Double(steps - 1),
                    margin: unitMargin * (x - 0.5)))
            }
            levers.append(BalanceLever(id: "lever\(l)", options: options, current: current))
        }
        let fixed = Double.random(in: 0...0.3, using: &rng)
        let now = levers.reduce(fixed) { $0 + $1.options[$1.current].value }
        let target = now + Double.random(in: -0.15...0.15, using: &rng)
        return BalanceProblem(levers: levers, fixedValue: fixed, target: target, tolerance: 0.005)
    }
}
