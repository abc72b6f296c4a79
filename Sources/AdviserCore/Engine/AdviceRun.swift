import AdviserExpression

/// One piece of advice in the making: facts → fired rules → actions → value → balance.
///
/// The steps live in extensions: `AdviceRun+Actions.swift` (what a rule does to the offering),
/// `AdviceRun+Balance.swift` (holding value within the guardrails) and
/// `AdviceRun+Outcome.swift` (the advice as reported).
struct AdviceRun {
    let engine: AdviceEngine
    let offering: Offering
    let segment: Segment
    let scenario: Scenario
    let options: AdviceEngine.Options
    /// What the segment has of each lever today (`buys:`, else the baseline), by lever position.
    let today: [Double]
    /// The settings this segment allows, by lever position: the lever's bounds narrowed by the
    /// segment's `bounds:`.
    let allowed: [ClosedRange<Double>]
    let margins: MarginModel

    var fired: [FiredRule] = []
    var explanations: [RuleExplanation] = []
    var warnings: [AdviceWarning] = []
    var overridden: [OverriddenAdjustment] = []
    var talkingPoints: [TalkingPoint] = []
    var guardrails: [GuardrailOutcome] = []
    /// Where `fired` and `talkingPoints` are in the engine's prewritten records (`PrerenderedRules`).
    var prerendered: PrerenderedRecords
    /// Emphasis factor and the rules that set it, by driver position in the segment (nil: none);
    /// driver ids are unique within a segment (the checker rejects duplicates).
    var emphasis: [(factor: Double, rules: [String])?]
    /// Why each driver (by position) may not be relieved less than today.
    var protection: [[Protection]]
    /// Settings by lever index, starting at today's.
    var settings: [Double]
    /// The rule that owns each lever (by index): the first to adjust or pin it, with where.
    /// Arrays by lever position rather than a dictionary and a set: an offering has a handful of
    /// levers, and hashing them showed up for every action of every rule that fires.
    var ownedBy: [(rule: ConditionCompiler.Compiled, location: SourceLocation)?]
    var pinned: [Bool]

    init(engine: AdviceEngine, offering: Offering, segment: Segment, scenario: Scenario, options: AdviceEngine.Options) {
        self.engine = engine
        self.offering = offering
        self.segment = segment
        self.scenario = scenario
        self.options = options
        if let prepared = options.prepared {
            (today, allowed, margins) = (prepared.today, prepared.allowed, prepared.margins)
        } else {
            today = segment.today(offering)
            allowed = offering.levers.map { segment.allowedRange($0, of: offering.id) }
            margins = MarginModel(offering: offering)
        }
        settings = today
        emphasis = Array(repeating: nil, count: segment.drivers.count)
        protection = segment.drivers.map { $0.protected ? [.declared] : [] }
        ownedBy = Array(repeating: nil, count: offering.levers.count)
        pinned = Array(repeating: false, count: offering.levers.count)
        // Every fired record is the engine's; talking points are too when the segment is the
        // workspace's own, unchanged.
        prerendered = PrerenderedRecords(table: engine.prerendered, firedRules: [], talkingPoints: options.prepared.map { _ in [] })
    }

    mutating func advise() -> Advice {
        checkStaleness()
        let activation: Activation
        if var prepared = options.prepared?.facts {
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
        for (index, quick) in candidates where engine.ruleOfferings[index].isEmpty || engine.ruleOfferings[index].contains(offering.id) {
            let compiled = engine.rules[index]
            if evaluate(compiled, quick: quick, activation) {
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

    // MARK: - Staleness

    private mutating func checkStaleness() {
        guard let today = options.today, let asOf = scenario.asOfDay else { return }
        let age = today - asOf
        let limit = engine.workspace.settings.staleAfterDays
        if age > limit { warnings.append(.staleScenario(scenario, age: age, limit: limit)) }
    }
}
