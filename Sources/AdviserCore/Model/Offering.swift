/// A service or product the business sells, described by its levers.
package struct Offering: Sendable {
    package var id: String
    package var name: String
    package var doc: String?
    package var levers: [Lever]
    package var location: SourceLocation

    package init(id: String, name: String, doc: String? = nil, levers: [Lever], location: SourceLocation) {
        self.id = id
        self.name = name
        self.doc = doc
        self.levers = levers
        self.location = location
    }

    package func lever(_ id: String) -> Lever? { levers.first { $0.id == id } }
}
