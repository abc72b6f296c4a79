/// A group of clients alike enough to be advised alike: micro shops, growing SMEs, enterprises…
public struct Segment: Sendable {
    /// How large a segment's clients are (`size:`).
    public enum Size: String, Hashable, Sendable, CaseIterable, Codable {
        /// `micro`, `sme` or `enterprise`.
        case micro, sme, enterprise
    }

    package var id: String
    package var name: String
    package var size: Size
    package var doc: String?
    /// Values of declared `segment.*` facts, by short name (`price_sensitivity`).
    package var facts: [String: FactAssignment]
    package var drivers: [Driver]
    /// What the segment buys today, offering by offering (`buys:`); nil: every offering, at its
    /// baseline (workspaces written before segments said what they buy).
    package var buys: [Purchase]?
    /// The segment's own, narrower bounds on levers (`bounds:`).
    package var bounds: [LeverBound]
    package var location: SourceLocation

    package init(
        id: String, name: String, size: Size, doc: String? = nil, facts: [String: FactAssignment], drivers: [Driver],
        buys: [Purchase]? = nil, bounds: [LeverBound] = [], location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.size = size
        self.doc = doc
        self.facts = facts
        self.drivers = drivers
        self.buys = buys
        self.bounds = bounds
        self.location = location
    }
}
