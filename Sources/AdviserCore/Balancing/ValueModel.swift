/// Perceived value of an offering to a client segment: V(x) = Σ_d w_d · relief_d(x), in 0…1.
///
/// Each driver's relief is the mean of its levers' curves, so V is a sum of one term per lever:
/// t_l(x_l) = Σ_{d relieved by l} (w_d / n_d) · curve_{d,l}(x_l), where n_d counts the driver's
/// levers that this offering has. The balancer works on those per-lever terms. See docs/value-model.md.
public struct ValueModel: Sendable {
    public let offering: Offering
    public let segment: Segment
    /// Importance after emphasis, before normalizing, by driver id.
    public let importance: [String: Double]
    /// Normalized weights (sum 1), by driver id.
    public let weights: [String: Double]
    /// Drivers that no lever of this offering addresses (their relief is 0).
    public let unaddressed: [Driver]
    /// For each lever of the offering (same order), the curves that touch it, pre-weighted.
    private let terms: [[WeightedCurve]]

    private struct WeightedCurve: Sendable {
        var weight: Double  // w_d / n_d
        var curve: ReliefCurve
    }

    /// - Parameter emphasis: factor per driver id (several emphases on one driver are already multiplied).
    public init(offering: Offering, segment: Segment, emphasis: [String: Double] = [:]) {
        self.offering = offering
        self.segment = segment
        var importance: [String: Double] = [:]
        for driver in segment.drivers {
            importance[driver.id] = driver.importance * (emphasis[driver.id] ?? 1)
        }
        // Summed in the segment's order: a dictionary's order changes from run to run, and a
        // floating-point sum in another order can differ in its last digit.
        let total = segment.drivers.reduce(0) { $0 + (importance[$1.id] ?? 0) }
        var weights: [String: Double] = [:]
        for (id, value) in importance { weights[id] = total > 0 ? value / total : 0 }
        self.importance = importance
        self.weights = weights

        let leverIndex = Dictionary(offering.levers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var terms = Array(repeating: [WeightedCurve](), count: offering.levers.count)
        var unaddressed: [Driver] = []
        for driver in segment.drivers {
            let reliefs = driver.reliefs.filter { leverIndex[$0.lever.value] != nil }
            guard !reliefs.isEmpty else {
                unaddressed.append(driver)
                continue
            }
            let weight = (weights[driver.id] ?? 0) / Double(reliefs.count)
            for relief in reliefs {
                terms[leverIndex[relief.lever.value]!].append(WeightedCurve(weight: weight, curve: relief.curve))
            }
        }
        self.terms = terms
        self.unaddressed = unaddressed
    }

    /// Lever `index`'s contribution to V at `setting` (a level index for level levers).
    public func term(lever index: Int, at setting: Double) -> Double {
        let lever = offering.levers[index]
        return terms[index].reduce(0) { $0 + $1.weight * Self.relief($1.curve, lever: lever, at: setting) }
    }

    /// V at the given settings, one per lever of the offering (same order).
    public func value(_ settings: [Double]) -> Double {
        settings.indices.reduce(0) { $0 + term(lever: $1, at: settings[$1]) }
    }

    /// A driver's relief at the given settings: the mean of its curves over this offering's levers.
    public func relief(of driver: Driver, at settings: [Double]) -> Double {
        var sum = 0.0, count = 0
        for relief in driver.reliefs {
            guard let index = offering.levers.firstIndex(where: { $0.id == relief.lever.value }) else { continue }
            sum += Self.relief(relief.curve, lever: offering.levers[index], at: settings[index])
            count += 1
        }
        return count == 0 ? 0 : sum / Double(count)
    }

    /// A curve at a setting: piecewise-linear between points, flat beyond the ends; a level not
    /// listed in a level curve gives no relief.
    public static func relief(_ curve: ReliefCurve, lever: Lever, at setting: Double) -> Double {
        switch curve {
        case .points(let points):
            guard let first = points.first, let last = points.last else { return 0 }
            if setting <= first.value { return first.relief }
            if setting >= last.value { return last.relief }
            for (a, b) in zip(points, points.dropFirst()) where setting <= b.value {
                let span = b.value - a.value
                return span > 0 ? a.relief + (b.relief - a.relief) * (setting - a.value) / span : b.relief
            }
            return last.relief
        case .levels(let points):
            let index = Int(setting.rounded())
            guard lever.levels.indices.contains(index) else { return 0 }
            return points.first { $0.level == lever.levels[index] }?.relief ?? 0
        }
    }
}
