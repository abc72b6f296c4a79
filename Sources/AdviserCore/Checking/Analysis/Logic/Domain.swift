/// What a constrained variable can still be, within one conjunction.
enum Domain: Sendable {
    case numeric(NumericDomain)
    case values(ValueDomain)
}
