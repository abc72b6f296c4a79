import AdviserCore
import Testing

@Suite("Balancer matches brute force")
struct BalancerPropertyTests {
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func matchesBruteForce(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed &* 0x1234_5678_9ABC)
        let balancer = Balancer()
        var heldCount = 0
        for _ in 0..<750 {
            let problem = ProblemGenerator.small(&rng)
            let solution = try balancer.solve(problem)
            let reference = BruteForce.solve(problem)
            #expect(solution.choice == reference.choice, "\(problem)")
            #expect(solution.held == reference.held, "\(problem)")
            if solution.held {
                heldCount += 1
                #expect(abs(solution.value - problem.target) <= max(0, problem.tolerance) + 1e-9)
            } else {
                #expect(!reference.anyHolds)
                #expect(abs(BruteForce.q(solution.value) - BruteForce.q(problem.target)) - reference.distance <= 8)
            }
            #expect(try balancer.solve(problem) == solution)
        }
        // The generator must exercise both outcomes.
        #expect(heldCount > 100 && heldCount < 700)
    }
}
