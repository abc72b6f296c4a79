import AdviserExpression

/// Which rules fire, for every offering × segment of a piece of advice, when one market fact takes
/// a given value: the cheap question a tipping-point search asks many times (conditions only, no
/// actions, no balancing) before it advises again where the answer changes.
struct FiringProbe {
    let engine: AdviceEngine
    let fact: Fact
    let scenario: Scenario
    let overrides: [String: FactValue]
    /// The offering × segment pairs advised, in report order.
    let pairs: [(offering: Offering, segment: Segment)]
    /// The rules (by firing position) whose condition may depend on the fact.
    let rules: [Int]
    private let variables: ConditionVariables

    /// One flag per pair and rule of `rules`, pair after pair.
    typealias Firing = [Bool]

    init(engine: AdviceEngine, fact: Fact, scenario: Scenario, overrides: [String: FactValue], pairs: [(offering: Offering, segment: Segment)]) {
        self.engine = engine
        self.fact = fact
        self.scenario = scenario
        self.overrides = overrides
        self.pairs = pairs
        self.rules = engine.rules.indices.filter { engine.rules[$0].reads(fact.name, among: engine.workspace) }
        variables = ConditionVariables(workspace: engine.workspace)
    }

    /// Whether no rule reads the fact, so no value of it changes the advice.
    var isIdle: Bool { rules.isEmpty }

    func firing(at value: FactValue) -> Firing {
        var subjectOverrides = overrides
        subjectOverrides[fact.name] = value
        var firing: Firing = []
        firing.reserveCapacity(pairs.count * rules.count)
        for (offering, segment) in pairs {
            let activation = variables.activation(for: .init(offering: offering, segment: segment, scenario: scenario, overrides: subjectOverrides))
            for index in rules {
                let offerings = engine.ruleOfferings[index]
                let applies = offerings.isEmpty || offerings.contains(offering.id)
                firing.append(applies && engine.rules[index].program.evaluateCondition(activation) == true)
            }
        }
        return firing
    }

    /// The rules that fire in exactly one of the two states for some offering × segment that
    /// `changes` shows, in firing order.
    func rulesChanged(from old: Firing, to new: Firing, in changes: [AdviceDelta]) -> [String] {
        let changed = changes.compactMap { pairIndex(offering: $0.offering.id, segment: $0.segment.id) }
        return ruleIDs(changed.reduce(into: Set<Int>()) { $0.formUnion(flipped(from: old, to: new, pair: $1)) })
    }

    /// The positions in `pairs` of the pairs for which some rule fires in exactly one of the two states.
    func pairsChanged(from old: Firing, to new: Firing) -> [Int] {
        pairs.indices.filter { pair in rules.indices.contains { old[pair * rules.count + $0] != new[pair * rules.count + $0] } }
    }

    /// The positions in `rules` of the rules that fire in exactly one of the two states for one pair.
    func flipped(from old: Firing, to new: Firing, pair: Int) -> Set<Int> {
        Set(rules.indices.filter { old[pair * rules.count + $0] != new[pair * rules.count + $0] })
    }

    /// The ids of rules given by position in `rules`, in firing order.
    func ruleIDs(_ positions: Set<Int>) -> [String] {
        positions.sorted().map { engine.rules[rules[$0]].rule.id }
    }

    /// A rule's position in `rules`.
    func position(_ id: String) -> Int? {
        rules.firstIndex { engine.rules[$0].rule.id == id }
    }

    /// The position in `pairs` of an offering × segment.
    func pairIndex(offering: String, segment: String) -> Int? {
        pairs.firstIndex { $0.offering.id == offering && $0.segment.id == segment }
    }
}

extension ConditionCompiler.Compiled {
    /// Whether the condition reads the fact, or a variable other than a declared fact, the segment's
    /// id and size and the offering's levers (such a variable may be computed from the fact).
    func reads(_ fact: String, among workspace: Workspace) -> Bool {
        program.checked.referencedVariables.contains { name in
            name == fact || !(workspace.fact(name) != nil || name == "segment.id" || name == "segment.size" || name.hasPrefix("offering."))
        }
    }
}
