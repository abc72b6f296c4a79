import AdviserTestSupport
import Testing

@testable import AdviserCore

/// The local search's setting, when it finds one, holds and carries its true totals, and is never
/// worse than a holding start.
struct LocalSearchTests {
    @Test(arguments: [false, true])
    func findsHoldingSettingsNoWorseThanTheStart(pairs: Bool) {
        var rng = SplitMix64(seed: pairs ? 41 : 42)
        var found = 0
        for _ in 0..<800 {
            let p = ObjectiveSearchTests.random(&rng, levers: 2...5, options: 2...6)
            let region = HoldRegion(low: p.lo, high: p.hi, bounded: p.bounded)
            let candidates = CandidateOptions(p.levers)
            let start = (0..<p.levers.count).map { p.levers.options($0).randomElement(using: &rng)! }
            let (setting, _) = LocalSearch(levers: p.levers, candidates: candidates, region: region)
                .run(from: start, limit: 100_000, pairs: pairs)
            guard let setting else { continue }
            found += 1
            let totals = ScoredSetting(setting.position, p.levers)
            #expect(region.contains(setting.value) && setting.value == totals.value && setting.cost == totals.cost)
            let begin = ScoredSetting(start, p.levers)
            if region.contains(begin.value) { #expect(!begin.precedes(setting)) }
        }
        #expect(found > 400)
    }
}
