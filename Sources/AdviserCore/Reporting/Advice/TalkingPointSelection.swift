/// The talking points a report shows for one piece of advice: each said once, the ones about the
/// drivers that weigh most first, at most as many as the report asks for.
///
/// A point's weight is the largest weight now (after the rules' emphasis) among the drivers it is
/// about: the driver it names, or the heaviest of the kind it names. General points come last.
/// Points of equal weight keep the order the rules said them in; the same text said by two rules
/// is shown once, with the heavier of its weights.
struct TalkingPointSelection {
    /// The points to show, heaviest first.
    var shown: [TalkingPoint]
    /// How many more the cap left out.
    var hidden: Int

    init(_ advice: Advice, max: Int?) {
        let weights = Dictionary(advice.drivers.map { ($0.id, $0.weightAfter) }, uniquingKeysWith: Swift.max)
        var ranked: [(point: TalkingPoint, weight: Double)] = []
        var positions: [String: Int] = [:]
        for point in advice.talkingPoints {
            let weight = point.drivers.compactMap { weights[$0] }.max() ?? -1
            if let at = positions[point.text] {
                ranked[at].weight = Swift.max(ranked[at].weight, weight)
            } else {
                positions[point.text] = ranked.count
                ranked.append((point, weight))
            }
        }
        let ordered = ranked.enumerated()
            .sorted { $0.element.weight != $1.element.weight ? $0.element.weight > $1.element.weight : $0.offset < $1.offset }
            .map(\.element.point)
        let limit = max.map { Swift.min($0, ordered.count) } ?? ordered.count
        shown = Array(ordered.prefix(limit))
        hidden = ordered.count - limit
    }

    /// "… and 2 more talking points (--max-points all lists every one)", when the cap left some out.
    var moreLine: String? {
        guard hidden > 0 else { return nil }
        return "… and \(hidden) more talking point\(hidden == 1 ? "" : "s") (--max-points all lists every one)"
    }
}
