/// A want, need, pain or fear of a client segment, and how the offering's levers relieve it.
public struct Driver: Sendable {
    /// The largest importance a driver may have (docs/limits.md): keeps sums of weights finite.
    package static let maxImportance = 1_000_000.0
    /// The range of one `emphasize … times:` factor; products of many are clamped to 1e-9…1e9.
    package static let emphasisRange = 0.001...1_000.0

    /// What a driver is to the client: something they want, need, suffer (pain) or dread (fear).
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        /// `want`, `need`, `pain` or `fear`, as `kind:` writes it.
        case want, need, pain, fear
    }

    package var id: String
    package var name: String
    package var kind: Kind
    /// How much this driver matters to the segment (> 0); normalized against the others.
    package var importance: Double
    package var reliefs: [Relief]
    /// A must-have need or a fear the balancer may never relieve less (`protected: true`).
    package var protected: Bool
    package var location: SourceLocation

    package init(
        id: String, name: String, kind: Kind, importance: Double, reliefs: [Relief], protected: Bool = false,
        location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.importance = importance
        self.reliefs = reliefs
        self.protected = protected
        self.location = location
    }
}

/// How one lever relieves a driver: a curve from the lever's setting to relief in 0…1.
package struct Relief: Sendable {
    package var lever: Located<String>
    /// The one offering this curve is for (`offering.lever:` in the file); nil: every offering
    /// with the lever that has no curve of its own. Levers of one id can mean different things in
    /// different offerings (a 40 EUR monthly fee, an 18,000 EUR project).
    package var offering: String?
    package var curve: ReliefCurve

    package init(lever: Located<String>, offering: String? = nil, curve: ReliefCurve) {
        self.lever = lever
        self.offering = offering
        self.curve = curve
    }
}

package enum ReliefCurve: Sendable {
    /// For number and price levers: points (lever value → relief), increasing in value;
    /// piecewise-linear between them, flat beyond the ends.
    case points([CurvePoint])
    /// For level levers: relief at each named level.
    case levels([LevelPoint])

    package struct CurvePoint: Sendable {
        package var value: Double
        package var relief: Double
        package var location: SourceLocation

        package init(value: Double, relief: Double, location: SourceLocation) {
            self.value = value
            self.relief = relief
            self.location = location
        }
    }

    package struct LevelPoint: Sendable {
        package var level: String
        package var relief: Double
        package var location: SourceLocation

        package init(level: String, relief: Double, location: SourceLocation) {
            self.level = level
            self.relief = relief
            self.location = location
        }
    }
}
