/// Market conditions to advise under: a business-cycle phase, inflation, demand, competitors' prices.
public struct Scenario: Sendable {
    public var id: String
    public var name: String
    public var doc: String?
    /// When the market data was true, as days since 1970-01-01.
    public var asOfDay: Int?
    public var asOfText: String?
    /// Values of declared `market.*` facts, by short name (`inflation`).
    public var market: [String: FactAssignment]
    /// Where a fact's value came from, by short name.
    public var sources: [String: String]
    public var location: SourceLocation

    public init(
        id: String, name: String, doc: String? = nil, asOfDay: Int? = nil, asOfText: String? = nil,
        market: [String: FactAssignment], sources: [String: String] = [:], location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.doc = doc
        self.asOfDay = asOfDay
        self.asOfText = asOfText
        self.market = market
        self.sources = sources
        self.location = location
    }
}
