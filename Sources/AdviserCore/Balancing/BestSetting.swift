/// The best setting a search has found so far, with the totals it ranks by: `Balancer`'s
/// order, that is distance to the target, then levers moved, Σ move, −Σ margin and the
/// choice vector. The fewest-moves search offers holding settings of one moved count with
/// distance and moved 0: in the band, and at that count, they tie on both.
struct BestSetting {
    private(set) var found = false
    private(set) var distance: Int64 = 0
    private(set) var moved: Int64 = 0
    private(set) var move: Int64 = 0
    private(set) var margin: Int64 = 0
    /// Chosen option index per flex lever; meaningful once `found`.
    private(set) var choice: [Int] = []

    /// Keeps `setting`, with these totals, if it ranks before the best so far.
    mutating func offer(_ setting: [Int], distance: Int64, moved: Int64, move: Int64, margin: Int64) {
        if found {
            if distance != self.distance { if distance > self.distance { return } }
            else if moved != self.moved { if moved > self.moved { return } }
            else if move != self.move { if move > self.move { return } }
            else if margin != self.margin { if margin < self.margin { return } }
            else if !setting.lexicographicallyPrecedes(choice) { return }
        }
        found = true
        self.distance = distance; self.moved = moved; self.move = move; self.margin = margin
        choice = setting
    }

    /// Forgets the best so far, to search again under other conditions.
    mutating func reset() {
        found = false
    }
}
