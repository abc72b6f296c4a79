/// A driver's relief curve over one lever of one offering, ready to be read: points without their
/// source locations, and a level curve as one relief per level of the lever.
///
/// Every piece of advice reads each curve a dozen times and more (the value, each driver's relief,
/// every setting the balancer weighs); reading the written curve copied each point's location and
/// looked each level up by name.
package enum LeverCurve: Sendable {
    /// Piecewise-linear between the points, increasing in value; flat beyond the ends.
    case points(values: [Double], reliefs: [Double])
    /// The relief at each level of the lever, by level position (0 for a level the curve leaves out).
    case levels([Double])

    /// The curve `curve`, as written for `lever`.
    init(_ curve: ReliefCurve, of lever: Lever) {
        switch curve {
        case .points(let points):
            self = .points(values: points.map(\.value), reliefs: points.map(\.relief))
        case .levels(let points):
            self = .levels(lever.levels.map { level in points.first { $0.level == level }?.relief ?? 0 })
        }
    }

    /// The relief at `setting` (a level position for a level lever); a level outside the lever's
    /// gives none.
    func relief(at setting: Double) -> Double {
        switch self {
        case .points(let values, let reliefs):
            guard let first = values.first, let last = values.last else { return 0 }
            if setting <= first { return reliefs[0] }
            if setting >= last { return reliefs[reliefs.count - 1] }
            for b in 1..<values.count where setting <= values[b] {
                let a = b - 1
                let span = values[b] - values[a]
                return span > 0 ? reliefs[a] + (reliefs[b] - reliefs[a]) * (setting - values[a]) / span : reliefs[b]
            }
            return reliefs[reliefs.count - 1]
        case .levels(let reliefs):
            let index = Int(setting.rounded())
            return reliefs.indices.contains(index) ? reliefs[index] : 0
        }
    }
}
