/// Every rule's condition in disjunctive normal form, decided once and shared by the analyses.
struct RuleLogic: Sendable {
    /// A class: the analyses pass entries around a lot, and copying a rule each time is costly.
    final class Entry: Sendable {
        let rule: Rule
        /// Position in firing order (priority, then file, then written order).
        let order: Int
        /// The conjunctions of the condition, each already applied to the declared ranges; nil when
        /// the condition is too large to expand (treated as undecided).
        let states: [ConstraintState]?
        /// The conjunctions of the negated condition (atoms only).
        let negation: [[Atom]]?
        let reachability: Satisfiability
        /// Every declared variable the condition reads.
        let reads: Set<Int>
        /// Does the condition read `offering.*` (so joint satisfiability depends on the offering)?
        let readsOffering: Bool
        /// Variables that every satisfiable conjunction constrains (nil: none can hold).
        let alwaysConstrained: Set<Int>?
        /// For a condition that is a single conjunction: the variables of its atoms that are not
        /// trivially true over the declared ranges. A rule can only imply it if it constrains them all.
        let required: Set<Int>?

        init(
            rule: Rule, order: Int, states: [ConstraintState]?, negation: [[Atom]]?, reachability: Satisfiability, reads: Set<Int>,
            readsOffering: Bool, alwaysConstrained: Set<Int>?, required: Set<Int>?
        ) {
            self.rule = rule
            self.order = order
            self.states = states
            self.negation = negation
            self.reachability = reachability
            self.reads = reads
            self.readsOffering = readsOffering
            self.alwaysConstrained = alwaysConstrained
            self.required = required
        }
    }

    let space: ConditionSpace
    let entries: [Entry]

    init(workspace: Workspace) {
        let compiler = ConditionCompiler(workspace: workspace)
        let space = ConditionSpace(variables: compiler.variables, segments: workspace.segments)
        self.space = space
        let rules = workspace.rules.enumerated()
            .sorted { ($1.element.priority, $0.offset) < ($0.element.priority, $1.offset) }
            .map(\.element)
        entries = rules.enumerated().map { order, rule in
            let (formula, reads) = space.analyse(rule.when, compiler: compiler)
            let states = formula.disjunctiveNormalForm(limit: space.limit)?.map { space.state($0) }
            let negation = formula.negated.disjunctiveNormalForm(limit: space.limit)
            let reachability: Satisfiability
            if let states {
                reachability = space.decide(states)
            } else {
                reachability = .maybe(ConstraintState(undecided: [(rule.when.combinedText, true)]))
            }
            let readsOffering = reads.contains { space.names[$0].hasPrefix("offering.") }
            var always: Set<Int>?
            for state in states ?? [] where !state.isEmpty {
                var constrained = Set(state.domains.map(\.variable))
                // An id fixes the size too (segments tie them).
                if let id = space.segmentID, let size = space.segmentSize, constrained.contains(id) { constrained.insert(size) }
                always = always.map { $0.intersection(constrained) } ?? constrained
            }
            var required: Set<Int>?
            if let negation, negation.allSatisfy({ $0.count == 1 }) {
                // A single conjunction: its negation is one atom per alternative.
                required = Set(negation.compactMap { atoms -> Int? in
                    guard let v = atoms[0].variable else { return -1 }
                    return space.state(atoms).isEmpty ? nil : v
                })
            }
            return Entry(
                rule: rule, order: order, states: states, negation: negation, reachability: reachability, reads: reads,
                readsOffering: readsOffering, alwaysConstrained: always, required: required)
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
        // Quick refusal: `b` constrains a variable that some alternative of `a` leaves free, so that
        // alternative holds with `b` false. (Not when `b` has undecided parts, marked -1: `a` may
        // repeat them.)
        if let required = b.required, !required.contains(-1), let constrained = a.alwaysConstrained,
           !required.isSubset(of: constrained) {
            return false
        }
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
