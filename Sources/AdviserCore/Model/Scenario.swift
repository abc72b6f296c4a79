/// Market conditions to advise under: a business-cycle phase, inflation, demand, competitors' prices.
package struct Scenario: Sendable {
    package var id: String
    package var name: String
    package var doc: String?
    /// When the market data was true, as days since 1970-01-01.
    package var asOfDay: Int?
    package var asOfText: String?
    /// Values of declared `market.*` facts, by short name (`inflation`).
    package var market: [String: FactAssignment]
    /// Where a fact's value came from, by short name.
    package var sources: [String: String]
    package var location: SourceLocation

    package init(
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
