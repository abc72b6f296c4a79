import AdviserExpression

// The logic the static analyses share: a rule's condition as a disjunction of conjunctions of
// simple constraints on facts (intervals for numbers, value sets for enums, strings and bools),
// decided over the facts' declared ranges. Anything else (arithmetic, functions, comparisons of two
// facts) is kept as an opaque "undecided" part, so the analyses say "maybe" only there.

/// What a variable a condition reads can be, from its declaration.
enum VariableKind: Sendable {
    case numeric(min: Double, max: Double, integer: Bool)
    /// A closed set of values (enums, bools, `segment.id`, level levers…).
    case values([String])
    /// Any text.
    case text
}

/// The comparison operators on a number.
enum Comparison: Hashable, Sendable {
    case less, lessEqual, greater, greaterEqual, equal, notEqual

    init?(function: String) {
        switch function {
        case Operator.less: self = .less
        case Operator.lessEqual: self = .lessEqual
        case Operator.greater: self = .greater
        case Operator.greaterEqual: self = .greaterEqual
        case Operator.equal: self = .equal
        case Operator.notEqual: self = .notEqual
        default: return nil
        }
    }

    var negated: Comparison {
        switch self {
        case .less: .greaterEqual
        case .lessEqual: .greater
        case .greater: .lessEqual
        case .greaterEqual: .less
        case .equal: .notEqual
        case .notEqual: .equal
        }
    }

    /// `3 < x` is `x > 3`.
    var mirrored: Comparison {
        switch self {
        case .less: .greater
        case .lessEqual: .greaterEqual
        case .greater: .less
        case .greaterEqual: .lessEqual
        case .equal, .notEqual: self
        }
    }

    var symbol: String {
        switch self {
        case .less: "<"
        case .lessEqual: "<="
        case .greater: ">"
        case .greaterEqual: ">="
        case .equal: "=="
        case .notEqual: "!="
        }
    }
}

/// One constraint of a conjunction. Variables are interned as indexes into `ConditionSpace.names`.
enum Atom: Hashable, Sendable {
    case compare(variable: Int, Comparison, Double)
    /// The variable is one of `values` (or, negated, none of them).
    case member(variable: Int, values: [String], negated: Bool)
    /// A part the analysis cannot decide, by its source text.
    case undecided(text: String, positive: Bool)

    var negated: Atom {
        switch self {
        case .compare(let v, let op, let value): .compare(variable: v, op.negated, value)
        case .member(let v, let values, let negated): .member(variable: v, values: values, negated: !negated)
        case .undecided(let text, let positive): .undecided(text: text, positive: !positive)
        }
    }

    var variable: Int? {
        switch self {
        case .compare(let v, _, _), .member(let v, _, _): v
        case .undecided: nil
        }
    }
}

/// A condition in negation normal form.
indirect enum Formula: Sendable {
    case atom(Atom)
    case and([Formula])
    case or([Formula])
    case constant(Bool)
}

/// A number's possible values: an interval minus some points.
struct NumericDomain: Sendable {
    var low: Double
    var lowOpen = false
    var high: Double
    var highOpen = false
    var excluded: [Double] = []
    var integer: Bool

    mutating func apply(_ op: Comparison, _ value: Double) {
        switch op {
        case .less: tightenHigh(value, open: true)
        case .lessEqual: tightenHigh(value, open: false)
        case .greater: tightenLow(value, open: true)
        case .greaterEqual: tightenLow(value, open: false)
        case .equal:
            tightenLow(value, open: false)
            tightenHigh(value, open: false)
        case .notEqual: excluded.append(value)
        }
    }

    private mutating func tightenLow(_ value: Double, open: Bool) {
        if value > low || (value == low && open) { low = value; lowOpen = open }
    }

    private mutating func tightenHigh(_ value: Double, open: Bool) {
        if value < high || (value == high && open) { high = value; highOpen = open }
    }

    /// A value in the domain, or nil when it is empty.
    var witness: Double? {
        if integer {
            var first = low.rounded(.up)
            if lowOpen && first == low { first += 1 }
            var last = high.rounded(.down)
            if highOpen && last == high { last -= 1 }
            guard first <= last else { return nil }
            var candidate = first
            for _ in 0..<(excluded.count + 1) {
                if candidate > last { return nil }
                if !excluded.contains(candidate) { return candidate }
                candidate += 1
            }
            return nil
        }
        if low > high || (low == high && (lowOpen || highOpen)) { return nil }
        if low == high { return excluded.contains(low) ? nil : low }
        // An interval with more than one point: finitely many exclusions cannot empty it.
        var candidates: [Double] = []
        if !lowOpen && low.isFinite { candidates.append(low) }
        if !highOpen && high.isFinite { candidates.append(high) }
        switch (low.isFinite, high.isFinite) {
        case (true, true):
            let n = Double(excluded.count + 2)
            candidates += (1...(excluded.count + 1)).map { low + (high - low) * Double($0) / n }
        case (true, false): candidates += (1...(excluded.count + 2)).map { low + Double($0) }
        case (false, true): candidates += (1...(excluded.count + 2)).map { high - Double($0) }
        case (false, false): candidates += (0...(excluded.count + 1)).map { Double($0) }
        }
        return candidates.first { !excluded.contains($0) && contains($0) }
    }

    private func contains(_ value: Double) -> Bool {
        (lowOpen ? value > low : value >= low) && (highOpen ? value < high : value <= high)
    }
}

/// A text's possible values: a closed universe (or any text), narrowed by allowed and excluded sets.
struct ValueDomain: Sendable {
    /// nil: any text.
    var universe: [String]?
    var allowed: [String]?
    var excluded: [String] = []

    mutating func apply(_ values: [String], negated: Bool) {
        if negated {
            excluded += values
        } else {
            allowed = allowed.map { current in current.filter { values.contains($0) } } ?? values
        }
    }

    func allows(_ value: String) -> Bool {
        ((allowed ?? universe)?.contains(value) ?? true) && !excluded.contains(value)
    }

    var witness: String? {
        if let candidates = allowed ?? universe {
            return candidates.first { !excluded.contains($0) && (universe?.contains($0) ?? true) }
        }
        var candidate = "other"
        while excluded.contains(candidate) { candidate += "_" }
        return candidate
    }
}

enum Domain: Sendable {
    case numeric(NumericDomain)
    case values(ValueDomain)
}

/// A conjunction of atoms, with each constrained variable's remaining domain.
struct ConstraintState: Sendable {
    var domains: [(variable: Int, domain: Domain)] = []
    /// Undecided parts, by text and polarity.
    var undecided: [(text: String, positive: Bool)] = []
    /// Every atom applied, for explanations.
    var atoms: [Atom] = []
    /// The variable whose domain became empty (or -1 for contradicting undecided parts).
    var emptied: Int?

    var isEmpty: Bool { emptied != nil }
}

/// How a conjunction (or a disjunction of them) stands.
enum Satisfiability: Sendable {
    /// Some fact values make it hold: a witness state.
    case satisfiable(ConstraintState)
    /// It holds for some values if the undecided parts can hold too.
    case maybe(ConstraintState)
    /// It can never hold: the first failing conjunction, for the reason.
    case never(ConstraintState?)
}

/// The variables of a workspace and the translation of conditions into constraints.
struct ConditionSpace: Sendable {
    let names: [String]
    let kinds: [VariableKind]
    let index: [String: Int]
    let factRanges: [String: String]
    /// Every segment's id and size: `segment.id` and `segment.size` are tied to each other.
    let segments: [(id: String, size: String)]
    let segmentID: Int?
    let segmentSize: Int?
    /// At most this many conjunctions per condition; beyond, the condition is left undecided.
    var limit = 64

    init(workspace: Workspace) {
        var names: [String] = []
        var kinds: [VariableKind] = []
        var ranges: [String: String] = [:]
        func add(_ name: String, _ kind: VariableKind) {
            guard !names.contains(name) else { return }
            names.append(name)
            kinds.append(kind)
        }
        for fact in workspace.facts {
            switch fact.kind {
            case .number, .integer:
                add(fact.name, .numeric(min: fact.min ?? -.infinity, max: fact.max ?? .infinity, integer: fact.kind == .integer))
                if fact.min != nil || fact.max != nil {
                    ranges[fact.name] = (fact.min.map { formatNumber($0) } ?? "") + ".." + (fact.max.map { formatNumber($0) } ?? "")
                }
            case .bool: add(fact.name, .values(["true", "false"]))
            case .string: add(fact.name, .text)
            case .enumeration(let values):
                add(fact.name, .values(values))
                ranges[fact.name] = "one of " + values.joined(separator: ", ")
            }
        }
        add("segment.id", .values(workspace.segments.map(\.id)))
        add("segment.size", .values(Segment.Size.allCases.map(\.rawValue)))
        add("offering.id", .values(workspace.offerings.map(\.id)))
        var leverIDs: [String] = []
        for offering in workspace.offerings {
            for lever in offering.levers where !leverIDs.contains(lever.id) && lever.id != "id" { leverIDs.append(lever.id) }
        }
        for id in leverIDs {
            let levers = workspace.offerings.compactMap { $0.lever(id) }
            if levers[0].kind == .level {
                var levels: [String] = []
                for lever in levers { for level in lever.levels where !levels.contains(level) { levels.append(level) } }
                add("offering.\(id)", .values(levels))
            } else {
                add("offering.\(id)", .numeric(
                    min: levers.map(\.min).min() ?? -.infinity, max: levers.map(\.max).max() ?? .infinity, integer: false))
            }
        }
        self.names = names
        self.kinds = kinds
        self.index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        self.factRanges = ranges
        self.segments = workspace.segments.map { ($0.id, $0.size.rawValue) }
        self.segmentID = index["segment.id"]
        self.segmentSize = index["segment.size"]
    }

    // MARK: - From conditions to formulas

    /// A rule's condition as a formula, and every declared variable it reads anywhere (also inside
    /// undecided parts); each expression is parsed once, on its own.
    func analyse(_ condition: Condition) -> (formula: Formula, reads: Set<Int>) {
        switch condition {
        case .expression(let source):
            guard case .success(let parsed) = Parser.parse(source.text) else {
                return (.atom(.undecided(text: source.text, positive: true)), [])
            }
            var reads: Set<Int> = []
            var stack = [parsed.root]
            while let e = stack.popLast() {
                if let v = variable(e) {
                    reads.insert(v)
                } else {
                    stack += e.children
                }
            }
            return (formula(parsed.root, positive: true, parsed), reads)
        case .all(let parts), .any(let parts):
            let analysed = parts.map(analyse)
            let formulas = analysed.map(\.formula)
            let reads = analysed.reduce(into: Set<Int>()) { $0.formUnion($1.reads) }
            if case .all = condition { return (.and(formulas), reads) }
            return (.or(formulas), reads)
        }
    }

    func formula(_ e: Expr, positive: Bool, _ parsed: ParsedExpression) -> Formula {
        var opaque: Formula { .atom(.undecided(text: parsed.text(of: e).trimmingCharacters(in: .whitespaces), positive: positive)) }
        switch e.kind {
        case .literal(.bool(let b)):
            return .constant(b == positive)
        case .call(let function, nil, let args):
            switch function {
            case Operator.logicalAnd where args.count == 2:
                let parts = args.map { formula($0, positive: positive, parsed) }
                return positive ? .and(parts) : .or(parts)
            case Operator.logicalOr where args.count == 2:
                let parts = args.map { formula($0, positive: positive, parsed) }
                return positive ? .or(parts) : .and(parts)
            case Operator.logicalNot where args.count == 1:
                return formula(args[0], positive: !positive, parsed)
            case Operator.in where args.count == 2:
                guard let v = variable(args[0]), case .list(let items) = args[1].kind else { return opaque }
                switch kinds[v] {
                case .numeric:
                    let numbers = items.compactMap(number)
                    guard numbers.count == items.count else { return opaque }
                    let atoms = numbers.map { Formula.atom(.compare(variable: v, positive ? .equal : .notEqual, $0)) }
                    return positive ? .or(atoms) : .and(atoms)
                case .values, .text:
                    let words = items.compactMap(word)
                    guard words.count == items.count else { return opaque }
                    return .atom(.member(variable: v, values: words, negated: !positive))
                }
            default:
                guard let op = Comparison(function: function), args.count == 2 else { return opaque }
                var (lhs, rhs, comparison) = (args[0], args[1], op)
                if variable(lhs) == nil { (lhs, rhs, comparison) = (rhs, lhs, op.mirrored) }
                guard let v = variable(lhs) else { return opaque }
                switch kinds[v] {
                case .numeric:
                    guard let value = number(rhs) else { return opaque }
                    return .atom(.compare(variable: v, positive ? comparison : comparison.negated, value))
                case .values, .text:
                    guard comparison == .equal || comparison == .notEqual, let value = word(rhs) else { return opaque }
                    return .atom(.member(variable: v, values: [value], negated: (comparison == .notEqual) == positive))
                }
            }
        case .identifier, .select:
            if let v = variable(e), case .values(let universe) = kinds[v], universe == ["true", "false"] {
                return .atom(.member(variable: v, values: ["true"], negated: !positive))
            }
            return opaque
        default:
            return opaque
        }
    }

    /// The declared variable a name (`market.phase`, `.market.phase`) reads.
    func variable(_ e: Expr) -> Int? {
        guard let parts = Self.qualifiedParts(e) else { return nil }
        var name = parts.joined(separator: ".")
        if name.hasPrefix(".") { name.removeFirst() }
        return index[name]
    }

    static func qualifiedParts(_ e: Expr) -> [String]? {
        switch e.kind {
        case .identifier(let n): [n]
        case .select(let operand, let field, false): qualifiedParts(operand).map { $0 + [field] }
        default: nil
        }
    }

    private func number(_ e: Expr) -> Double? {
        switch e.kind {
        case .literal(.int(let i)): Double(i)
        case .literal(.uint(let u)): Double(u)
        case .literal(.double(let d)): d
        case .call(Operator.negate, nil, let args) where args.count == 1: number(args[0]).map { -$0 }
        default: nil
        }
    }

    private func word(_ e: Expr) -> String? {
        switch e.kind {
        case .literal(.string(let s)): s
        case .literal(.bool(let b)): String(b)
        default: nil
        }
    }

    // MARK: - Disjunctive normal form

    /// The formula as a list of conjunctions of atoms; nil when it would exceed `limit`.
    func disjunctiveNormalForm(_ formula: Formula) -> [[Atom]]? {
        switch formula {
        case .constant(let b): return b ? [[]] : []
        case .atom(let atom): return [[atom]]
        case .or(let parts):
            var result: [[Atom]] = []
            for part in parts {
                guard let terms = disjunctiveNormalForm(part) else { return nil }
                result += terms
                if result.count > limit { return nil }
            }
            return result
        case .and(let parts):
            var result: [[Atom]] = [[]]
            for part in parts {
                guard let terms = disjunctiveNormalForm(part) else { return nil }
                var next: [[Atom]] = []
                for a in result {
                    for b in terms {
                        next.append(a + b)
                        if next.count > limit { return nil }
                    }
                }
                result = next
            }
            return result
        }
    }

    static func negate(_ formula: Formula) -> Formula {
        switch formula {
        case .constant(let b): .constant(!b)
        case .atom(let a): .atom(a.negated)
        case .and(let parts): .or(parts.map(negate))
        case .or(let parts): .and(parts.map(negate))
        }
    }

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
                if domain.witness == nil { state.emptied = v }
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

    // MARK: - Words

    /// A value a witness gives a variable.
    enum WitnessValue: Equatable, Sendable {
        case number(Double), text(String), bool(Bool)
    }

    /// Values for the variables a conjunction constrains (a segment's id and size from one segment),
    /// sorted by name.
    /// - Parameter only: the variables worth naming (those the conditions read); nil names all.
    func witnessValues(_ state: ConstraintState, only: Set<Int>? = nil) -> [(name: String, value: WitnessValue)] {
        var values: [(name: String, value: WitnessValue)] = []
        let pair = segmentPair(state)
        for (v, domain) in state.domains.sorted(by: { names[$0.variable] < names[$1.variable] }) where only?.contains(v) ?? true {
            if let pair, v == segmentID || v == segmentSize {
                values.append((names[v], .text(v == segmentID ? pair.id : pair.size)))
                continue
            }
            switch domain {
            case .numeric(let d):
                if let w = d.witness { values.append((names[v], .number(w))) }
            case .values(let d):
                guard let w = d.witness else { continue }
                if case .values(let u) = kinds[v], u == ["true", "false"] {
                    values.append((names[v], .bool(w == "true")))
                } else {
                    values.append((names[v], .text(w)))
                }
            }
        }
        return values
    }

    /// `market.phase = "downturn", segment.price_sensitivity = 0.5`.
    func witness(_ state: ConstraintState, only: Set<Int>? = nil) -> String {
        let parts = witnessValues(state, only: only).map { name, value in
            switch value {
            case .number(let n): "\(name) = \(formatNumber(n))"
            case .text(let t): "\(name) = \"\(t)\""
            case .bool(let b): "\(name) = \(b)"
            }
        }
        var text = parts.isEmpty ? "always" : parts.joined(separator: ", ")
        let undecided = state.undecided.map { $0.positive ? $0.text : "!(\($0.text))" }
        if !undecided.isEmpty { text += " (if " + undecided.joined(separator: " and ") + " can hold too)" }
        return text
    }

    func text(_ atom: Atom) -> String {
        switch atom {
        case .compare(let v, let op, let value): return "\(names[v]) \(op.symbol) \(formatNumber(value))"
        case .member(let v, let values, let negated):
            let quoted = values.map { word in
                if case .values(let u) = kinds[v], u == ["true", "false"] { return word }
                return "\"\(word)\""
            }
            if values.count == 1 { return "\(names[v]) \(negated ? "!=" : "==") \(quoted[0])" }
            return (negated ? "!(" : "") + "\(names[v]) in [\(quoted.joined(separator: ", "))]" + (negated ? ")" : "")
        case .undecided(let text, let positive): return positive ? text : "!(\(text))"
        }
    }

    /// Why a conjunction cannot hold: the constraints on the variable that ran out of values.
    func reason(_ state: ConstraintState) -> String {
        guard let v = state.emptied else { return "it is always false" }
        if v < 0 {
            let texts = state.undecided.map(\.text)
            return "it requires both \(texts.first ?? "a part") and its opposite"
        }
        if v == segmentSize, state.domains.contains(where: { $0.variable == segmentID }) {
            let texts = state.atoms.filter { $0.variable == segmentID || $0.variable == segmentSize }.map(text)
            return "no segment has " + texts.joined(separator: " and ")
        }
        let texts = state.atoms.filter { $0.variable == v }.map(text)
        var reason = texts.count == 1 ? "\(texts[0]) can never hold" : texts.joined(separator: " and ") + " cannot hold at once"
        if let range = factRanges[names[v]] { reason += " (\(names[v]) is declared \(range))" }
        return reason
    }
}
