import AdviserExpression

/// One piece of advice in the making: facts → fired rules → actions → value → balance.
struct AdviceRun {
    let engine: AdviceEngine
    let offering: Offering
    let segment: Segment
    let scenario: Scenario
    let options: AdviceEngine.Options

    private var fired: [FiredRule] = []
    private var explanations: [RuleExplanation] = []
    private var warnings: [AdviceWarning] = []
    private var overridden: [OverriddenAdjustment] = []
    private var talkingPoints: [TalkingPoint] = []
    /// Where `fired` and `talkingPoints` are in the engine's prewritten records (`PrerenderedRules`).
    private var prerendered: PrerenderedRecords
    /// Emphasis factor and the rules that set it, by driver position in the segment (nil: none);
    /// driver ids are unique within a segment (the checker rejects duplicates).
    private var emphasis: [(factor: Double, rules: [String])?]
    /// Settings by lever index, starting at the baselines.
    private var settings: [Double]
    /// Which rule set each lever (by index), with its location and priority.
    /// Arrays by lever position rather than a dictionary and a set: an offering has a handful of
    /// levers, and hashing them showed up for every action of every rule that fires.
    private var adjustedBy: [(rule: ConditionCompiler.Compiled, location: SourceLocation)?]
    private var pinned: [Bool]

    init(engine: AdviceEngine, offering: Offering, segment: Segment, scenario: Scenario, options: AdviceEngine.Options) {
        self.engine = engine
        self.offering = offering
        self.segment = segment
        self.scenario = scenario
        self.options = options
        self.settings = offering.levers.map(\.baseline)
        self.emphasis = Array(repeating: nil, count: segment.drivers.count)
        self.adjustedBy = Array(repeating: nil, count: offering.levers.count)
        self.pinned = Array(repeating: false, count: offering.levers.count)
        // Every fired record is the engine's; talking points are too when the segment is the
        // workspace's own, unchanged.
        self.prerendered = PrerenderedRecords(table: engine.prerendered, firedRules: [], talkingPoints: options.segmentIndex.map { _ in [] })
    }

    mutating func advise() -> Advice {
        checkStaleness()
        let activation: Activation
        if var prepared = options.preparedFacts {
            FactActivation.apply(options.overrides, to: &prepared, workspace: engine.workspace)
            activation = prepared
        } else {
            activation = FactActivation.make(
                declarations: engine.declarations, workspace: engine.workspace, offering: offering, segment: segment,
                scenario: scenario, overrides: options.overrides)
        }
        let candidates = candidates(activation)
        // Room for every candidate to fire (most do, with a talking point or so), rather than
        // growing each list rule by rule.
        fired.reserveCapacity(candidates.count)
        prerendered.firedRules?.reserveCapacity(candidates.count)
        talkingPoints.reserveCapacity(candidates.count)
        prerendered.talkingPoints?.reserveCapacity(candidates.count)
        for (index, quick) in candidates {
            let compiled = engine.rules[index]
            if evaluate(compiled, quick: quick, activation) {
                fired.append(engine.prerendered.fired[index])
                prerendered.firedRules?.append(index)
                apply(compiled, index: index)
            }
        }
        return conclude()
    }

    // MARK: - Conditions

    /// The rules that may fire, in firing order, with the quick answer of their condition (nil:
    /// undecided, or explaining). Conditions read only facts, never what actions set, so deciding
    /// them before any action is applied changes nothing; and decided here, from the engine's
    /// condition table, the compiled rules are not touched at all (reading each from the
    /// mutating run cost a retain and a release, more than most conditions).
    private func candidates(_ activation: Activation) -> [(index: Int, quick: Bool?)] {
        guard !options.explain else { return engine.rules.indices.map { ($0, nil) } }
        var candidates: [(index: Int, quick: Bool?)] = []
        candidates.reserveCapacity(64)
        engine.conditions.forEachCondition(activation) { index, quick in
            if quick != false { candidates.append((index, quick)) }
        }
        return candidates
    }

    /// Whether the condition holds, given its quick answer; explains it, and warns when it cannot
    /// be evaluated.
    private mutating func evaluate(_ compiled: ConditionCompiler.Compiled, quick: Bool?, _ activation: Activation) -> Bool {
        // `compiled.rule` is read only where needed: a copy of the rule costs a retain per string
        // in it.
        if let quick { return quick }
        var holds = false
        if options.explain {
            let rule = compiled.rule
            let trace = compiled.program.trace(activation)
            if case .success(.bool(let b)) = trace.result { holds = b }
            explanations.append(RuleExplanation(
                rule: rule.id, location: rule.location, fired: holds, condition: rule.when.combinedText,
                trace: trace.renderLines(), failing: holds ? [] : trace.renderFailingConjuncts()))
            if case .failure(let error) = trace.result { conditionFailed(rule, error.message) }
        } else if case .failure(let error) = compiled.program.evaluate(activation) {
            conditionFailed(compiled.rule, error.message)
        }
        return holds
    }

    private mutating func conditionFailed(_ rule: Rule, _ message: String) {
        warnings.append(.conditionError(rule, message))
    }

    // MARK: - Actions

    private mutating func apply(_ compiled: ConditionCompiler.Compiled, index ruleIndex: Int) {
        var says = 0
        // Actions are read in place rather than copied out of the rule (each copy retains its strings).
        for position in compiled.rule.actions.indices {
            if case .say = compiled.rule.actions[position], let segmentIndex = options.segmentIndex {
                let point = engine.prerendered.talkingPointPosition(rule: ruleIndex, segment: segmentIndex, say: says)
                talkingPoints.append(engine.prerendered.talkingPoints[point])
                prerendered.talkingPoints?.append(point)
                says += 1
                continue
            }
            switch compiled.rule.actions[position] {
            case .adjust(let leverID, let change):
                adjust(leverID, change, by: compiled)
            case .pin(let leverID):
                if let index = offering.levers.firstIndex(where: { $0.id == leverID.value }) { pinned[index] = true }
            case .emphasize(let target, let factor):
                for index in segment.drivers.indices where Self.targets(target.value, segment.drivers[index]) {
                    // Changed in place: an entry taken out would share its list of rules, which the
                    // append would then copy.
                    if emphasis[index] == nil { emphasis[index] = (1, []) }
                    emphasis[index]!.factor = min(max(emphasis[index]!.factor * factor, 1e-9), 1e9)
                    emphasis[index]!.rules.append(compiled.rule.id)
                }
            case .say(let text, let about, _):
                talkingPoints.append(TalkingPoint.make(text, about: about?.value, rule: compiled.rule.id, segment: segment))
                says += 1
            }
        }
    }

    private static func targets(_ target: DriverTarget, _ driver: Driver) -> Bool {
        switch target {
        case .driver(let id): driver.id == id
        case .kind(let kind): driver.kind == kind
        }
    }

    private mutating func adjust(_ leverID: Located<String>, _ change: Adjustment, by compiled: ConditionCompiler.Compiled) {
        // A rule may name a lever only some offerings have; for the others the action does nothing.
        guard let index = offering.levers.firstIndex(where: { $0.id == leverID.value }) else { return }
        let lever = offering.levers[index]
        let asked = lever.asked(by: change)
        let setting = lever.snapToGrid(asked)
        if let earlier = adjustedBy[index] {
            // Rules fire in priority order, so the earlier one wins.
            guard settings[index] != setting else { return }
            if earlier.rule.rule.priority == compiled.rule.priority {
                warnings.append(.conflict(
                    lever, earlier: earlier.rule.rule, at: earlier.location, later: compiled.rule, at: leverID.location,
                    kept: settings[index], lost: setting))
            } else {
                overridden.append(OverriddenAdjustment(
                    lever: lever.id, rule: compiled.rule.id, location: leverID.location, by: earlier.rule.rule.id, byLocation: earlier.location))
            }
            return
        }
        // Snapping to the grid is expected (10 % off 4800 is 4320, which becomes 4300); going past
        // a bound is not, so only clamping earns a warning.
        if asked < lever.min - 1e-9 || asked > lever.max + 1e-9 {
            warnings.append(.clamped(lever, by: compiled.rule, asked: asked, using: setting, at: leverID.location))
        }
        settings[index] = setting
        adjustedBy[index] = (compiled, leverID.location)
    }

    // MARK: - Staleness

    private mutating func checkStaleness() {
        guard let today = options.today, let asOf = scenario.asOfDay else { return }
        let age = today - asOf
        let limit = engine.workspace.settings.staleAfterDays
        if age > limit { warnings.append(.staleScenario(scenario, age: age, limit: limit)) }
    }

    // MARK: - Value and balance

    private mutating func conclude() -> Advice {
        let model = ValueModel(offering: offering, segment: segment, emphasis: emphasis.map { $0?.factor ?? 1 })
        let baseline = offering.levers.map(\.baseline)
        let (value, sources) = holdValue(model, baseline: baseline)
        // Weights before emphasis are importance shares; no second value model is needed for them.
        let totalImportance = segment.drivers.reduce(0) { $0 + $1.importance }
        let weightsBefore = segment.drivers.map { totalImportance > 0 ? $0.importance / totalImportance : 0 }
        return Advice(
            offering: .init(id: offering.id, name: offering.name), segment: .init(id: segment.id, name: segment.name),
            segmentSize: segment.size, scenario: .init(id: scenario.id, name: scenario.name), fired: fired,
            levers: leverOutcomes(sources), value: value, margin: marginOutcome(baseline: baseline),
            emphasized: emphasizedDrivers(model, weightsBefore: weightsBefore),
            unaddressed: model.unaddressed.map { index in
                let driver = segment.drivers[index]
                return DriverReference(id: driver.id, name: driver.name, kind: driver.kind)
            },
            drivers: driverOutcomes(model, baseline: baseline, weightsBefore: weightsBefore),
            talkingPoints: talkingPoints, warnings: warnings, overridden: overridden, explanations: explanations,
            prerendered: prerendered)
    }

    /// Holds the value of today's offering (under the emphasized weights): when the rules'
    /// settings miss it by more than the tolerance, the flex levers that no rule set or pinned are
    /// balanced, and when value still is not held a warning says why. Returns the value outcome and
    /// what set each lever.
    private mutating func holdValue(_ model: ValueModel, baseline: [Double]) -> (ValueOutcome, [LeverOutcome.Source]) {
        let target = model.value(baseline)
        let afterRules = model.value(settings)
        let tolerance = engine.workspace.settings.valueTolerance
        var sources = adjustedBy.map { entry in entry.map { .rule($0.rule.rule.id) } ?? LeverOutcome.Source.baseline }
        let flex = offering.levers.indices.filter { offering.levers[$0].flex && adjustedBy[$0] == nil && !pinned[$0] }
        var held = abs(afterRules - target) <= tolerance + 1e-12
        var final = afterRules
        if !held && !flex.isEmpty, let solution = balance(model, flex: flex, target: target, tolerance: tolerance) {
            for (position, index) in flex.enumerated() {
                let setting = offering.levers[index].grid[solution.choice[position]]
                if setting != settings[index] {
                    settings[index] = setting
                    sources[index] = .balance
                }
            }
            final = model.value(settings)
            held = solution.held
        }
        let shortfall = held ? nil : shortfallSentence(model: model, flex: flex, target: target, final: final)
        if let shortfall { warnings.append(.valueNotHeld(offering, shortfall: shortfall)) }
        let value = ValueOutcome(target: target, afterRules: afterRules, final: final, tolerance: tolerance, held: held, shortfall: shortfall)
        return (value, sources)
    }

    /// The balancer's settings for the flex levers, or nil (with a warning) when their grids are
    /// too large to search.
    private mutating func balance(_ model: ValueModel, flex: [Int], target: Double, tolerance: Double) -> BalanceSolution? {
        let gridPoints = flex.reduce(0) { $0 + offering.levers[$1].gridCount }
        // Refused before the grids are built: they could be too large to allocate.
        guard gridPoints <= engine.balancer.limits.maxGridPoints else {
            warnings.append(.gridTooLarge(offering, settings: gridPoints, limit: engine.balancer.limits.maxGridPoints))
            return nil
        }
        do {
            let solution = try engine.balancer.solve(balanceProblem(model: model, flex: flex, target: target, tolerance: tolerance))
            if !solution.exhaustive { warnings.append(.balanceIncomplete(offering)) }
            return solution
        } catch {
            switch error {
            case .tooManyGridPoints(let count, let limit): warnings.append(.gridTooLarge(offering, settings: count, limit: limit))
            }
            return nil
        }
    }

    private func leverOutcomes(_ sources: [LeverOutcome.Source]) -> [LeverOutcome] {
        offering.levers.enumerated().map { index, lever in
            LeverOutcome(
                lever: lever.id, name: lever.name, kind: lever.kind, unit: lever.unit, from: lever.baseline, to: settings[index],
                fromText: lever.display(lever.baseline), toText: lever.display(settings[index]), source: sources[index],
                pinned: pinned[index], flex: lever.flex)
        }
    }

    /// Drivers whose weight rules changed.
    private func emphasizedDrivers(_ model: ValueModel, weightsBefore: [Double]) -> [EmphasizedDriver] {
        segment.drivers.indices.compactMap { index -> EmphasizedDriver? in
            guard let entry = emphasis[index], entry.factor != 1 else { return nil }
            let driver = segment.drivers[index]
            return EmphasizedDriver(
                driver: driver.id, name: driver.name, kind: driver.kind, factor: entry.factor,
                weightBefore: weightsBefore[index], weightAfter: model.weights[index], rules: entry.rules)
        }
    }

    private func driverOutcomes(_ model: ValueModel, baseline: [Double], weightsBefore: [Double]) -> [DriverOutcome] {
        segment.drivers.indices.map { index in
            let driver = segment.drivers[index]
            return DriverOutcome(
                id: driver.id, name: driver.name, kind: driver.kind,
                weightBefore: weightsBefore[index], weightAfter: model.weights[index],
                reliefBefore: model.relief(ofDriverAt: index, at: baseline), reliefAfter: model.relief(ofDriverAt: index, at: settings),
                addressed: model.addresses(driverAt: index))
        }
    }

    /// Margin per client before and after, when the offering declares costs to serve.
    private func marginOutcome(baseline: [Double]) -> MarginOutcome? {
        guard offering.levers.contains(where: \.declaresCost) else { return nil }
        return MarginOutcome(
            before: Self.margin(offering, baseline), after: Self.margin(offering, settings),
            currency: engine.workspace.settings.currency)
    }

    private func balanceProblem(model: ValueModel, flex: [Int], target: Double, tolerance: Double) -> BalanceProblem {
        var fixed = 0.0
        for index in offering.levers.indices where !flex.contains(index) {
            fixed += model.term(lever: index, at: settings[index])
        }
        let levers = flex.map { index -> BalanceLever in
            let lever = offering.levers[index]
            let grid = lever.grid
            let range = max(lever.max - lever.min, 1e-12)
            let options = grid.map { setting in
                BalanceOption(
                    value: model.term(lever: index, at: setting), move: abs(setting - settings[index]) / range,
                    margin: Self.marginTerm(lever, setting))
            }
            let current = grid.firstIndex { abs($0 - settings[index]) < 1e-9 } ?? 0
            return BalanceLever(id: lever.id, options: options, current: current)
        }
        return BalanceProblem(levers: levers, fixedValue: fixed, target: target, tolerance: tolerance)
    }

    /// Why value could not be held, in words: how far off, and which levers are at their limit.
    private func shortfallSentence(model: ValueModel, flex: [Int], target: Double, final: Double) -> String {
        let gap = (final - target) * 100
        let direction = gap < 0 ? "below" : "above"
        var sentence = "Value ends \(formatNumber(abs(gap), maxFractionDigits: 1)) points \(direction) today's "
            + "(\(formatNumber(final * 100, maxFractionDigits: 1)) against \(formatNumber(target * 100, maxFractionDigits: 1)) on the 0–100 index)"
        let limited = flex.compactMap { index -> String? in
            let lever = offering.levers[index]
            // A grid too large to balance is too large to scan: its ends tell whether the lever is spent.
            let candidates = lever.gridCount <= engine.balancer.limits.maxGridPoints ? lever.grid : [lever.min, lever.max]
            let terms = candidates.map { model.term(lever: index, at: $0) }
            let here = model.term(lever: index, at: settings[index])
            let best = gap < 0 ? terms.max() ?? here : terms.min() ?? here
            return abs(best - here) < 1e-12 ? "\(lever.name) is already at \(lever.display(settings[index]))" : nil
        }
        let fixedByRules = offering.levers.indices.filter { adjustedBy[$0] != nil || pinned[$0] }.map { offering.levers[$0].name }
        if flex.isEmpty {
            sentence += ": no lever is free to balance it"
        } else if !limited.isEmpty {
            sentence += ": " + limited.joined(separator: ", ")
        }
        if !fixedByRules.isEmpty {
            sentence += "; set by rules: " + fixedByRules.joined(separator: ", ")
        }
        return sentence + "."
    }

    /// Margin per client: what the price levers bring in, less every lever's cost to serve.
    static func margin(_ offering: Offering, _ settings: [Double]) -> Double {
        offering.levers.indices.reduce(0) { $0 + marginTerm(offering.levers[$1], settings[$1]) }
    }

    static func marginTerm(_ lever: Lever, _ setting: Double) -> Double {
        (lever.kind == .price ? setting : 0) - lever.cost(at: setting)
    }
}
