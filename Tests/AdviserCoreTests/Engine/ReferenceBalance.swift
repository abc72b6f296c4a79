@testable import AdviserCore

/// The balancer's documented optimum for one advice, and whether the engine's recommendation is it.
///
/// What the engine must get right is built here from the documentation alone: which levers are
/// free, the settings each may take (`ReferenceAdvice.room`), and per setting its share of value,
/// its margin per client (with quantities) and its move against today's setting. The order among
/// those settings is the pure balancer's, already pinned down by its own oracle: `BruteForce`
/// (BalanceTestSupport.swift) enumerates every combination and applies it — the objective's order
/// in the hold region; in band mode with nothing in the band, the settings above its lower edge;
/// when nothing reaches that, the closest, fewest levers moved first.
struct ReferenceBalance {
    let reference: ReferenceAdvice
    /// The free levers, and the settings each may take.
    let free: [Int]
    let rooms: [[Double]]
    /// What the balancer is to solve; nil when there is nothing to balance (no lever is free, or
    /// the rules' settings already hold value).
    let problem: BalanceProblem?

    init(_ reference: ReferenceAdvice, objective: BalanceObjective, tolerance: Double) {
        self.reference = reference
        let start = reference.afterRules
        let target = reference.value(reference.today), value = reference.value(start)
        let holds = switch objective.hold {
        case .band: abs(value - target) <= tolerance + 1e-12
        case .atLeast: value >= target - tolerance - 1e-12
        }
        let free = holds ? [] : reference.free, rooms = free.map(reference.room)
        self.free = free
        self.rooms = rooms
        guard !free.isEmpty else {
            problem = nil
            return
        }
        let weights = reference.weights
        let fixed = reference.offering.levers.indices.filter { !free.contains($0) }.reduce(0) { $0 + reference.term(lever: $1, at: start[$1], weights: weights) }
        let margin = reference.margin(start)
        let levers = zip(free, rooms).map { index, room in
            let options = room.map { setting in
                var settings = start
                settings[index] = setting
                // Free levers are no quantities, so margin is a sum of one change per lever.
                return BalanceOption(
                    value: reference.term(lever: index, at: setting, weights: weights), move: reference.move(lever: index, to: setting),
                    margin: reference.margin(settings) - margin)
            }
            return BalanceLever(id: reference.offering.levers[index].id, options: options, current: room.firstIndex(of: reference.today[index])!)
        }
        problem = BalanceProblem(levers: levers, fixedValue: fixed, target: target, tolerance: tolerance, objective: objective)
    }

    /// How many settings the free levers make together.
    var settingCount: Int { rooms.reduce(free.isEmpty ? 0 : 1) { $0 * $1.count } }

    /// Why `recommended` is not the documented optimum; nil when it is.
    func verdict(_ recommended: [Double]) -> String? {
        let start = reference.afterRules
        guard let problem else {
            return recommended == start ? nil : "the balancer moved \(changed(start, recommended)) although the rules' settings hold value (or no lever is free)"
        }
        let choice = zip(free, rooms).map { index, room in room.firstIndex(of: recommended[index]) ?? -1 }
        guard !choice.contains(-1) else {
            return "the recommendation \(describe(recommended)) is not a combination of the free levers' allowed settings \(rooms)"
        }
        let best = BruteForce.solve(problem)
        guard best.choice != choice else { return nil }
        var optimum = start
        for (position, index) in free.enumerated() { optimum[index] = rooms[position][best.choice[position]] }
        let context = best.held ? "value can be held" : best.distance == 0 ? "nothing lies in the band" : "nothing holds"
        return "\(context); the balancer chose \(describe(choice, problem)), the optimum is \(describe(best.choice, problem))"
    }

    // MARK: - Describing

    private func describe(_ choice: [Int], _ problem: BalanceProblem) -> String {
        var settings = reference.afterRules
        for (position, index) in free.enumerated() { settings[index] = rooms[position][choice[position]] }
        let options = zip(problem.levers, choice).map { $0.options[$1] }
        let moved = zip(problem.levers, choice).count { $0.current != $1 }
        return "\(describe(settings)) (value \(options.reduce(problem.fixedValue) { $0 + $1.value }) against \(problem.target) ± \(problem.tolerance), "
            + "margin \(options.reduce(0) { $0 + $1.margin }), \(moved) moved, move \(options.reduce(0) { $0 + $1.move }))"
    }

    private func describe(_ settings: [Double]) -> String {
        let levers = reference.offering.levers
        return "[" + levers.indices.map { "\(levers[$0].id)=\(levers[$0].display(settings[$0]))" }.joined(separator: " ") + "]"
    }

    private func changed(_ from: [Double], _ to: [Double]) -> String {
        let levers = reference.offering.levers
        return levers.indices.filter { from[$0] != to[$0] }.map { "\(levers[$0].id) \(levers[$0].display(from[$0])) → \(levers[$0].display(to[$0]))" }
            .joined(separator: ", ")
    }
}
