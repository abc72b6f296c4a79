/// The static analyses `adviser validate` runs once a workspace has no errors: rules that conflict,
/// can never fire or are always overridden; facts, drivers and levers nothing uses; rules no test
/// names; and advice that cannot hold value. Every finding is a warning (`--strict` fails on them).
public struct WorkspaceAnalyzer: Sendable {
    public let workspace: Workspace
    /// Run the advice for every offering × segment × scenario (value-cannot-hold).
    public var adviseEverything = true

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    public func analyze() -> [Diagnostic] {
        var ignored: [(analysis: String, seconds: Double)] = []
        return analyze(timings: &ignored)
    }

    /// The same, recording how long each analysis took (seconds), for the benchmark.
    public func analyze(timings: inout [(analysis: String, seconds: Double)]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func timed<T>(_ name: String, _ work: () -> T) -> T {
            let start = ContinuousClock.now
            let result = work()
            let elapsed = ContinuousClock.now - start
            timings.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            return result
        }
        let logic = timed("conditions") { RuleLogic(workspace: workspace) }
        diagnostics += timed("unreachable-rule") { ReachabilityAnalysis(logic: logic).run() }
        diagnostics += timed("conflict") { ConflictAnalysis(logic: logic, workspace: workspace).run() }
        diagnostics += timed("shadowed-adjustment") { ShadowAnalysis(logic: logic).run() }
        diagnostics += timed("unused") {
            UnusedFactAnalysis(logic: logic, workspace: workspace).run() + UnusedDriverAnalysis(workspace: workspace).run()
                + UnusedLeverAnalysis(workspace: workspace).run() + UntestedRuleAnalysis(workspace: workspace).run()
        }
        if adviseEverything { diagnostics += timed("value-cannot-hold") { ValueHoldAnalysis(workspace: workspace).run() } }
        return diagnostics.sorted()
    }
}

/// Every rule's condition in disjunctive normal form, decided once and shared by the analyses.
struct RuleLogic: Sendable {
    struct Entry: Sendable {
        var rule: Rule
        /// Position in firing order (priority, then file, then written order).
        var order: Int
        /// The conjunctions of the condition, each already applied to the declared ranges; nil when
        /// the condition is too large to expand (treated as undecided).
        var states: [ConstraintState]?
        /// The conjunctions of the negated condition (atoms only).
        var negation: [[Atom]]?
        var reachability: Satisfiability
        /// Does the condition read `offering.*` (so joint satisfiability depends on the offering)?
        var readsOffering: Bool
    }

    let space: ConditionSpace
    let entries: [Entry]

    init(workspace: Workspace) {
        let space = ConditionSpace(workspace: workspace)
        self.space = space
        let rules = workspace.rules.enumerated()
            .sorted { ($1.element.priority, $0.offset) < ($0.element.priority, $1.offset) }
            .map(\.element)
        entries = rules.enumerated().map { order, rule in
            let formula = space.formula(of: rule.when)
            let states = space.disjunctiveNormalForm(formula)?.map { space.state($0) }
            let negation = space.disjunctiveNormalForm(ConditionSpace.negate(formula))
            let reachability: Satisfiability
            if let states {
                reachability = space.decide(states)
            } else {
                reachability = .maybe(ConstraintState(undecided: [(rule.when.combinedText, true)]))
            }
            let readsOffering = space.mentioned(in: rule.when).contains { $0.hasPrefix("offering.") }
            return Entry(
                rule: rule, order: order, states: states, negation: negation, reachability: reachability, readsOffering: readsOffering)
        }
    }

    /// Can both rules' conditions hold at once, with the extra atoms (an offering's own facts)?
    func together(_ a: Entry, _ b: Entry, extra: [Atom] = []) -> Satisfiability {
        guard let left = a.states, let right = b.states else {
            return .maybe(ConstraintState(undecided: [("the conditions of '\(a.rule.id)' and '\(b.rule.id)'", true)]))
        }
        var maybe: ConstraintState?
        for l in left where !l.isEmpty {
            for r in right where !r.isEmpty {
                let joint = space.apply(extra, to: space.apply(r.atoms, to: l))
                guard !joint.isEmpty else { continue }
                if joint.undecided.isEmpty { return .satisfiable(joint) }
                if maybe == nil { maybe = joint }
            }
        }
        return maybe.map(Satisfiability.maybe) ?? .never(nil)
    }

    /// Does `a`'s condition holding always mean `b`'s holds too? Only a certain yes counts.
    func implies(_ a: Entry, _ b: Entry) -> Bool {
        guard let states = a.states, let negation = b.negation else { return false }
        for state in states where !state.isEmpty {
            for conjunct in negation {
                let joint = space.apply(conjunct, to: state)
                // Satisfiable, or undecided: no certain implication.
                if !joint.isEmpty { return false }
            }
        }
        return true
    }
}
