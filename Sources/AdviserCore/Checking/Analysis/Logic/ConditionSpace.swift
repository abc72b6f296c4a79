/// The variables conditions read, as the analyses see them, and the deciding of conjunctions of
/// atoms over their declared ranges (see `Formula`). Conditions become formulas in
/// `ConditionSpace+Formulas.swift`, and decided conjunctions are put in words in
/// `ConditionSpace+Witness.swift`.
struct ConditionSpace: Sendable {
    /// The workspace's condition variables; an atom's variable is a position in this list.
    let variables: [ConditionVariables.Variable]
    let names: [String]
    let kinds: [ConditionVariables.Kind]
    /// Whether each variable is a number: read for every atom of every condition, where copying
    /// its kind out of `kinds` retained the kind's list of values, which every thread shares.
    let isNumeric: [Bool]
    let index: [String: Int]
    /// Each variable's position among the names sorted, for listing variables by name.
    let rankByName: [Int]
    /// Every segment's id and size: `segment.id` and `segment.size` are tied to each other.
    let segments: [(id: String, size: String)]
    let segmentID: Int?
    let segmentSize: Int?
    /// The variables `offering.*`: whether two conditions hold together may depend on the offering.
    let offeringVariables: VariableSet
    /// At most this many conjunctions per condition; beyond, the condition is left undecided.
    var limit = 64

    init(variables: ConditionVariables, segments: [Segment]) {
        let names = variables.variables.map(\.name)
        self.variables = variables.variables
        self.names = names
        self.kinds = variables.variables.map(\.kind)
        self.isNumeric = kinds.map { if case .numeric = $0 { true } else { false } }
        self.index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var rank = Array(repeating: 0, count: names.count)
        for (position, v) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() { rank[v] = position }
        self.rankByName = rank
        self.segments = segments.map { ($0.id, $0.size.rawValue) }
        self.segmentID = index["segment.id"]
        self.segmentSize = index["segment.size"]
        self.offeringVariables = VariableSet(names.indices.filter { names[$0].hasPrefix("offering.") })
    }

    init(workspace: Workspace) {
        self.init(variables: ConditionVariables(workspace: workspace), segments: workspace.segments)
    }

    /// Is the variable a bool (its values `true` and `false`, written without quotes)?
    func isBool(_ v: Int) -> Bool { variables[v].type == .bool }

    // MARK: - Deciding

    func state(_ atoms: [Atom]) -> ConstraintState {
        apply(atoms, to: ConstraintState())
    }

    func apply(_ atoms: [Atom], to start: ConstraintState) -> ConstraintState {
        var state = start
        for atom in atoms {
            if state.isEmpty { break }
            state.atoms.append(atom)
            switch atom {
            case .undecided(let text, let positive):
                if state.undecided.contains(where: { $0.text == text && $0.positive != positive }) {
                    state.emptied = -1
                } else if !state.undecided.contains(where: { $0.text == text }) {
                    state.undecided.append((text, positive))
                }
            case .compare(let v, let op, let value):
                let slot = domainSlot(v, in: &state)
                guard case .numeric(var domain) = state.domains[slot].domain else { continue }
                domain.apply(op, value)
                state.domains[slot].domain = .numeric(domain)
                if domain.isEmpty { state.emptied = v }
            case .member(let v, let values, let negated):
                let slot = domainSlot(v, in: &state)
                guard case .values(var domain) = state.domains[slot].domain else { continue }
                domain.apply(values, negated: negated)
                state.domains[slot].domain = .values(domain)
                if domain.witness == nil { state.emptied = v }
            }
        }
        checkSegments(&state)
        return state
    }

    /// When a conjunction constrains both `segment.id` and `segment.size`, a segment must have both
    /// (only both: a rule for a size no segment has yet is fine, new segments may come).
    private func checkSegments(_ state: inout ConstraintState) {
        guard !state.isEmpty, segmentPair(state) == nil, let size = segmentSize,
              state.domains.contains(where: { $0.variable == segmentID }), state.domains.contains(where: { $0.variable == size })
        else { return }
        state.emptied = size
    }

    /// The first segment that fits the conjunction's `segment.id` and `segment.size` (nil when none,
    /// or when they are not both constrained and so need no segment).
    func segmentPair(_ state: ConstraintState) -> (id: String, size: String)? {
        guard let idSlot = state.domains.first(where: { $0.variable == segmentID }),
              let sizeSlot = state.domains.first(where: { $0.variable == segmentSize }),
              case .values(let ids) = idSlot.domain, case .values(let sizes) = sizeSlot.domain else { return nil }
        return segments.first { ids.allows($0.id) && sizes.allows($0.size) }
    }

    private func domainSlot(_ v: Int, in state: inout ConstraintState) -> Int {
        if let slot = state.domains.firstIndex(where: { $0.variable == v }) { return slot }
        let domain: Domain
        switch kinds[v] {
        case .numeric(let min, let max, let integer): domain = .numeric(NumericDomain(low: min, high: max, integer: integer))
        case .values(let universe): domain = .values(ValueDomain(universe: universe))
        case .text: domain = .values(ValueDomain(universe: nil))
        }
        state.domains.append((v, domain))
        return state.domains.count - 1
    }

    /// Can any of these conjunctions hold?
    func decide(_ states: [ConstraintState]) -> Satisfiability {
        var maybe: ConstraintState?
        for state in states where !state.isEmpty {
            if state.undecided.isEmpty { return .satisfiable(state) }
            if maybe == nil { maybe = state }
        }
        if let maybe { return .maybe(maybe) }
        return .never(states.first)
    }
}
