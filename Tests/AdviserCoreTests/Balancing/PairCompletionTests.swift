import AdviserTestSupport
import Testing

@testable import AdviserCore

/// The best combination of two levers' candidates in a value window, against a scan of every
/// combination: by the criteria, then by the two options in problem lever order.
struct PairCompletionTests {
    @Test(arguments: [UInt64(1), 2, 3])
    func agreesWithScanningEveryCombination(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<300 {
            let p = ObjectiveSearchTests.random(&rng, levers: 2...4, options: 1...7)
            let n = p.levers.count
            let first = Int.random(in: 0..<n, using: &rng)
            let second = (first + Int.random(in: 1..<n, using: &rng)) % n
            let candidates = CandidateOptions(p.levers)
            let pairs = PairCompletion(levers: p.levers, candidates: candidates, first: first, second: second, bounded: p.bounded)
            for _ in 0..<10 {
                let low = Int64.random(in: -5...125, using: &rng)
                let high = p.bounded ? low + Int64.random(in: 0...15, using: &rng) : Int64.max
                let found = pairs.best(from: low, to: high).map { [pairs.positionOfFirst[$0], pairs.positionOfSecond[$0]] }
                #expect(found == Self.scan(p.levers, first, second, low, high), "levers \(p.levers) \(first) \(second) \(low)…\(high)")
            }
        }
    }

    /// The best (first, second) positions with their summed value in `low…high`, by scanning.
    static func scan(_ levers: ObjectiveLevers, _ first: Int, _ second: Int, _ low: Int64, _ high: Int64) -> [Int]? {
        var best: (key: [Int64], order: [Int], pair: [Int])?
        for p in levers.options(first) {
            for q in levers.options(second) {
                let value = levers.value[p] + levers.value[q]
                guard value >= low && value <= high else { continue }
                let key = levers.cost.map { $0[p] + $0[q] }
                let order = first < second ? [p, q] : [q, p]
                if let b = best, key != b.key ? !key.lexicographicallyPrecedes(b.key) : !order.lexicographicallyPrecedes(b.order) {
                    continue
                }
                best = (key, order, [p, q])
            }
        }
        return best?.pair
    }
}
