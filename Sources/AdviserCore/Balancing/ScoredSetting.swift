/// A complete setting with its totals: one position (into `ObjectiveLevers`) per lever, the summed
/// value and the cost under each criterion.
struct ScoredSetting {
    var position: [Int]
    var value: Int64
    var cost: [Int64]

    init(position: [Int], value: Int64, cost: [Int64]) {
        self.position = position
        self.value = value
        self.cost = cost
    }

    /// `position`, totalled.
    init(_ position: [Int], _ levers: ObjectiveLevers) {
        self.position = position
        value = position.reduce(0) { $0 + levers.value[$1] }
        cost = levers.cost.map { costs in position.reduce(0) { $0 + costs[$1] } }
    }

    /// Whether this setting comes before `other` in the objective's order: by cost, criterion by
    /// criterion, then by the choice vector (positions rise with option indices within a lever).
    func precedes(_ other: ScoredSetting) -> Bool {
        if cost != other.cost { return cost.lexicographicallyPrecedes(other.cost) }
        return position.lexicographicallyPrecedes(other.position)
    }
}
