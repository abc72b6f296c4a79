import AdviserExpression

/// The names a rule's condition may read, each defined once with everything the tool needs to know
/// about it: its type (for the checker's declarations), the values it can take (for the static
/// analysis), and how to read it for one piece of advice (for the evaluator's activation).
///
/// The names are the facts of `facts.yaml`, then `segment.id`, `segment.size`, `offering.id`,
/// `offering.<lever>` for every lever id of any offering (except `id`), `rival.value_gap` and
/// `rival.price_gap`. A new name is one more `add`
/// in `init`; the checker, the analysis and the activation all follow.
///
/// **A lever id shared by several offerings** is one name: its kind (number or level) is the kind
/// of the first offering's lever with that id, in workspace order; a level lever may be compared
/// with a level of *any* of those offerings (the union of their levels, in first-seen order), and a
/// number lever ranges over the widest of their ranges. Each piece of advice reads what the
/// advised segment has today of the advised offering (its `buys:` setting, else the baseline).
struct ConditionVariables: Sendable {
    /// One name a condition may read.
    struct Variable: Sendable {
        let name: String
        let type: ExprType
        let kind: Kind
        /// Its declaration in `facts.yaml`, when it is a fact.
        let fact: Fact?
        /// Its value for one piece of advice; nil leaves it unset.
        let value: @Sendable (Subject) -> Value?
    }

    /// What a variable can be, from its declaration.
    enum Kind: Sendable {
        case numeric(min: Double, max: Double, integer: Bool)
        /// A closed set of values (enums, bools, `segment.id`, level levers…); for a text variable,
        /// conditions may compare it only with these.
        case values([String])
        /// Any text.
        case text
    }

    /// What one piece of advice is about: the values every variable is read from.
    struct Subject {
        let offering: Offering
        let segment: Segment
        let scenario: Scenario
        /// Fact values that replace the scenario's and the segment's, by full name.
        let overrides: [String: FactValue]
    }

    /// In declaration order: a variable's position is its slot in `declarations`.
    let variables: [Variable]
    /// The checker's view of `variables`, slot for slot.
    let declarations: Declarations

    init(workspace: Workspace) {
        var variables: [Variable] = []
        var names: Set<String> = []
        /// Declares a name; the first definition of a name wins.
        func add(_ name: String, _ type: ExprType, _ kind: Kind, fact: Fact? = nil, value: @escaping @Sendable (Subject) -> Value?) {
            guard names.insert(name).inserted else { return }
            variables.append(Variable(name: name, type: type, kind: kind, fact: fact, value: value))
        }
        for fact in workspace.facts {
            let (name, key, factKind) = (fact.name, fact.shortName, fact.kind)
            let fromScenario = fact.scope == "market"
            let value: @Sendable (Subject) -> Value? = { subject in
                let given = fromScenario ? subject.scenario.market[key] : subject.segment.facts[key]
                return (subject.overrides[name] ?? given?.value.value)?.expressionValue(as: factKind)
            }
            switch fact.kind {
            case .number, .integer:
                let kind = Kind.numeric(min: fact.min ?? -.infinity, max: fact.max ?? .infinity, integer: fact.kind == .integer)
                add(name, fact.kind == .integer ? .int : .double, kind, fact: fact, value: value)
            case .bool: add(name, .bool, .values(["true", "false"]), fact: fact, value: value)
            case .string: add(name, .string, .text, fact: fact, value: value)
            case .enumeration(let values): add(name, .string, .values(values), fact: fact, value: value)
            }
        }
        add("segment.id", .string, .values(workspace.segments.map(\.id))) { .string($0.segment.id) }
        add("segment.size", .string, .values(Segment.Size.allCases.map(\.rawValue))) { .string($0.segment.size.rawValue) }
        add("offering.id", .string, .values(workspace.offerings.map(\.id))) { .string($0.offering.id) }
        for (id, levers) in Self.leversByID(workspace) {
            let read: @Sendable (Subject) -> Value? = { subject in
                guard let lever = subject.offering.lever(id) else { return nil }
                let today = subject.segment.today(lever, of: subject.offering)
                return lever.kind == .level ? .string(lever.display(today)) : .double(today)
            }
            if levers[0].kind == .level {
                var levels: [String] = []
                for lever in levers { for level in lever.levels where !levels.contains(level) { levels.append(level) } }
                add("offering.\(id)", .string, .values(levels), value: read)
            } else {
                let kind = Kind.numeric(min: levers.map(\.min).min()!, max: levers.map(\.max).max()!, integer: false)
                add("offering.\(id)", .double, kind, value: read)
            }
        }
        // Today's standing against the best rival, under the segment's own weights (before any
        // rule emphasizes a driver: the rules read it, so it cannot depend on them). 0 without rivals.
        let rivals = workspace.rivals
        add("rival.value_gap", .double, .numeric(min: -100, max: 100, integer: false)) { subject in
            .double((RivalValuation.todayGap(rivals, subject.offering, subject.segment)?.valueGapToday ?? 0) * 100)
        }
        add("rival.price_gap", .double, .numeric(min: -.infinity, max: .infinity, integer: false)) { subject in
            .double(RivalValuation.todayGap(rivals, subject.offering, subject.segment)?.priceGapToday ?? 0)
        }
        self.variables = variables
        var declarations = Declarations()
        for variable in variables {
            var enumValues: [String]?
            if variable.type == .string, case .values(let values) = variable.kind { enumValues = values }
            declarations.declare(variable.name, type: variable.type, enumValues: enumValues)
        }
        self.declarations = declarations
    }

    /// Every lever id (but `id`, taken by `offering.id`) in first-seen order, with each offering's
    /// lever of that id, in workspace order.
    private static func leversByID(_ workspace: Workspace) -> [(id: String, levers: [Lever])] {
        var ids: [String] = []
        var seen: Set<String> = ["id"]
        for offering in workspace.offerings {
            for lever in offering.levers where seen.insert(lever.id).inserted { ids.append(lever.id) }
        }
        return ids.map { id in (id, workspace.offerings.compactMap { $0.lever(id) }) }
    }

    /// The values of every variable for one piece of advice, in slots of `declarations`.
    func activation(for subject: Subject) -> Activation {
        var activation = Activation(declarations: declarations)
        for (slot, variable) in variables.enumerated() {
            if let value = variable.value(subject) { activation[slot] = value }
        }
        return activation
    }
}
