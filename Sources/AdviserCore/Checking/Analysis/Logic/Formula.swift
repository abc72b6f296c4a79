/// A condition in negation normal form: the shared logic of the static analyses. A rule's
/// condition is a disjunction of conjunctions of simple constraints on variables (intervals for
/// numbers, value sets for enums, strings and bools), decided over their declared ranges. Anything
/// else (arithmetic, functions, comparisons of two facts) is kept as an opaque "undecided" atom, so
/// the analyses say "maybe" only there.
indirect enum Formula: Sendable {
    case atom(Atom)
    case and([Formula])
    case or([Formula])
    case constant(Bool)

    var negated: Formula {
        switch self {
        case .constant(let b): .constant(!b)
        case .atom(let a): .atom(a.negated)
        case .and(let parts): .or(parts.map(\.negated))
        case .or(let parts): .and(parts.map(\.negated))
        }
    }
}
