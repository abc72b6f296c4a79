/// How our offer compares, for one segment under one scenario, with the rivals it weighs against
/// it: each rival's value (under the advice's weights and curves) and price (what the client
/// would pay it), and ours today and recommended.
public struct RivalOutcome: Sendable, Hashable {
    /// One rival, as this segment sees it.
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var name: String
        public var kind: Rival.Kind
        /// Its perceived value, 0…1, on the same scale as ours.
        public var value: Double
        /// What the client would pay it, per client, as our revenue is counted.
        public var price: Double
        /// Its setting of each lever of the offering (the advice's lever order); nil where it has none.
        public var settings: [Double?]
    }

    /// Best value first (ties: the cheaper, then file order).
    public var rivals: [Entry]
    public var valueToday: Double
    public var valueRecommended: Double
    public var priceToday: Double
    public var priceRecommended: Double
    public var currency: String

    /// The rival giving the most value.
    public var best: Entry { rivals[0] }
    /// Our value minus the best rival's: below 0, it gives more.
    public var valueGapToday: Double { valueToday - best.value }
    public var valueGapRecommended: Double { valueRecommended - best.value }
    /// Our price minus the best rival's: above 0, we cost more.
    public var priceGapToday: Double { priceToday - best.price }
    public var priceGapRecommended: Double { priceRecommended - best.price }

    /// Rivals giving more value than our recommended offer for less money.
    public var betterValueForLess: [Entry] {
        rivals.filter { $0.value > valueRecommended + RivalValuation.margin && $0.price < priceRecommended - RivalValuation.margin }
    }
}

/// Values rivals with our offering's value and margin models: one home for "a rival in our terms".
struct RivalValuation {
    /// Differences smaller than this are rounding, not a lead.
    static let margin = 1e-9

    let offering: Offering
    let segment: Segment
    let margins: MarginModel

    /// The rival's setting of each lever; a quantity it does not name is the client's (`client`).
    func settings(of rival: Rival, client: [Double]) -> [Double?] {
        var settings = rival.settings(of: offering, for: segment.id)
        for index in margins.quantities where settings[index] == nil { settings[index] = client[index] }
        return settings
    }

    /// Its value under `model`: only the levers it has relieve anything.
    func value(_ settings: [Double?], model: ValueModel) -> Double {
        settings.indices.reduce(0) { sum, index in settings[index].map { sum + model.term(lever: index, at: $0) } ?? sum }
    }

    /// What the client pays it: its price levers (per unit of the quantity they are per), counted
    /// as our revenue is. A price lever it does not name costs nothing.
    func price(_ settings: [Double?]) -> Double {
        margins.revenue(settings.map { $0 ?? 0 })
    }

    /// The comparison for an advice; nil when the segment weighs no rival against the offering.
    func outcome(rivals: [Rival], model: ValueModel, today: [Double], recommended: [Double], currency: String) -> RivalOutcome? {
        guard !rivals.isEmpty else { return nil }
        let entries = rivals.enumerated().map { order, rival in
            let settings = settings(of: rival, client: today)
            return (order, RivalOutcome.Entry(
                id: rival.id, name: rival.name, kind: rival.kind, value: value(settings, model: model), price: price(settings),
                settings: settings))
        }
        .sorted { a, b in
            if abs(a.1.value - b.1.value) > Self.margin { return a.1.value > b.1.value }
            if abs(a.1.price - b.1.price) > Self.margin { return a.1.price < b.1.price }
            return a.0 < b.0
        }
        .map(\.1)
        return RivalOutcome(
            rivals: entries, valueToday: model.value(today), valueRecommended: model.value(recommended),
            priceToday: margins.revenue(today), priceRecommended: margins.revenue(recommended), currency: currency)
    }

    /// Today's comparison for conditions: the segment's weights before any rule, its settings today.
    static func todayGap(_ rivals: [Rival], _ offering: Offering, _ segment: Segment) -> RivalOutcome? {
        let competing = rivals.filter { $0.competes(with: offering.id, for: segment.id) }
        guard !competing.isEmpty else { return nil }
        let today = segment.today(offering)
        return RivalValuation(offering: offering, segment: segment, margins: MarginModel(offering: offering)).outcome(
            rivals: competing, model: ValueModel(offering: offering, segment: segment), today: today, recommended: today, currency: "")
    }
}
