/// A service or product the business sells, described by its levers.
public struct Offering: Sendable {
    public var id: String
    public var name: String
    public var doc: String?
    public var levers: [Lever]
    public var location: SourceLocation

    public init(id: String, name: String, doc: String? = nil, levers: [Lever], location: SourceLocation) {
        self.id = id
        self.name = name
        self.doc = doc
        self.levers = levers
        self.location = location
    }

    public func lever(_ id: String) -> Lever? { levers.first { $0.id == id } }
}
