import AdviserTestSupport
import AdviserCore
import Testing

@Suite("Balancer")
struct BalancerTests {
    /// The order before margin came first: fewest levers, smallest move, margin.
    static let fewestFirst = BalanceObjective(order: [.fewestLevers, .smallestMove, .margin])

    /// Evenly spaced lever: values start, start+step, …; moves in grid steps; no margin.
    func lever(_ id: String, values: [Double], current: Int, margins: [Double]? = nil) -> BalanceLever {
        let span = Double(max(values.count - 1, 1))
        let options = values.indices.map { i in
            BalanceOption(value: values[i], move: Double(abs(i - current)) / span, margin: margins?[i] ?? 0)
        }
        return BalanceLever(id: id, options: options, current: current)
    }

    @Test func currentSettingHoldsReturnsZeroMoved() throws {
        let problem = BalanceProblem(
            levers: [lever("a", values: [0, 0.1, 0.2], current: 1), lever("b", values: [0, 0.1], current: 0)],
            fixedValue: 0.5, target: 0.61, tolerance: 0.02)
        let solution = try Balancer().solve(problem)
        #expect(solution.choice == [1, 0])
        #expect(solution.held && solution.movedCount == 0 && solution.totalMove == 0)
    }

    @Test func fewestMovesThenSmallestMoveThenBestMargin() throws {
        // Reaching +0.2 needs one lever; "a" needs 2 steps, "b" 1 step of a longer grid.
        let a = lever("a", values: [0, 0.1, 0.2, 0.3, 0.4], current: 0)
        let b = lever("b", values: [0, 0.2, 0.4], current: 0)
        let s = try Balancer().solve(BalanceProblem(levers: [a, b], fixedValue: 0, target: 0.2, tolerance: 0, objective: Self.fewestFirst))
        #expect(s.choice == [0, 1] && s.movedCount == 1 && s.held)
        #expect(abs(s.totalMove - 0.5) < 1e-12)  // b: 1 step of 2 (a would be 2 of 4: also 0.5 → tie)
        // Equal moves: margin decides.
        let c = lever("c", values: [0, 0.2, 0.4], current: 0, margins: [0, -1, 0])
        let d = lever("d", values: [0, 0.2, 0.4], current: 0, margins: [0, 1, 0])
        let t = try Balancer().solve(BalanceProblem(levers: [c, d], fixedValue: 0, target: 0.2, tolerance: 0, objective: Self.fewestFirst))
        #expect(t.choice == [0, 1] && t.margin == 1)
    }

    @Test func marginFirstMovesMoreLeversForABetterMargin() throws {
        // Value must rise by 0.2. One move (a → 0.2) costs 2 of margin; two moves (b and c, 0.1
        // each) cost 1 in all.
        let a = lever("a", values: [0, 0.2], current: 0, margins: [0, -2])
        let b = lever("b", values: [0, 0.1], current: 0, margins: [0, -0.5])
        let c = lever("c", values: [0, 0.1], current: 0, margins: [0, -0.5])
        let problem = BalanceProblem(levers: [a, b, c], fixedValue: 0, target: 0.2, tolerance: 0.001)
        let margin = try Balancer().solve(problem)
        #expect(margin.held && margin.choice == [0, 1, 1] && margin.margin == -1)
        var fewest = problem
        fewest.objective = Self.fewestFirst
        #expect(try Balancer().solve(fewest).choice == [1, 0, 0])
    }

    @Test func atLeastHoldsValueAboveToday() throws {
        // The rules left value above the band: band mode trims it back, at-least keeps it.
        let trim = lever("trim", values: [0, 0.1, 0.2], current: 2, margins: [2, 1, 0])
        let band = BalanceProblem(levers: [trim], fixedValue: 0.5, target: 0.6, tolerance: 0.01)
        #expect(try Balancer().solve(band).choice == [1])
        var atLeast = band
        atLeast.objective = BalanceObjective(hold: .atLeast)
        let kept = try Balancer().solve(atLeast)
        // Margin first: trimming to the edge is worth it in either mode; with no margin to gain,
        // at-least leaves more value alone.
        #expect(kept.held && kept.choice == [1])
        atLeast.levers = [lever("free", values: [0, 0.1, 0.2], current: 2)]
        #expect(try Balancer().solve(atLeast).choice == [2])
    }

    /// Two levers moving in opposite directions (5 → 4 and 5 → 6) can come out a few fixed-point
    /// steps closer than moving nothing, by rounding alone: settings that close count as equally
    /// close, and then the fewest levers moved wins.
    @Test func whenNothingHoldsFloatingPointNoiseMovesNothing() throws {
        let third = 1.0 / 3.0
        let a = lever("a", values: (0...10).map { Double($0) * third * 0.1 }, current: 5)
        let b = lever("b", values: (0...10).map { Double($0) * third * 0.1 }, current: 5)
        // Today 0.05 + 2 × 5/30; the band (−0.01 ± 0.001) falls between achievable sums, and every
        // setting as close as today has the same sum (4 + 6, 3 + 7, …) up to rounding.
        let today = 0.05 + 10 * third * 0.1
        let near = try Balancer().solve(BalanceProblem(levers: [a, b], fixedValue: 0.05, target: today - 0.01, tolerance: 0.001))
        #expect(!near.held && near.movedCount == 0 && near.choice == [5, 5])
    }

    @Test func tieOnEverythingPicksSmallestChoiceVector() throws {
        let a = lever("a", values: [0, 0.5], current: 0)
        let b = lever("b", values: [0, 0.5], current: 0)
        let s = try Balancer().solve(BalanceProblem(levers: [a, b], fixedValue: 0, target: 0.5, tolerance: 0))
        #expect(s.choice == [0, 1])
    }

    @Test func toleranceZeroExactHit() throws {
        let a = lever("a", values: [0, 0.125, 0.25, 0.375], current: 0)
        let b = lever("b", values: [0, 0.0625, 0.5], current: 2)
        // Current value 0.75; 0.3125 is one exact move away (b → 0.0625), 0.4375 needs two.
        let one = try Balancer().solve(BalanceProblem(levers: [a, b], fixedValue: 0.25, target: 0.3125, tolerance: 0))
        #expect(one.held && one.value == 0.3125 && one.choice == [0, 1] && one.movedCount == 1)
        let two = try Balancer().solve(BalanceProblem(levers: [a, b], fixedValue: 0.25, target: 0.4375, tolerance: 0))
        #expect(two.held && two.value == 0.4375 && two.choice == [1, 1] && two.movedCount == 2)
    }

    @Test func infeasibleAboveMaxReturnsMaximumUnheld() throws {
        let a = lever("a", values: [0, 0.1, 0.3, 0.3], current: 1)
        let b = lever("b", values: [0.2, 0.1], current: 1)
        let s = try Balancer().solve(BalanceProblem(levers: [a, b], fixedValue: 0, target: 2, tolerance: 0.1))
        #expect(!s.held)
        #expect(s.choice == [2, 0])  // max value; of the two 0.3 options, the smaller move
        #expect(abs(s.value - 0.5) < 1e-12)
    }

    @Test func gapInsideRangeReturnsClosestUnheld() throws {
        let a = lever("a", values: [0, 1], current: 0)
        let b = lever("b", values: [0, 2], current: 0)
        let s = try Balancer().solve(BalanceProblem(levers: [a, b], fixedValue: 0, target: 1.6, tolerance: 0.1))
        #expect(!s.held && s.choice == [0, 1])
    }

    @Test func degenerateInputs() throws {
        let balancer = Balancer()
        // No levers.
        let none = try balancer.solve(BalanceProblem(levers: [], fixedValue: 0.3, target: 0.3, tolerance: 0))
        #expect(none.held && none.choice.isEmpty && none.value == 0.3)
        let noneOff = try balancer.solve(BalanceProblem(levers: [], fixedValue: 0.3, target: 0.5, tolerance: 0.1))
        #expect(!noneOff.held)
        // One-option lever, empty lever, out-of-range current, all-equal values.
        let single = BalanceLever(id: "s", options: [BalanceOption(value: 0.2, move: 0, margin: 1)], current: 0)
        let empty = BalanceLever(id: "e", options: [], current: 0)
        let wild = BalanceLever(id: "w", options: [BalanceOption(value: 0, move: 0, margin: 0),
                                                   BalanceOption(value: 0.1, move: 1, margin: 0)], current: 7)
        let flat = lever("f", values: [0.1, 0.1, 0.1], current: 1)
        let s = try balancer.solve(BalanceProblem(levers: [single, empty, wild, flat], fixedValue: 0, target: 0.3, tolerance: 0))
        // Current (w clamped to 1) is 0.2 + 0.1 + 0.1 = 0.4; moving w down reaches 0.3 exactly.
        #expect(s.choice == [0, -1, 0, 1] && s.held && s.movedCount == 1)
    }

    @Test func nonFiniteInputReturnsCurrentUnheld() throws {
        let a = lever("a", values: [0, .nan], current: 0)
        let s = try Balancer().solve(BalanceProblem(levers: [a], fixedValue: 0, target: 0, tolerance: 1))
        #expect(s.choice == [0] && !s.held)
    }

    @Test func tooManyGridPoints() {
        let a = lever("a", values: Array(repeating: 0, count: 60), current: 0)
        let problem = BalanceProblem(levers: [a, a], fixedValue: 0, target: 0, tolerance: 0)
        #expect(throws: BalanceError.tooManyGridPoints(count: 120, limit: 100)) {
            try Balancer(limits: BalanceLimits(maxGridPoints: 100)).solve(problem)
        }
        #expect(throws: Never.self) { try Balancer(limits: BalanceLimits(maxGridPoints: 120)).solve(problem) }
    }

    @Test func largeProblemsHoldWithInvariants() throws {
        var rng = SplitMix64(seed: 0xBA1A_4CE)
        let balancer = Balancer()
        for _ in 0..<40 {
            let problem = ProblemGenerator.large(&rng)
            let solution = try balancer.solve(problem)
            #expect(solution.choice.count == 8)
            for (lever, index) in zip(problem.levers, solution.choice) { #expect(lever.options.indices.contains(index)) }
            if solution.held {
                #expect(abs(solution.value - problem.target) <= problem.tolerance + 1e-9)
            }
            let moved = zip(problem.levers, solution.choice).filter { $0.current != $1 }.count
            #expect(moved == solution.movedCount)
            #expect(try balancer.solve(problem) == solution)
        }
    }

    /// Tolerance 0 on 8 × 100 dense values is subset-sum territory: the step budget bounds
    /// the work and the result says it was cut short.
    @Test func toleranceZeroOnLargeGridIsBounded() throws {
        var rng = SplitMix64(seed: 0x7E50)
        var problem = ProblemGenerator.large(&rng)
        problem.tolerance = 0
        problem.target += 0.0123456789
        let balancer = Balancer(limits: BalanceLimits(maxSearchSteps: 50_000))
        let solution = try balancer.solve(problem)
        #expect(!solution.exhaustive)
        // No exact hit found within the budget: the best setting found that gives the client no
        // less than today.
        #expect(solution.value >= problem.target - 1e-9)
        #expect(try balancer.solve(problem) == solution)
    }

    /// Large magnitudes switch to a coarser fixed-point grid instead of overflowing.
    @Test func hugeMagnitudesDoNotTrap() throws {
        let a = BalanceLever(id: "a", options: (0..<5).map {
            BalanceOption(value: Double($0) * 1e300, move: Double($0) / 4, margin: Double($0) * 1e15)
        }, current: 0)
        let b = BalanceLever(id: "b", options: (0..<5).map {
            BalanceOption(value: Double($0) * 1e300, move: Double($0) / 4, margin: -Double($0) * 1e15)
        }, current: 4)
        let s = try Balancer().solve(BalanceProblem(levers: [a, b], fixedValue: 0, target: 6e300, tolerance: 1e299, objective: Self.fewestFirst))
        // 4e300 now; +2e300 by one lever: a two steps up (margin +2e15) beats b (already at max).
        #expect(s.held && s.choice == [2, 4] && s.movedCount == 1)
        // Margin first: a all the way up, b down to 2 (margin +4e15 − 2e15).
        let best = try Balancer().solve(BalanceProblem(levers: [a, b], fixedValue: 0, target: 6e300, tolerance: 1e299))
        #expect(best.held && best.choice == [4, 2])
        let far = try Balancer().solve(BalanceProblem(levers: [a, b], fixedValue: 0, target: 1e308, tolerance: 0))
        #expect(!far.held && far.choice == [4, 4])
    }

    /// Tens of thousands of levers: no stack overflow, bounded work, honest flags.
    @Test func manyLeversStayBounded() throws {
        let binary = (0..<30_000).map { lever("b\($0)", values: [0, 1], current: 0) }
        let balancer = Balancer(limits: BalanceLimits(maxSearchSteps: 20_000))
        // Target in a gap between integers: nothing holds; more value beats less, so one lever
        // moves up. Which of the 30,000 equal ones the fixed tie-break would pick is beyond the
        // budget to prove, and the flag says so.
        let gap = try balancer.solve(BalanceProblem(levers: binary, fixedValue: 0, target: 0.7, tolerance: 0.1))
        #expect(!gap.held && gap.movedCount == 1 && !gap.exhaustive)
        // 300 moves needed: beyond the recursive search's cap, found by the closest search.
        let far = Array(binary.prefix(600))
        let many = try balancer.solve(BalanceProblem(levers: far, fixedValue: 0, target: 300, tolerance: 0.1))
        #expect(many.held && many.movedCount == 300 && !many.exhaustive)
    }
}
