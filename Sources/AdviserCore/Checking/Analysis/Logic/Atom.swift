/// One constraint of a conjunction. Variables are slots of `ConditionVariables` (indexes into
/// `ConditionSpace.names`).
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
