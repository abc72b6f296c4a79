/// How a conjunction (or a disjunction of them) stands.
enum Satisfiability: Sendable {
    /// Some fact values make it hold: a witness state.
    case satisfiable(ConstraintState)
    /// It holds for some values if the undecided parts can hold too.
    case maybe(ConstraintState)
    /// It can never hold: the first failing conjunction, for the reason.
    case never(ConstraintState?)
}
