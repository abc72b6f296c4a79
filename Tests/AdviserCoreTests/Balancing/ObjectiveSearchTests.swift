import AdviserTestSupport
import Testing

@testable import AdviserCore

/// The objective search against enumeration of every setting, on random integer problems with
/// deliberate ties (shared costs, zero costs, repeated values).
struct ObjectiveSearchTests {
    struct Problem {
        var levers: ObjectiveLevers
        var lo: Int64, hi: Int64, bounded: Bool
    }

    static func random(_ rng: inout SplitMix64, levers: ClosedRange<Int> = 1...5, options: ClosedRange<Int> = 1...6) -> Problem {
        let n = Int.random(in: levers, using: &rng)
        var start = [0], value: [Int64] = [], cost: [[Int64]] = [[], [], []], current: [Int] = []
        let criteria = Int.random(in: 1...3, using: &rng)
        for _ in 0..<n {
            let m = Int.random(in: options, using: &rng)
            current.append(Int.random(in: 0..<m, using: &rng))
            for o in 0..<m {
                value.append(Int64.random(in: 0...(Bool.random(using: &rng) ? 6 : 60), using: &rng))
                for c in 0..<3 {
                    let spread: Int64 = Int.random(in: 0..<4, using: &rng) == 0 ? 0 : 9
                    cost[c].append(c == 1 ? (o == current.last! ? 0 : 1) : Int64.random(in: -spread...spread, using: &rng))
                }
            }
            start.append(value.count)
        }
        let total = value.count
        _ = total
        let levers = ObjectiveLevers(optionStart: start, value: value, cost: Array(cost.prefix(criteria)), current: current)
        let lo = Int64.random(in: 0...(Int64(n) * 40), using: &rng)
        let bounded = Int.random(in: 0..<3, using: &rng) != 0
        return Problem(levers: levers, lo: lo, hi: lo + Int64.random(in: 0...12, using: &rng), bounded: bounded)
    }

    static func bruteForce(_ p: Problem) -> [Int]? {
        let levers = p.levers
        var choice = [Int](repeating: 0, count: levers.count)
        var best: (key: [Int64], choice: [Int])?
        while true {
            var v: Int64 = 0
            var key = [Int64](repeating: 0, count: levers.cost.count)
            for l in 0..<levers.count {
                let position = levers.optionStart[l] + choice[l]
                v += levers.value[position]
                for c in levers.cost.indices { key[c] += levers.cost[c][position] }
            }
            if v >= p.lo && (!p.bounded || v <= p.hi) {
                if best == nil || key.lexicographicallyPrecedes(best!.key) || (key == best!.key && choice.lexicographicallyPrecedes(best!.choice)) {
                    best = (key, choice)
                }
            }
            var l = levers.count - 1
            while l >= 0 {
                choice[l] += 1
                if choice[l] < levers.optionStart[l + 1] - levers.optionStart[l] { break }
                choice[l] = 0
                l -= 1
            }
            if l < 0 { break }
        }
        return best?.choice
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func agreesWithEnumeration(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<1_500 {
            let p = Self.random(&rng)
            let search = ObjectiveSearch(levers: p.levers, region: HoldRegion(low: p.lo, high: p.hi, bounded: p.bounded), maxSteps: 10_000_000)
            let (choice, complete) = search.run()
            #expect(complete)
            let expected = Self.bruteForce(p)
            #expect(choice == expected, "levers \(p.levers) lo \(p.lo) hi \(p.hi) bounded \(p.bounded)")
            if choice != expected { return }
        }
    }

    /// The same kind of problems with every threshold lowered, so that each strategy runs where
    /// enumeration can check it: the rounded relaxation and local search, reduced-cost fixing, a
    /// probe cut short, the bucketed programme, pair moves, pair tables and the branch and bound.
    @Test(arguments: [UInt64(5), 6, 7, 8])
    func everyStrategyAgreesWithEnumeration(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for round in 0..<600 {
            let p = round % 2 == 0 ? Self.random(&rng) : Self.random(&rng, levers: 4...6, options: 2...6)
            var search = ObjectiveSearch(
                levers: p.levers, region: HoldRegion(low: p.lo, high: p.hi, bounded: p.bounded), maxSteps: 10_000_000)
            search.thresholds = .init(enumerateUpTo: 0, probeSteps: Int.random(in: 0...40, using: &rng), pairTableAtOnce: true)
            let (choice, complete) = search.run()
            #expect(complete)
            let expected = Self.bruteForce(p)
            #expect(choice == expected, "levers \(p.levers) lo \(p.lo) hi \(p.hi) bounded \(p.bounded)")
            if choice != expected { return }
        }
    }

    /// Larger problems with the default thresholds: most go past enumeration to the branch and bound.
    @Test(arguments: [UInt64(9), 10])
    func defaultStrategiesAgreeWithEnumerationOnLargerProblems(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var searched = 0
        for _ in 0..<200 {
            let p = Self.random(&rng, levers: 4...6, options: 5...9)
            let settings = (0..<p.levers.count).reduce(1) { $0 * p.levers.options($1).count }
            guard settings <= 30_000 else { continue }
            searched += 1
            let search = ObjectiveSearch(
                levers: p.levers, region: HoldRegion(low: p.lo, high: p.hi, bounded: p.bounded), maxSteps: 10_000_000)
            let (choice, complete) = search.run()
            #expect(complete)
            let expected = Self.bruteForce(p)
            #expect(choice == expected, "levers \(p.levers) lo \(p.lo) hi \(p.hi) bounded \(p.bounded)")
            if choice != expected { return }
        }
        #expect(searched > 60)
    }
}
