/// What an offering brings in and costs to serve per client, at given settings.
///
/// A price lever brings in its setting; every lever costs its cost to serve at its setting (per
/// unit of a number lever, or per level). A lever `per` a quantity lever (seats, users) does both
/// per unit of that quantity, so revenue and cost scale with what the client buys.
package struct MarginModel: Sendable {
    package let offering: Offering
    /// For each lever (same order), the position of the quantity lever it is `per`, if any.
    package let quantityOf: [Int?]
    /// Positions of the levers some other lever is `per`: what the client buys, which the balancer
    /// leaves alone.
    package let quantities: Set<Int>

    package init(offering: Offering) {
        self.offering = offering
        quantityOf = offering.levers.map { lever in
            lever.per.flatMap { id in offering.levers.firstIndex { $0.id == id && $0.per == nil } }
        }
        quantities = Set(quantityOf.compactMap { $0 })
    }

    /// Whether the offering declares anything a margin can be made of.
    package var hasCosts: Bool { offering.levers.contains(where: \.declaresCost) }

    /// How many units lever `index`'s price and cost count for at these settings (1 without `per`).
    package func units(ofLever index: Int, at settings: [Double]) -> Double {
        quantityOf[index].map { settings[$0] } ?? 1
    }

    /// What the price levers bring in per client.
    package func revenue(_ settings: [Double]) -> Double {
        offering.levers.indices.reduce(0) { sum, index in
            offering.levers[index].kind == .price ? sum + settings[index] * units(ofLever: index, at: settings) : sum
        }
    }

    /// What serving the client costs, over every lever.
    package func cost(_ settings: [Double]) -> Double {
        offering.levers.indices.reduce(0) { $0 + offering.levers[$1].cost(at: settings[$1]) * units(ofLever: $1, at: settings) }
    }

    package func margin(_ settings: [Double]) -> Double { revenue(settings) - cost(settings) }

    /// Lever `index`'s share of the margin at `setting`, the other levers' settings (its quantity's
    /// among them) as in `settings`.
    package func marginTerm(lever index: Int, at setting: Double, _ settings: [Double]) -> Double {
        let lever = offering.levers[index]
        return ((lever.kind == .price ? setting : 0) - lever.cost(at: setting)) * units(ofLever: index, at: settings)
    }
}
