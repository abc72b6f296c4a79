import AdviserTestSupport
import Testing

@testable import AdviserCore

/// The reductions drop no option the optimum needs: the best setting over the candidates left is
/// the best over every option, in band and at-least regions alike.
struct CandidateOptionsTests {
    @Test(arguments: [UInt64(1), 2, 3])
    func reductionsKeepTheOptimum(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<800 {
            let p = ObjectiveSearchTests.random(&rng, levers: 1...4, options: 1...7)
            var candidates = CandidateOptions(p.levers)
            for l in 0..<p.levers.count {
                let values = candidates.position[candidates.range(l)].map { p.levers.value[$0] }
                #expect(values == values.sorted())
            }
            let region = HoldRegion(low: p.lo, high: p.hi, bounded: p.bounded)
            let expected = ObjectiveSearchTests.bruteForce(p)
            guard candidates.dropUnreachable(p.levers, region: region) else {
                #expect(expected == nil)
                continue
            }
            candidates.dropDominated(p.levers, bounded: p.bounded)
            let found = ExhaustiveSearch(levers: p.levers, candidates: candidates).best(in: region, from: nil).setting
            #expect(found.map { p.levers.choice($0.position) } == expected, "levers \(p.levers) lo \(p.lo) hi \(p.hi) bounded \(p.bounded)")
        }
    }
}
