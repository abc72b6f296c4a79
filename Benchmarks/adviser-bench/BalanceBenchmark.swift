import AdviserCore

/// `adviser-bench balance [--problems N] [--passes P] [--seed S] [--levers L] [--steps M] [--tolerance T]
/// [--moves K] [--spread D] [--order C,C,C] [--hold band|at-least] [--only N]`
///
/// Seeded random problems with L flex levers × M grid steps (default 8 × 100; piecewise-linear
/// relief curves scaled by weights, margins linear in the setting): targets reachable with 1–K
/// moves, targets outside the achievable range, and generic targets near the current value.
/// `--order` and `--hold` set the objective (default `margin,fewest-levers,smallest-move`, band).
/// Each problem is timed individually on every pass; prints the median and tail per problem,
/// problems/s, and the worst problem (its fastest pass, to keep scheduler noise out).
enum BalanceBenchmark {
    static func run(arguments: [String]) {
        var problemCount = 2_000, passes = 5, seed: UInt64 = 42
        var shape = Shape()
        var only: Int?
        var i = 0
        while i < arguments.count {
            let value = i + 1 < arguments.count ? arguments[i + 1] : ""
            switch arguments[i] {
            case "--problems": problemCount = Int(value) ?? problemCount; i += 1
            case "--passes": passes = Int(value) ?? passes; i += 1
            case "--seed": seed = UInt64(value) ?? seed; i += 1
            case "--levers": shape.levers = max(1, Int(value) ?? shape.levers); i += 1
            case "--steps": shape.steps = max(2, Int(value) ?? shape.steps); i += 1
            case "--tolerance": shape.tolerance = Double(value) ?? shape.tolerance; i += 1
            case "--moves": shape.maxMoves = max(1, Int(value) ?? shape.maxMoves); i += 1
            case "--spread": shape.spread = Double(value) ?? shape.spread; i += 1
            case "--order":
                let order = value.split(separator: ",").compactMap { BalanceObjective.Criterion(rawValue: String($0)) }
                if order.count != value.split(separator: ",").count { print("balance: unknown criterion in \(value)") }
                shape.objective = BalanceObjective(hold: shape.objective.hold, order: order)
                i += 1
            case "--hold":
                if let hold = BalanceObjective.Hold(rawValue: value) {
                    shape.objective = BalanceObjective(hold: hold, order: shape.objective.order)
                } else {
                    print("balance: unknown hold mode \(value)")
                }
                i += 1
            case "--only": only = Int(value); i += 1
            default: print("balance: ignoring argument \(arguments[i])")
            }
            i += 1
        }
        var rng = SplitMix64(seed: seed)
        let kinds = ["reachable 1-\(shape.maxMoves) moves", "unreachable", "generic ±\(shape.spread)"]
        var problems = (0..<problemCount).map { n in makeProblem(kind: n % 3, shape: shape, using: &rng) }
        if let only, problems.indices.contains(only) {
            // Profile one problem: the same problem repeated, keeping its kind slot.
            problems = (0..<problems.count).map { $0 % 3 == only % 3 ? problems[only] : problems[$0] }
        }
        let balancer = Balancer()
        let clock = ContinuousClock()

        var samples: [Double] = []  // µs
        var fastest = [Double](repeating: .infinity, count: problems.count)
        var solutions: [BalanceSolution] = []
        var total = Duration.zero
        for pass in 0..<passes {
            for (n, problem) in problems.enumerated() {
                var solution: BalanceSolution?
                let elapsed = clock.measure { solution = try? balancer.solve(problem) }
                total += elapsed
                let micros = Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6
                samples.append(micros)
                fastest[n] = min(fastest[n], micros)
                if pass == 0, let solution { solutions.append(solution) }
            }
        }
        samples.sort()
        func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(p * Double(samples.count)))] }
        let totalSeconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
        let worst = fastest.indices.max { fastest[$0] < fastest[$1] } ?? 0
        let objective = shape.objective.order.map(\.rawValue).joined(separator: ",") + ", hold \(shape.objective.hold.rawValue)"
        print("balance: \(problems.count) problems × \(passes) passes, \(shape.levers) levers × \(shape.steps) steps, "
            + "tolerance \(shape.tolerance), seed \(seed), \(objective)")
        print("  median \(fmt(percentile(0.5))) µs   p90 \(fmt(percentile(0.9))) µs   p99 \(fmt(percentile(0.99))) µs   worst sample \(fmt(samples.last ?? 0)) µs")
        // Per problem, its fastest pass: the tail the algorithm makes, without the preemptions a
        // shared machine adds to single samples.
        let perProblem = fastest.sorted()
        func problemPercentile(_ p: Double) -> Double { perProblem[min(perProblem.count - 1, Int(p * Double(perProblem.count)))] }
        print("  per problem (fastest pass): median \(fmt(problemPercentile(0.5))) µs   p90 \(fmt(problemPercentile(0.9))) µs   "
            + "p99 \(fmt(problemPercentile(0.99))) µs")
        print("  \(fmt(Double(samples.count) / totalSeconds)) problems/s")
        print("  worst problem #\(worst) (\(kinds[worst % 3])): \(fmt(fastest[worst])) µs best-of-\(passes)")
        for kind in kinds.indices {
            let ids = problems.indices.filter { $0 % 3 == kind }
            guard !ids.isEmpty else { continue }
            let times = ids.map { fastest[$0] }.sorted()
            let held = ids.filter { solutions[$0].held }.count
            var moved = [Int](repeating: 0, count: shape.levers + 1)
            for id in ids { moved[min(solutions[id].movedCount, shape.levers)] += 1 }
            let cut = ids.filter { !solutions[$0].exhaustive }.count
            print("  \(kinds[kind]): median \(fmt(times[times.count / 2])) µs, max \(fmt(times.last ?? 0)) µs, held \(held)/\(ids.count), cut short \(cut), moved histogram \(moved)")
        }
    }

    private static func fmt(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r >= 100 ? String(Int(r)) : String(r)
    }

    struct Shape {
        var levers = 8
        var steps = 100
        var tolerance = 0.005
        var maxMoves = 3
        var spread = 0.15
        var objective = BalanceObjective.standard
    }

    private static func makeProblem(kind: Int, shape: Shape, using rng: inout SplitMix64) -> BalanceProblem {
        let steps = shape.steps
        var levers: [BalanceLever] = []
        for l in 0..<shape.levers {
            let weight = Double.random(in: 0.04...0.2, using: &rng)
            let knots = [0] + (0..<3).map { _ in Double.random(in: 0...1, using: &rng) }.sorted() + [1]
            let increasing = Bool.random(using: &rng)
            let current = Int.random(in: 0..<steps, using: &rng)
            let unitMargin = Double.random(in: -3...3, using: &rng)
            let options = (0..<steps).map { i -> BalanceOption in
                let x = Double(i) / Double(steps - 1)
                let segment = min(Int(x * 4), 3)
                let t = x * 4 - Double(segment)
                let y = knots[segment] + (knots[segment + 1] - knots[segment]) * t
                return BalanceOption(value: weight * (increasing ? y : 1 - y),
                                     move: Double(abs(i - current)) / Double(steps - 1),
                                     margin: unitMargin * x)
            }
            levers.append(BalanceLever(id: "lever\(l)", options: options, current: current))
        }
        let fixed = Double.random(in: 0.1...0.4, using: &rng)
        let tolerance = shape.tolerance
        let value = { (choice: [Int]) in zip(levers, choice).reduce(fixed) { $0 + $1.0.options[$1.1].value } }
        var target: Double
        switch kind {
        case 0:  // a setting 1–maxMoves random moves away, nudged within the band
            var choice = levers.map(\.current)
            for _ in 0..<Int.random(in: 1...shape.maxMoves, using: &rng) {
                choice[Int.random(in: 0..<shape.levers, using: &rng)] = Int.random(in: 0..<steps, using: &rng)
            }
            target = value(choice) + Double.random(in: -tolerance / 2...tolerance / 2, using: &rng)
        case 1:  // beyond the achievable range
            let high = levers.reduce(fixed) { $0 + $1.options.map(\.value).max()! }
            let low = levers.reduce(fixed) { $0 + $1.options.map(\.value).min()! }
            target = Bool.random(using: &rng) ? high + Double.random(in: 0.01...0.2, using: &rng)
                                              : low - Double.random(in: 0.01...0.2, using: &rng)
        default:
            target = value(levers.map(\.current)) + Double.random(in: -shape.spread...shape.spread, using: &rng)
        }
        return BalanceProblem(levers: levers, fixedValue: fixed, target: target, tolerance: tolerance, objective: shape.objective)
    }
}
