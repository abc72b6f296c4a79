import AdviserTestSupport
import AdviserCore
import Testing

@Suite("Balancer matches brute force")
struct BalancerPropertyTests {
    /// 8 × 750 = 6,000 problems of 1–5 levers × 2–7 options.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func matchesBruteForce(seed: UInt64) throws {
        try check(seed: seed, cases: 750, levers: 1...5, options: 2...7)
    }

    /// Deeper searches (up to 7 moved levers): 6–7 levers × 2–4 options, every objective.
    @Test(arguments: [UInt64(11), 12])
    func matchesBruteForceOnManyLevers(seed: UInt64) throws {
        try check(seed: seed, cases: 150, levers: 6...7, options: 2...4)
    }

    /// Problems past enumeration (3–4 levers × 6–12 options), every objective: the reductions,
    /// relaxations, heuristics and branch and bound of the exact search against brute force.
    @Test(arguments: [UInt64(21), 22])
    func matchesBruteForceOnMediumProblems(seed: UInt64) throws {
        try check(seed: seed, cases: 100, levers: 3...4, options: 6...12)
    }

    /// Many ties (coarse values, grid-regular moves, most levers without margin), every objective.
    @Test(arguments: [UInt64(31), 32, 33])
    func matchesBruteForceWithManyTies(seed: UInt64) throws {
        try check(seed: seed, cases: 200, levers: 2...5, options: 3...7, ties: true)
    }

    private func check(seed: UInt64, cases: Int, levers: ClosedRange<Int>, options: ClosedRange<Int>, ties: Bool = false) throws {
        var rng = SplitMix64(seed: seed &* 0x1234_5678_9ABC)
        let balancer = Balancer()
        var heldCount = 0
        for _ in 0..<cases {
            let problem = ProblemGenerator.small(&rng, levers: levers, options: options, ties: ties)
            let solution = try balancer.solve(problem)
            let reference = BruteForce.solve(problem)
            #expect(solution.exhaustive)
            #expect(solution.choice == reference.choice, "\(problem)")
            #expect(solution.held == reference.held, "\(problem)")
            if solution.held {
                heldCount += 1
                #expect(Self.holds(solution.value, problem))
            } else {
                #expect(!reference.anyHolds)
            }
            #expect(try balancer.solve(problem) == solution)
        }
        // The generator must exercise both outcomes.
        #expect(heldCount > cases / 8 && heldCount < cases * 15 / 16)
    }

    /// With a tiny step budget the answer may be cut short, but it is still a valid,
    /// deterministic setting: exact when `exhaustive`, and `held` only when it holds.
    @Test func tinyBudgetStaysSound() throws {
        var rng = SplitMix64(seed: 0xB0D6E7)
        let balancer = Balancer(limits: BalanceLimits(maxSearchSteps: 12))
        var cutShort = 0
        for _ in 0..<1_000 {
            let problem = ProblemGenerator.small(&rng, levers: 3...6, options: 2...5)
            let solution = try balancer.solve(problem)
            let reference = BruteForce.solve(problem)
            for (lever, index) in zip(problem.levers, solution.choice) { #expect(lever.options.indices.contains(index)) }
            if solution.exhaustive {
                #expect(solution.choice == reference.choice, "\(problem)")
            } else {
                cutShort += 1
                if solution.held { #expect(reference.anyHolds) }
            }
            if solution.held { #expect(Self.holds(solution.value, problem)) }
            #expect(try balancer.solve(problem) == solution)
        }
        #expect(cutShort > 50)
    }

    /// Whether a value lies in the problem's hold region (with the documented 1e-12 of slack).
    static func holds(_ value: Double, _ problem: BalanceProblem) -> Bool {
        let tolerance = max(0, problem.tolerance) + 1e-9
        return problem.objective.hold == .atLeast ? value >= problem.target - tolerance : abs(value - problem.target) <= tolerance
    }
}
