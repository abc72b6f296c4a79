/// Perceived value of an offering to a client segment: V(x) = Σ_d w_d · relief_d(x), in 0…1.
///
/// Each driver's relief is the mean of its levers' curves, so V is a sum of one term per lever:
/// t_l(x_l) = Σ_{d relieved by l} (w_d / n_d) · curve_{d,l}(x_l), where n_d counts the driver's
/// levers that this offering has. The balancer works on those per-lever terms. See docs/value-model.md.
///
/// Drivers are kept by their position in the segment rather than by id: the engine makes a model
/// for every piece of advice, and hashing driver ids into dictionaries was most of its cost.
package struct ValueModel: Sendable {
    package let offering: Offering
    package let segment: Segment
    /// Importance after emphasis, before normalizing, by driver position in the segment.
    package let importance: [Double]
    /// Normalized weights (sum 1), by driver position in the segment.
    package let weights: [Double]
    /// Positions of the drivers that no lever of this offering addresses (their relief is 0).
    package let unaddressed: [Int]
    /// For each lever of the offering (same order), the curves that touch it, pre-weighted.
    private let terms: [[WeightedCurve]]
    /// For each driver (by position), the levers of this offering that relieve it, with their curves.
    private let reliefs: [[(lever: Int, curve: LeverCurve)]]

    private struct WeightedCurve: Sendable {
        var weight: Double  // w_d / n_d
        var curve: LeverCurve
    }

    /// - Parameters:
    ///   - emphasis: factor per driver position (several emphases on one driver are already
    ///     multiplied); nil: none.
    ///   - curves: the drivers' curves over the offering's levers, when the caller has them (they
    ///     depend on the offering and the segment only); nil: looked up here.
    package init(offering: Offering, segment: Segment, emphasis: [Double]? = nil, curves: Curves? = nil) {
        self.offering = offering
        self.segment = segment
        let importance = segment.drivers.indices.map { d in segment.drivers[d].importance * (emphasis?[d] ?? 1) }
        // Summed in the segment's order, so the result does not depend on anything else.
        let total = importance.reduce(0, +)
        let weights = importance.map { total > 0 ? $0 / total : 0 }
        self.importance = importance
        self.weights = weights

        var terms = Array(repeating: [WeightedCurve](), count: offering.levers.count)
        let reliefs = (curves ?? Curves(offering: offering, segment: segment)).byDriver
        var unaddressed: [Int] = []
        for (d, relieved) in reliefs.enumerated() {
            guard !relieved.isEmpty else {
                unaddressed.append(d)
                continue
            }
            let weight = weights[d] / Double(relieved.count)
            for (lever, curve) in relieved {
                terms[lever].append(WeightedCurve(weight: weight, curve: curve))
            }
        }
        self.terms = terms
        self.reliefs = reliefs
        self.unaddressed = unaddressed
    }

    /// Each driver's curves over an offering's levers, by driver position in the segment.
    package struct Curves: Sendable {
        let byDriver: [[(lever: Int, curve: LeverCurve)]]

        package init(offering: Offering, segment: Segment) {
            byDriver = segment.drivers.map { driver in
                ValueModel.curves(of: driver, for: offering).map { ($0.lever, LeverCurve($0.curve, of: offering.levers[$0.lever])) }
            }
        }
    }

    /// The driver's curves over this offering's levers: for each lever, the curve written for this
    /// offering (`offering-id.lever-id`) if there is one, else the plain one.
    static func curves(of driver: Driver, for offering: Offering) -> [(lever: Int, curve: ReliefCurve)] {
        var curves: [(lever: Int, curve: ReliefCurve)] = []
        for relief in driver.reliefs where relief.offering == nil || relief.offering == offering.id {
            guard let lever = offering.levers.firstIndex(where: { $0.id == relief.lever.value }) else { continue }
            if relief.offering == nil,
               driver.reliefs.contains(where: { $0.offering == offering.id && $0.lever.value == relief.lever.value }) {
                continue  // this offering has a curve of its own for the lever
            }
            curves.append((lever, relief.curve))
        }
        return curves
    }

    /// Lever `index`'s contribution to V at `setting` (a level index for level levers).
    package func term(lever index: Int, at setting: Double) -> Double {
        terms[index].reduce(0) { $0 + $1.weight * $1.curve.relief(at: setting) }
    }

    /// V at the given settings, one per lever of the offering (same order).
    package func value(_ settings: [Double]) -> Double {
        settings.indices.reduce(0) { $0 + term(lever: $1, at: settings[$1]) }
    }

    /// The driver's curves over this offering's levers (lever position and curve).
    package func curves(ofDriverAt position: Int) -> [(lever: Int, curve: LeverCurve)] { reliefs[position] }

    /// Whether some lever of this offering relieves the driver at `position` in the segment.
    package func addresses(driverAt position: Int) -> Bool { !reliefs[position].isEmpty }

    /// The relief of the driver at `position` in the segment, at the given settings: the mean of its
    /// curves over this offering's levers.
    package func relief(ofDriverAt position: Int, at settings: [Double]) -> Double {
        let relieved = reliefs[position]
        guard !relieved.isEmpty else { return 0 }
        var sum = 0.0
        for (lever, curve) in relieved { sum += curve.relief(at: settings[lever]) }
        return sum / Double(relieved.count)
    }
}
