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
