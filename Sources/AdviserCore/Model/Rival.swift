/// Another way a segment can get what one of our offerings gives it: a competitor's offer, or the
/// status quo (doing nothing, or doing it themselves). The advice compares each with ours under
/// the same weights and curves, so "better value than the competition" is a number, not a hope.
///
/// A rival is described in our offering's own terms: the settings it has of the levers it
/// matches (`offers:`, a price lever among them). A lever it does not match relieves nothing; a
/// quantity (seats, users) it does not name is the client's own, since the client needs as many
/// from anyone.
public struct Rival: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        /// Another firm's offer.
        case competitor
        /// What the client does without any offer: nothing, or the work in-house.
        case statusQuo = "status-quo"
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var doc: String?
    /// Our offerings it competes with.
    public var competesWith: [Located<String>]
    /// Its settings, for every segment (lever id, or `offering-id.lever-id` for one offering's).
    public var offers: [SettingAssignment]
    /// The segments that consider it; empty: every segment.
    public var onlyFor: [Located<String>]
    /// Settings a segment gets differently (a volume discount), over `offers`.
    public var perSegment: [SegmentOffer]
    public var location: SourceLocation

    /// What a rival offers one segment differently.
    public struct SegmentOffer: Sendable {
        public var segment: Located<String>
        public var offers: [SettingAssignment]

        public init(segment: Located<String>, offers: [SettingAssignment]) {
            self.segment = segment
            self.offers = offers
        }
    }

    public init(
        id: String, name: String, kind: Kind = .competitor, doc: String? = nil, competesWith: [Located<String>],
        offers: [SettingAssignment], onlyFor: [Located<String>] = [], perSegment: [SegmentOffer] = [],
        location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.doc = doc
        self.competesWith = competesWith
        self.offers = offers
        self.onlyFor = onlyFor
        self.perSegment = perSegment
        self.location = location
    }

    /// Whether `segment` weighs this rival against `offering`.
    public func competes(with offering: String, for segment: String) -> Bool {
        competesWith.contains { $0.value == offering } && (onlyFor.isEmpty || onlyFor.contains { $0.value == segment })
    }

    /// Its setting of each lever of `offering` for `segment`, in lever order; nil where it has no
    /// setting. A segment's own settings win over the general ones; within each, one offering's
    /// (`offering-id.lever-id`) over every offering's.
    public func settings(of offering: Offering, for segment: String) -> [Double?] {
        var settings = [Double?](repeating: nil, count: offering.levers.count)
        let own = perSegment.filter { $0.segment.value == segment }.flatMap(\.offers)
        for (assignments, qualified) in [(offers, false), (offers, true), (own, false), (own, true)] {
            for assignment in assignments {
                let (qualifier, lever) = Self.split(assignment.lever.value)
                guard (qualifier != nil) == qualified, qualifier == nil || qualifier == offering.id,
                      let index = offering.levers.firstIndex(where: { $0.id == lever }),
                      let value = offering.levers[index].value(of: assignment.value.value)
                else { continue }
                settings[index] = value
            }
        }
        return settings
    }

    /// `offering-id.lever-id` as its two parts, or a plain lever id.
    static func split(_ key: String) -> (offering: String?, lever: String) {
        let parts = key.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count == 2 ? (String(parts[0]), String(parts[1])) : (nil, key)
    }
}
