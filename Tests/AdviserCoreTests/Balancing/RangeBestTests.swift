import AdviserTestSupport
import Testing

@testable import AdviserCore

/// The best entry of a window against a scan of the window.
struct RangeBestTests {
    @Test(arguments: [false, true])
    func agreesWithScanning(toEnd: Bool) {
        var rng = SplitMix64(seed: toEnd ? 31 : 32)
        for _ in 0..<300 {
            let count = Int.random(in: 1...70, using: &rng)
            let byRank = Array(Int32(0)..<Int32(count)).shuffled(using: &rng)
            var rank = [Int32](repeating: 0, count: count)
            for (r, entry) in byRank.enumerated() { rank[Int(entry)] = Int32(r) }
            let best = RangeBest(byRank: byRank, toEnd: toEnd)
            for _ in 0..<20 {
                let start = Int.random(in: 0...count, using: &rng)
                let end = toEnd ? count : Int.random(in: start...count, using: &rng)
                let expected = (start..<end).min { rank[$0] < rank[$1] }
                #expect(best.best(start..<end) == expected)
            }
        }
    }
}
