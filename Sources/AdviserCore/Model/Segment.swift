/// A group of clients alike enough to be advised alike: micro shops, growing SMEs, enterprises…
public struct Segment: Sendable {
    public enum Size: String, Hashable, Sendable, CaseIterable {
        case micro, sme, enterprise
    }

    public var id: String
    public var name: String
    public var size: Size
    public var doc: String?
    /// Values of declared `segment.*` facts, by short name (`price_sensitivity`).
    public var facts: [String: FactAssignment]
    public var drivers: [Driver]
    /// What the segment buys today, offering by offering (`buys:`); nil: every offering, at its
    /// baseline (workspaces written before segments said what they buy).
    public var buys: [Purchase]?
    /// The segment's own, narrower bounds on levers (`bounds:`).
    public var bounds: [LeverBound]
    public var location: SourceLocation

    public init(
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
