/// Another way a segment can get what one of our offerings gives it: a competitor's offer, or the
/// status quo (doing nothing, or doing it themselves). The advice compares each with ours under
/// the same weights and curves, so "better value than the competition" is a number, not a hope.
///
/// A rival is described in our offering's own terms: the settings it has of the levers it
/// matches (`offers:`, a price lever among them). A lever it does not match relieves nothing; a
/// quantity (seats, users) it does not name is the client's own, since the client needs as many
/// from anyone.
public struct Rival: Sendable {
    /// Whether a rival is another firm's offer or the client's status quo.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// Another firm's offer.
        case competitor
        /// What the client does without any offer: nothing, or the work in-house.
        case statusQuo = "status-quo"
    }

    package var id: String
    package var name: String
    package var kind: Kind
    package var doc: String?
    /// Our offerings it competes with.
    package var competesWith: [Located<String>]
    /// Its settings, for every segment (lever id, or `offering-id.lever-id` for one offering's).
    package var offers: [Setting]
    /// The segments that consider it; empty: every segment.
    package var onlyFor: [Located<String>]
    /// Settings a segment gets differently (a volume discount), over `offers`.
    package var perSegment: [SegmentOffer]
    package var location: SourceLocation

    /// One of a rival's settings: a lever of every offering it competes with, or of one
    /// (`offering-id.lever-id`, split when the file is read).
    package struct Setting: Sendable {
        package var offering: String?
        package var lever: Located<String>
        package var value: Located<LeverSetting>

        package init(offering: String? = nil, lever: Located<String>, value: Located<LeverSetting>) {
            self.offering = offering
            self.lever = lever
            self.value = value
        }
    }

    /// What a rival offers one segment differently.
    package struct SegmentOffer: Sendable {
        package var segment: Located<String>
        package var offers: [Setting]

        package init(segment: Located<String>, offers: [Setting]) {
            self.segment = segment
            self.offers = offers
        }
    }

    package init(
        id: String, name: String, kind: Kind = .competitor, doc: String? = nil, competesWith: [Located<String>],
        offers: [Setting], onlyFor: [Located<String>] = [], perSegment: [SegmentOffer] = [],
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
    package func competes(with offering: String, for segment: String) -> Bool {
        competesWith.contains { $0.value == offering } && (onlyFor.isEmpty || onlyFor.contains { $0.value == segment })
    }

    /// Its setting of each lever of `offering` for `segment`, in lever order; nil where it has no
    /// setting. A segment's own settings win over the general ones; within each, one offering's
    /// (`offering-id.lever-id`) over every offering's.
    package func settings(of offering: Offering, for segment: String) -> [Double?] {
        var settings = [Double?](repeating: nil, count: offering.levers.count)
        let own = perSegment.filter { $0.segment.value == segment }.flatMap(\.offers)
        for (assignments, qualified) in [(offers, false), (offers, true), (own, false), (own, true)] {
            for assignment in assignments {
                guard (assignment.offering != nil) == qualified, assignment.offering == nil || assignment.offering == offering.id,
                      let index = offering.levers.firstIndex(where: { $0.id == assignment.lever.value }),
                      let value = offering.levers[index].value(of: assignment.value.value)
                else { continue }
                settings[index] = value
            }
        }
        return settings
    }
}
