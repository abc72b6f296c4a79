@testable import AdviserCore

/// The balancer's documented optimum for one advice, by trying every combination of the settings
/// the free levers may take (`ReferenceAdvice.room`), and whether the engine's recommendation is it.
///
/// The order (the `Balancer` doc comment, docs/rules.md `balance:`): among settings in the hold
/// region (band: within ±tolerance of today's value; at-least: no lower than today's − tolerance),
/// the configured order of margin per client (higher first), levers moved (fewer first) and total
/// move against today's settings (smaller first), then the lowest settings, lever by lever. When
/// none is in the region: the settings within `Balancer.closeness` of the closest distance to it,
/// by fewest levers moved, then the rest of the order, then the lowest settings. Moves are summed
/// on the balancer's 2^-40 grid (as it documents), so a sum of moves ties exactly when it should.
///
/// Value is recomputed in floating point, so a setting within `ambiguity` of the region's edge
/// could be in or out: the engine's choice must then lie between the best choice that is surely
/// in and the best that may be.
struct ReferenceBalance {
    static let ambiguity = 1e-9

    struct Candidate {
        var settings: [Double]
        /// How far outside the hold region (≤ 0: in it).
        var excess: Double
        /// How far below the band's lower edge (≤ 0: at or above it).
        var shortfall: Double
        var margin: Double
        var moved: Int
        var move: Int64
    }

    let reference: ReferenceAdvice
    let objective: BalanceObjective
    let tolerance: Double
    let target: Double
    /// Every combination of the free levers' rooms, the other levers as the rules left them.
    private(set) var candidates: [Candidate] = []

    init(_ reference: ReferenceAdvice, objective: BalanceObjective, tolerance: Double) {
        self.reference = reference
        self.objective = objective
        self.tolerance = tolerance
        target = reference.value(reference.today)
        let start = reference.afterRules
        guard excess(reference.value(start)) > 0 else { return }  // in the region: nothing to balance
        let free = reference.free
        let weights = reference.weights
        let rooms = free.map(reference.room)
        // Separable: each lever's value, margin and move, per setting.
        let fixed = reference.offering.levers.indices.filter { !free.contains($0) }.reduce(0) { $0 + reference.term(lever: $1, at: start[$1], weights: weights) }
        let terms = zip(free, rooms).map { index, room in
            room.map { setting -> (value: Double, margin: Double, move: Int64) in
                var settings = start
                settings[index] = setting
                return (reference.term(lever: index, at: setting, weights: weights), reference.margin(settings),
                        Int64((reference.move(lever: index, to: setting) * 1_099_511_627_776).rounded()))
            }
        }
        var choice = [Int](repeating: 0, count: free.count)
        while true {
            var settings = start, value = fixed, margin = 0.0, moved = 0, move: Int64 = 0
            for (position, index) in free.enumerated() {
                let setting = rooms[position][choice[position]], term = terms[position][choice[position]]
                settings[index] = setting
                value += term.value
                margin += term.margin
                move += term.move
                if setting != reference.today[index] { moved += 1 }
            }
            candidates.append(Candidate(settings: settings, excess: excess(value), shortfall: target - tolerance - value, margin: margin, moved: moved, move: move))
            var position = free.count - 1
            while position >= 0 {
                choice[position] += 1
                if choice[position] < rooms[position].count { break }
                choice[position] = 0
                position -= 1
            }
            if position < 0 { break }
        }
    }

    /// How far `value` lies outside the hold region (negative inside).
    func excess(_ value: Double) -> Double {
        switch objective.hold {
        case .band: abs(value - target) - tolerance
        case .atLeast: target - tolerance - value
        }
    }

    /// Why `recommended` is not the documented optimum; nil when it is (or when float noise at the
    /// region's edge leaves it open).
    func verdict(_ recommended: [Double]) -> String? {
        let start = reference.afterRules
        guard !candidates.isEmpty else {
            return recommended == start ? nil : "the balancer moved \(changed(start, recommended)) although the rules' settings hold value (or no lever is free)"
        }
        guard let chosen = candidates.first(where: { $0.settings == recommended }) else {
            return "the recommendation \(describe(recommended)) is not a combination of the free levers' allowed settings"
        }
        if let verdict = best(chosen, among: \.excess, "") { return verdict.isEmpty ? nil : verdict }
        // Band mode, nothing in the band: more value beats less, so the settings above its lower edge
        // are chosen among as in at-least mode.
        if objective.hold == .band, let verdict = best(chosen, among: \.shortfall, "nothing lies in the band; ") {
            return verdict.isEmpty ? nil : verdict
        }
        // Nothing holds: the closest, then fewest levers moved, then the rest of the order.
        let order = [BalanceObjective.Criterion.fewestLevers] + objective.order.filter { $0 != .fewestLevers }
        let closest = candidates.map(\.excess).min()!
        let surelyClose = candidates.filter { $0.excess <= closest + Balancer.closeness - 1e-10 }
        let maybeClose = candidates.filter { $0.excess <= closest + Balancer.closeness + 1e-10 }
        guard chosen.excess <= closest + Balancer.closeness + 1e-10 else {
            return "nothing holds; the balancer chose \(describe(chosen)), \(chosen.excess - closest) further than \(describe(best(surelyClose, order)))"
        }
        let best = best(surelyClose, order)
        if better(best, than: chosen, order) {
            return "nothing holds; the balancer chose \(describe(chosen)); \(describe(best)) is as close and better by \(order.map(\.rawValue))"
        }
        if surelyClose.count == maybeClose.count, best.settings != chosen.settings {
            return "nothing holds; the balancer chose \(describe(chosen)), as good as \(describe(best)) but not the lowest settings"
        }
        return nil
    }

    /// Whether `chosen` is the best of the candidates `region` counts as in (≤ 0), as a verdict:
    /// nil when none is in it, "" when `chosen` is the best (or float noise at the edge leaves it open).
    private func best(_ chosen: Candidate, among region: KeyPath<Candidate, Double>, _ context: String) -> String? {
        let surely = candidates.filter { $0[keyPath: region] < -Self.ambiguity }
        let maybe = candidates.filter { $0[keyPath: region] <= Self.ambiguity }
        guard !maybe.isEmpty else { return nil }
        guard chosen[keyPath: region] <= Self.ambiguity else {
            return context + "value can be held, but the balancer chose \(describe(chosen)), outside the hold region; e.g. \(describe(best(maybe, objective.order)))"
        }
        guard !surely.isEmpty else { return "" }
        let best = best(surely, objective.order)
        if better(best, than: chosen, objective.order) {
            return context + "the balancer chose \(describe(chosen)); \(describe(best)) is better by \(objective.order.map(\.rawValue))"
        }
        if surely.count == maybe.count, best.settings != chosen.settings {
            return context + "the balancer chose \(describe(chosen)), as good as \(describe(best)) but not the lowest settings"
        }
        return ""
    }

    private func best(_ candidates: [Candidate], _ order: [BalanceObjective.Criterion]) -> Candidate {
        candidates.min { better($0, than: $1, order) }!
    }

    private func better(_ a: Candidate, than b: Candidate, _ order: [BalanceObjective.Criterion]) -> Bool {
        for criterion in order {
            switch criterion {
            case .margin where a.margin != b.margin: return a.margin > b.margin
            case .fewestLevers where a.moved != b.moved: return a.moved < b.moved
            case .smallestMove where a.move != b.move: return a.move < b.move
            default: continue
            }
        }
        let free = reference.free
        return free.map { a.settings[$0] }.lexicographicallyPrecedes(free.map { b.settings[$0] })
    }

    private func describe(_ c: Candidate) -> String {
        "\(describe(c.settings)) (excess \(c.excess), margin \(c.margin), \(c.moved) moved, move \(Double(c.move) / 1_099_511_627_776))"
    }

    private func describe(_ settings: [Double]) -> String {
        "[" + reference.offering.levers.indices.map { "\(reference.offering.levers[$0].id)=\(reference.offering.levers[$0].display(settings[$0]))" }.joined(separator: " ") + "]"
    }

    private func changed(_ from: [Double], _ to: [Double]) -> String {
        reference.offering.levers.indices.filter { from[$0] != to[$0] }.map {
            "\(reference.offering.levers[$0].id) \(reference.offering.levers[$0].display(from[$0])) → \(reference.offering.levers[$0].display(to[$0]))"
        }.joined(separator: ", ")
    }
}
