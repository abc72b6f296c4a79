// Holding value within the guardrails: which levers the balancer may move, to which settings,
// and, when value still is not held, what binds.

extension AdviceRun {
    /// The settings a flex lever may take in this advice, and why the others are out.
    struct LeverRoom {
        let index: Int
        /// Allowed grid settings, increasing; today's is always among them.
        let settings: [Double]
        /// For each setting of the lever's whole grid left out, the guardrail that left it out.
        let excluded: [(setting: Double, guardrail: GuardrailOutcome)]
    }

    /// The levers the balancer may move: flex, owned by no rule, and not a quantity the client buys.
    var freeLevers: [Int] {
        offering.levers.indices.filter { offering.levers[$0].flex && ownedBy[$0] == nil && !margins.quantities.contains($0) }
    }

    /// Whether value at `value` holds against `target` the way the balancer aims for it.
    func inHoldRegion(_ value: Double, target: Double) -> Bool {
        let tolerance = engine.workspace.settings.valueTolerance
        switch engine.workspace.settings.balance.hold {
        case .band: return abs(value - target) <= tolerance + 1e-12
        case .atLeast: return value >= target - tolerance - 1e-12
        }
    }

    /// Balances the free levers within their guardrails, when the rules' settings are outside the
    /// hold region. Returns the levers the balancer moved.
    mutating func balance(_ model: ValueModel, target: Double) -> Set<Int> {
        let free = freeLevers
        guard !free.isEmpty, !inHoldRegion(model.value(settings), target: target) else { return [] }
        let limit = engine.balancer.limits.maxGridPoints
        // Counted before any grid is built: a fine grid can be too large to allocate.
        let count = free.reduce(0) { $0 + offering.levers[$1].gridCount(within: allowed[$1]) }
        guard count <= limit else {
            warnings.append(.gridTooLarge(offering, settings: count, limit: limit))
            return []
        }
        let rooms = free.map { room(for: $0, model: model) }
        let problem = balanceProblem(model, rooms: rooms, target: target)
        let solution: BalanceSolution
        do {
            solution = try engine.balancer.solve(problem)
        } catch {
            switch error {
            case .tooManyGridPoints(let count, let limit): warnings.append(.gridTooLarge(offering, settings: count, limit: limit))
            }
            return []
        }
        if !solution.exhaustive { warnings.append(.balanceIncomplete(offering)) }
        var moved = Set<Int>()
        for (position, room) in rooms.enumerated() where solution.choice[position] >= 0 {
            let setting = room.settings[solution.choice[position]]
            if setting != settings[room.index] {
                settings[room.index] = setting
                moved.insert(room.index)
            }
        }
        return moved
    }

    /// The settings a free lever may take: within the segment's bounds, within its move limit of
    /// today's setting, and none that relieves a protected driver less than today.
    func room(for index: Int, model: ValueModel) -> LeverRoom {
        let lever = offering.levers[index]
        let now = today[index]
        var window = allowed[index]
        // Never more settings than the balancer searches: a hostile grid could be petabytes.
        let limit = engine.balancer.limits.maxGridPoints
        let all = lever.gridCount <= limit ? lever.grid : lever.gridCount(within: window) <= limit ? lever.grid(within: window) : [now]
        var excluded: [(setting: Double, guardrail: GuardrailOutcome)] = []
        if let limit = lever.maxMove {
            let allowance = limit.allowance(from: now)
            window = max(window.lowerBound, now - allowance - 1e-9)...max(min(window.upperBound, now + allowance + 1e-9), now)
        }
        let guarded = protectedCurves(ofLever: index, model: model)
        var settings: [Double] = []
        for setting in all {
            if abs(setting - now) < 1e-9 {
                settings.append(setting)
                continue
            }
            if setting < allowed[index].lowerBound - 1e-9 || setting > allowed[index].upperBound + 1e-9 {
                excluded.append((setting, GuardrailOutcome(
                    kind: .segmentBound, lever: lever.id, driver: nil,
                    message: "\(lever.name) stays within \(lever.display(allowed[index].lowerBound))..\(lever.display(allowed[index].upperBound)) for \(segment.name)")))
            } else if setting < window.lowerBound || setting > window.upperBound, let limit = lever.maxMove {
                excluded.append((setting, GuardrailOutcome(
                    kind: .moveLimit, lever: lever.id, driver: nil,
                    message: "\(lever.name) may move at most \(Self.allowanceText(limit, lever: lever, today: now)) in one review")))
            } else if let driver = guarded.first(where: { $0.curve.relief(at: setting) < $0.today - 1e-12 }) {
                excluded.append((setting, GuardrailOutcome(
                    kind: .protectedDriver, lever: lever.id, driver: driver.driver.id,
                    message: "\(lever.name) was kept from \(lever.phrase(setting)): that would relieve '\(driver.driver.name)' less, and \(driver.why)")))
            } else {
                settings.append(setting)
            }
        }
        return LeverRoom(index: index, settings: settings, excluded: excluded)
    }

    /// The curves on this lever of the drivers that may not be relieved less, with their relief today.
    private func protectedCurves(ofLever index: Int, model: ValueModel) -> [(driver: Driver, curve: LeverCurve, today: Double, why: Protection)] {
        var curves: [(driver: Driver, curve: LeverCurve, today: Double, why: Protection)] = []
        for d in segment.drivers.indices {
            guard let why = protection[d].first else { continue }
            for (curveLever, curve) in model.curves(ofDriverAt: d) where curveLever == index {
                curves.append((segment.drivers[d], curve, curve.relief(at: today[index]), why))
            }
        }
        return curves
    }

    static func allowanceText(_ limit: Lever.MoveLimit, lever: Lever, today: Double) -> String {
        switch limit {
        case .percent(let p): "\(formatNumber(p))% (\(Lever.phrase(formatNumber(abs(today) * p / 100), unit: lever.unit, kind: lever.kind)))"
        case .units(let u): lever.kind == .level ? "\(formatNumber(u)) level\(u == 1 ? "" : "s")" : Lever.phrase(formatNumber(u), unit: lever.unit, kind: lever.kind)
        }
    }

    private func balanceProblem(_ model: ValueModel, rooms: [LeverRoom], target: Double) -> BalanceProblem {
        let free = Set(rooms.map(\.index))
        var fixed = 0.0
        for index in offering.levers.indices where !free.contains(index) {
            fixed += model.term(lever: index, at: settings[index])
        }
        let levers = rooms.map { room -> BalanceLever in
            let lever = offering.levers[room.index]
            let now = today[room.index]
            // A move counts against today's setting (a level's position from 1), so halving a
            // price weighs as much as halving the hours, whatever each lever's range.
            let scale = lever.kind == .level ? now + 1 : max(abs(now), lever.step)
            let options = room.settings.map { setting in
                BalanceOption(
                    value: model.term(lever: room.index, at: setting), move: abs(setting - now) / max(scale, 1e-12),
                    margin: margins.marginTerm(lever: room.index, at: setting, settings))
            }
            let current = room.settings.firstIndex { abs($0 - settings[room.index]) < 1e-9 } ?? 0
            return BalanceLever(id: lever.id, options: options, current: current)
        }
        let tolerance = engine.workspace.settings.valueTolerance
        return BalanceProblem(levers: levers, fixedValue: fixed, target: target, tolerance: tolerance, objective: engine.workspace.settings.balance)
    }

    /// The guardrails the balanced setting stops at: a lever the balancer moved up to the edge of
    /// its room, or one it could not move the way value needed, where the next setting out is one a
    /// guardrail left out.
    mutating func recordBindingGuardrails(_ model: ValueModel, moved: Set<Int>, target: Double, final: Double) {
        let needMore = final < target
        for index in freeLevers {
            let room = room(for: index, model: model)
            let setting = settings[index]
            let lever = offering.levers[index]
            let here = model.term(lever: index, at: setting)
            // The nearest setting left out on the side the balancer went, or would have to go.
            let direction: Double
            if moved.contains(index) {
                direction = setting > today[index] ? 1 : -1
            } else if !inHoldRegion(final, target: target) {
                // Which way would give the value needed?
                let better = room.excluded.filter { needMore ? model.term(lever: index, at: $0.setting) > here + 1e-12 : model.term(lever: index, at: $0.setting) < here - 1e-12 }
                guard let first = better.min(by: { abs($0.setting - setting) < abs($1.setting - setting) }) else { continue }
                direction = first.setting > setting ? 1 : -1
            } else {
                continue
            }
            let beyond = room.excluded.filter { direction > 0 ? $0.setting > setting : $0.setting < setting }
            guard let next = beyond.min(by: { abs($0.setting - setting) < abs($1.setting - setting) }) else { continue }
            // Only when no allowed setting lies between: the lever stands at the guardrail.
            guard !room.settings.contains(where: { direction > 0 ? ($0 > setting && $0 < next.setting) : ($0 < setting && $0 > next.setting) }) else { continue }
            if !guardrails.contains(where: { $0.lever == lever.id && $0.kind == next.guardrail.kind }) {
                guardrails.append(next.guardrail)
            }
        }
    }

    /// Why value could not be held, in words: how far off, what binds, and what rules set.
    func shortfallSentence(_ model: ValueModel, target: Double, final: Double) -> String {
        let gap = (final - target) * 100
        var sentence = "Value ends \(formatNumber(abs(gap), maxFractionDigits: 1)) points below today's "
            + "(\(formatNumber(final * 100, maxFractionDigits: 1)) against \(formatNumber(target * 100, maxFractionDigits: 1)) on the 0–100 index)"
        let free = freeLevers
        var reasons: [String] = guardrails.filter { g in free.contains { offering.levers[$0].id == g.lever } }.map(\.message)
        for index in free {
            let lever = offering.levers[index]
            guard !guardrails.contains(where: { $0.lever == lever.id }) else { continue }
            // Truly at a limit: the setting that relieves most is the lever's own bound, and it is there.
            let candidates = lever.gridCount <= engine.balancer.limits.maxGridPoints ? lever.grid : [lever.min, lever.max]
            let here = model.term(lever: index, at: settings[index])
            guard let best = candidates.max(by: { model.term(lever: index, at: $0) < model.term(lever: index, at: $1) }),
                  model.term(lever: index, at: best) <= here + 1e-12,
                  settings[index] == lever.min || settings[index] == lever.max,
                  candidates.contains(where: { model.term(lever: index, at: $0) < here - 1e-12 })
            else { continue }
            reasons.append("\(lever.name) is already at its \(settings[index] == lever.max ? "highest" : "lowest") (\(lever.phrase(settings[index])))")
        }
        if free.isEmpty {
            sentence += ": no lever is free to balance it"
        } else if !reasons.isEmpty {
            sentence += ": " + reasons.joined(separator: "; ")
        }
        let setByRules = offering.levers.indices.filter { ownedBy[$0] != nil }.map { offering.levers[$0].name }
        if !setByRules.isEmpty {
            sentence += "; set by rules: " + setByRules.joined(separator: ", ")
        }
        return sentence + "."
    }
}
