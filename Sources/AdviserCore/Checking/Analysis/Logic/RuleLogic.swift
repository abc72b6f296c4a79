import AdviserExpression

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
        let reads: VariableSet
        /// Does the condition read `offering.*` (so joint satisfiability depends on the offering)?
        let readsOffering: Bool
        /// Variables that every satisfiable conjunction constrains (nil: none can hold).
        let alwaysConstrained: VariableSet?
        /// For a condition that is a single conjunction without undecided parts: the variables of
        /// its atoms that are not trivially true over the declared ranges. A rule can only imply it
        /// if it constrains them all.
        let required: VariableSet?
        /// What the condition allows at most, for skipping pairs that can never hold together.
        let bounds: ConditionBounds

        /// - Parameter checked: each of `rule.when.expressions` as checked, nil where it has errors.
        init(rule: Rule, order: Int, space: ConditionSpace, checked: ArraySlice<CheckedExpression?>) {
            self.rule = rule
            self.order = order
            let (formula, reads) = space.analyse(rule.when, checked: checked)
            let states = formula.disjunctiveNormalForm(limit: space.limit)?.map { space.state($0) }
            let negation = formula.negated.disjunctiveNormalForm(limit: space.limit)
            self.states = states
            self.negation = negation
            if let states {
                reachability = space.decide(states)
            } else {
                reachability = .maybe(ConstraintState(undecided: [(rule.when.combinedText, true)]))
            }
            self.reads = reads
            readsOffering = !reads.intersection(space.offeringVariables).isEmpty
            var always: VariableSet?
            for state in states ?? [] where !state.isEmpty {
                var constrained = VariableSet(state.domains.map(\.variable))
                // An id fixes the size too (segments tie them).
                if let id = space.segmentID, let size = space.segmentSize, constrained.contains(id) { constrained.insert(size) }
                always = always.map { $0.intersection(constrained) } ?? constrained
            }
            alwaysConstrained = always
            var required: VariableSet?
            if let negation, negation.allSatisfy({ $0.count == 1 }), negation.allSatisfy({ $0[0].variable != nil }) {
                // A single conjunction: its negation is one atom per alternative.
                required = VariableSet(negation.compactMap { atoms in space.state(atoms).isEmpty ? nil : atoms[0].variable })
            }
            self.required = required
            bounds = ConditionBounds(states, space: space)
        }
    }

    let space: ConditionSpace
    let entries: [Entry]

    /// - Parameter conditions: the conditions as the load checked them; nil: checked here.
    init(workspace: Workspace, conditions: CheckedConditions? = nil) {
        let compiler = ConditionCompiler(workspace: workspace)
        let space = ConditionSpace(variables: compiler.variables, segments: workspace.segments)
        self.space = space
        let conditions = conditions ?? compiler.check(workspace, keeping: true).conditions
        let rules = workspace.rules
        let order = AdviceEngine.firingOrder(rules.map(\.priority))
        // Each rule's condition is analysed on its own.
        entries = Array(order.enumerated()).parallelMapInSlices { order, position in
            let rule = rules[position]
            let checked = conditions?.expressions(of: rule, at: position) ?? ArraySlice(rule.when.expressions.map(compiler.checked))
            return Entry(rule: rule, order: order, space: space, checked: checked)
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
        guard mayImply(a, required: b.required), let states = a.states, let negation = b.negation else { return false }
        for state in states where !state.isEmpty {
            for conjunct in negation {
                let joint = space.apply(conjunct, to: state)
                // Satisfiable, or undecided: no certain implication.
                if !joint.isEmpty { return false }
            }
        }
        return true
    }

    /// The quick refusal of `implies(a, b)`, given `b.required`: false when `b` constrains a variable
    /// that some alternative of `a` leaves free, so that alternative holds with `b` false. (`b` has
    /// no `required` when it has undecided parts: `a` may repeat them.)
    func mayImply(_ a: Entry, required: VariableSet?) -> Bool {
        guard let required, let constrained = a.alwaysConstrained else { return true }
        return required.isSubset(of: constrained)
    }
}
