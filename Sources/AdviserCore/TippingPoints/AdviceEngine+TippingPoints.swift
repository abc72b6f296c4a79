import AdviserExpression

extension AdviceEngine {
    /// Tipping points of every market fact the rules read, under `scenario`, for every offering ×
    /// segment (see `TippingPointAnalysis`).
    package func tippingPoints(scenario: Scenario, options: Options = .init()) -> TippingPointAnalysis {
        // Selecting every offering and segment cannot name an unknown id.
        let base = (try? report(for: AdviceRequest(scenario: scenario, options: options)).advice) ?? []
        var pairs: [(offering: Offering, segment: Segment)] = []
        for a in base {
            guard let offering = workspace.offerings.first(where: { $0.id == a.offering.id }),
                  let segment = workspace.segments.first(where: { $0.id == a.segment.id }) else { continue }
            pairs.append((offering, segment))
        }
        guard pairs.count == base.count else { return TippingPointAnalysis(workspace: workspace.settings.name, scenario: scenario, facts: []) }
        var facts: [TippingPointAnalysis.FactTipping] = []
        for fact in workspace.facts where fact.scope == "market" {
            guard let now = options.overrides[fact.name] ?? scenario.market[fact.shortName]?.value.value else { continue }
            let probe = FiringProbe(engine: self, fact: fact, scenario: scenario, overrides: options.overrides, pairs: pairs)
            guard !probe.isIdle else { continue }
            var points: [TippingPointAnalysis.TippingPoint] = []
            var thresholds: [Double] = []
            if fact.isNumeric, let value = now.number {
                let search = NumericBoundarySearch(probe: probe, now: value)
                for direction in [TippingPointAnalysis.TippingPoint.Direction.rises, .falls] {
                    var advice = base
                    for boundary in search.boundaries(direction) {
                        thresholds.append(boundary.threshold)
                        let changes = readvise(&advice, at: .number(boundary.tested), from: boundary.before, to: boundary.after,
                                               probe: probe, options: options)
                        guard !changes.isEmpty else { continue }
                        points.append(.init(
                            direction: direction, threshold: boundary.threshold, tested: [.number(boundary.tested)],
                            rules: probe.rulesChanged(from: boundary.before, to: boundary.after, in: changes), changes: changes))
                    }
                }
            } else {
                points = alternatives(of: fact, now: now, probe: probe, base: base, options: options)
            }
            facts.append(.init(fact: fact.name, unit: fact.unit, now: now, min: fact.min, max: fact.max,
                               thresholds: Array(Set(thresholds)).sorted(), points: points))
        }
        return TippingPointAnalysis(workspace: workspace.settings.name, scenario: scenario, facts: facts)
    }

    /// Advises again, with the probe's fact at `value`, the offering × segment pairs whose firing
    /// differs between the two states, updating `advice` (by pair), and returns what changed. The
    /// other pairs cannot change: the fact reaches the advice only through the conditions.
    private func readvise(_ advice: inout [Advice], at value: FactValue, from old: FiringProbe.Firing, to new: FiringProbe.Firing,
                          probe: FiringProbe, options: Options) -> [AdviceDelta] {
        var moved = options
        moved.overrides[probe.fact.name] = value
        var changes: [AdviceDelta] = []
        for pair in probe.pairsChanged(from: old, to: new) {
            let after = advise(offering: probe.pairs[pair].offering, segment: probe.pairs[pair].segment, scenario: probe.scenario, options: moved)
            let delta = AdviceDelta(from: advice[pair], to: after)
            advice[pair] = after
            if !delta.isEmpty { changes.append(delta) }
        }
        return changes
    }

    /// The points of an enum, bool or text fact: each other value advised; each line of change (an
    /// offering × segment changed just so) told once, in a block with every value that gives it.
    private func alternatives(of fact: Fact, now: FactValue, probe: FiringProbe, base: [Advice],
                              options: Options) -> [TippingPointAnalysis.TippingPoint] {
        let today = probe.firing(at: now)
        var lines: [(delta: AdviceDelta, values: [FactValue], flipped: Set<Int>)] = []
        for value in Self.otherValues(of: fact, than: now, probe: probe) {
            let firing = probe.firing(at: value)
            guard firing != today else { continue }
            var advice = base
            for delta in readvise(&advice, at: value, from: today, to: firing, probe: probe, options: options) {
                let pair = probe.pairIndex(offering: delta.offering.id, segment: delta.segment.id)
                let flipped = pair.map { probe.flipped(from: today, to: firing, pair: $0) } ?? []
                if let line = lines.firstIndex(where: { $0.delta.sentence == delta.sentence }) {
                    lines[line].values.append(value)
                    lines[line].flipped.formIntersection(flipped)
                } else {
                    lines.append((delta, [value], flipped))
                }
            }
        }
        var points: [TippingPointAnalysis.TippingPoint] = []
        for line in lines {
            if let block = points.firstIndex(where: { $0.tested == line.values }) {
                points[block].changes.append(line.delta)
                points[block].rules = probe.ruleIDs(Set(points[block].rules.compactMap(probe.position)).union(line.flipped))
            } else {
                points.append(.init(direction: .becomes, threshold: nil, tested: line.values, rules: probe.ruleIDs(line.flipped), changes: [line.delta]))
            }
        }
        // The change most values share first, then in the declared order of the first value.
        let order = Self.otherValues(of: fact, than: now, probe: probe)
        return points.enumerated().sorted { a, b in
            let (x, y) = (order.firstIndex(of: a.element.tested[0]) ?? 0, order.firstIndex(of: b.element.tested[0]) ?? 0)
            return (-a.element.tested.count, x, a.offset) < (-b.element.tested.count, y, b.offset)
        }.map(\.element)
    }

    /// The values an enum or bool fact may take other than `now`, in declared order; for a text
    /// fact, the words the conditions that read it write.
    private static func otherValues(of fact: Fact, than now: FactValue, probe: FiringProbe) -> [FactValue] {
        let all: [FactValue]
        switch fact.kind {
        case .enumeration(let values): all = values.map(FactValue.string)
        case .bool: all = [.bool(true), .bool(false)]
        case .string:
            var words: [FactValue] = []
            for index in probe.rules {
                func walk(_ e: Expr) {
                    if case .literal(.string(let s)) = e.kind, !words.contains(.string(s)) { words.append(.string(s)) }
                    for child in e.children { walk(child) }
                }
                walk(probe.engine.rules[index].program.checked.parsed.root)
            }
            all = words
        case .number, .integer: all = []
        }
        return all.filter { $0 != now }
    }
}
