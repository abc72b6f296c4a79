// How the reports say where an offer stands against its rivals.
extension ReportWording {
    /// One line: the best rival's value and price, and ours today and recommended with the gap.
    /// "HubFlow CRM gives 51.6 for 100 EUR; we give 48.7 for 116 EUR today (2.9 points behind),
    /// 50.7 for 116 EUR recommended (0.9 points behind)."
    func rivalLine(_ r: RivalOutcome) -> String {
        let best = r.best
        let who = best.kind == .statusQuo ? "\(best.name) (doing without us)" : best.name
        return "\(who) gives \(index(best.value)) for \(money(best.price, r.currency)); "
            + "we give \(index(r.valueToday)) for \(money(r.priceToday, r.currency)) today (\(standing(r.valueGapToday))), "
            + "\(index(r.valueRecommended)) for \(money(r.priceRecommended, r.currency)) recommended (\(standing(r.valueGapRecommended)))."
    }

    /// A value gap in words: "2.9 points ahead", "0.9 points behind", "level".
    func standing(_ gap: Double) -> String {
        let points = (gap * 1000).rounded() / 10
        if points == 0 { return "level" }
        return "\(number(abs(points), maxFractionDigits: 1)) point\(abs(points) == 1 ? "" : "s") \(points > 0 ? "ahead" : "behind")"
    }
}
