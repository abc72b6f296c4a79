// Shrinking a failing random workspace to a small one that still fails, so a property failure
// reads as a handful of YAML lines rather than seed 173.

extension WorkspaceSpec {
    /// The smallest workspace reached by removing one thing at a time while `fails` stays true
    /// (greedy: the first smaller workspace that loads and still fails is kept, until none does).
    /// At most `budget` candidates are tried, so a failure always reports in seconds.
    func shrunk(budget: Int = 3_000, while fails: (WorkspaceSpec) -> Bool) -> WorkspaceSpec {
        var current = self, text = yaml, tried = 0
        var progress = true
        while progress && tried < budget {
            progress = false
            for candidate in current.smaller() where tried < budget {
                let candidateText = candidate.yaml
                guard candidateText != text else { continue }
                tried += 1
                guard (try? candidate.load().get()) != nil, fails(candidate) else { continue }
                current = candidate
                text = candidateText
                progress = true
                break
            }
        }
        return current
    }

    /// Every workspace one step smaller than this one, biggest steps first.
    private func smaller() -> [WorkspaceSpec] {
        var candidates: [WorkspaceSpec] = []
        func with(_ change: (inout WorkspaceSpec) -> Void) {
            var copy = self
            change(&copy)
            candidates.append(copy)
        }
        for offering in offerings where offerings.count > 1 { with { $0.remove(offering: offering.id) } }
        for rule in rules.indices { with { $0.rules.remove(at: rule) } }
        for offering in offerings where offering.levers.count > 1 {
            for lever in offering.levers { with { $0.remove(lever: lever.id) } }
        }
        for driver in segment.drivers where segment.drivers.count > 1 { with { $0.remove(driver: driver.id) } }
        for r in rules.indices {
            for a in rules[r].actions.indices where rules[r].actions.count > 1 { with { $0.rules[r].actions.remove(at: a) } }
            if rules[r].priority != 0 { with { $0.rules[r].priority = 0 } }
            if !rules[r].offerings.isEmpty { with { $0.rules[r].offerings = [] } }
        }
        for d in segment.drivers.indices {
            for r in segment.drivers[d].reliefs.indices { with { $0.segment.drivers[d].reliefs.remove(at: r) } }
            if segment.drivers[d].protected { with { $0.segment.drivers[d].protected = false } }
            if segment.drivers[d].importance != 1 { with { $0.segment.drivers[d].importance = 1 } }
        }
        if segment.buys != nil { with { $0.segment.buys = nil } }
        for p in (segment.buys ?? []).indices {
            for s in segment.buys![p].settings.indices { with { $0.segment.buys![p].settings.remove(at: s) } }
        }
        for b in segment.bounds.indices { with { $0.segment.bounds.remove(at: b) } }
        for o in offerings.indices {
            for l in offerings[o].levers.indices {
                let lever = offerings[o].levers[l]
                if lever.maxMove != nil { with { $0.offerings[o].levers[l].maxMove = nil } }
                if lever.per != nil { with { $0.offerings[o].levers[l].per = nil } }
                if lever.cost != nil || !lever.levelCosts.isEmpty {
                    with {
                        $0.offerings[o].levers[l].cost = nil
                        $0.offerings[o].levers[l].levelCosts = [:]
                    }
                }
                if lever.flex { with { $0.offerings[o].levers[l].flex = false } }
            }
        }
        if hold != nil || prefer != nil {
            with {
                $0.hold = nil
                $0.prefer = nil
            }
        }
        return candidates
    }

    private mutating func remove(offering id: String) {
        for lever in offerings.first(where: { $0.id == id })!.levers { remove(lever: lever.id, keepingOffering: true) }
        offerings.removeAll { $0.id == id }
        segment.buys?.removeAll { $0.offering == id }
        for d in segment.drivers.indices { segment.drivers[d].reliefs.removeAll { $0.lever.hasPrefix(id + ".") } }
        if segment.buys?.isEmpty == true { segment.buys = nil }
        // A rule about that offering only is about none left.
        rules.removeAll { $0.offerings == [id] }
        for r in rules.indices { rules[r].offerings.removeAll { $0 == id } }
    }

    private mutating func remove(lever id: String, keepingOffering: Bool = false) {
        for o in offerings.indices {
            guard offerings[o].levers.contains(where: { $0.id == id }) else { continue }
            if !keepingOffering && offerings[o].levers.count == 1 { return }
            offerings[o].levers.removeAll { $0.id == id }
            for l in offerings[o].levers.indices where offerings[o].levers[l].per == id { offerings[o].levers[l].per = nil }
        }
        for p in (segment.buys ?? []).indices { segment.buys![p].settings.removeAll { $0.lever == id } }
        segment.bounds.removeAll { $0.lever == id }
        for d in segment.drivers.indices { segment.drivers[d].reliefs.removeAll { $0.lever == id || $0.lever.hasSuffix("." + id) } }
        for r in rules.indices { rules[r].actions.removeAll { $0.lever == id } }
        rules.removeAll(where: \.actions.isEmpty)
    }

    private mutating func remove(driver id: String) {
        segment.drivers.removeAll { $0.id == id }
        for r in rules.indices {
            rules[r].actions.removeAll { action in
                switch action {
                case .emphasize(let target, _): target == id
                case .say(_, let about): about == id
                case .adjust, .pin: false
                }
            }
        }
        rules.removeAll(where: \.actions.isEmpty)
    }
}
