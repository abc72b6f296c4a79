/// What the balancer aims for: which settings count as holding value, and how it chooses among them.
///
/// A workspace sets it in `adviser.yaml` under `balance:`; the default is `hold: band` and
/// `prefer: [margin, fewest-levers, smallest-move]`.
public struct BalanceObjective: Hashable, Sendable {
    /// Which values of the client's perceived value V count as held, against today's `target`.
    public enum Hold: String, Hashable, Sendable, CaseIterable, Codable {
        /// `|V − target| ≤ tolerance`: the balancer takes back value the rules gave beyond the band
        /// (trimming what the client now values less) as well as restoring value they took.
        case band
        /// `V ≥ target − tolerance`: the balancer only restores value the rules took away.
        case atLeast = "at-least"
    }

    /// One thing the balancer prefers, in the order the workspace gives.
    package enum Criterion: String, Hashable, Sendable, CaseIterable {
        /// The best margin per client.
        case margin
        /// The fewest levers moved.
        case fewestLevers = "fewest-levers"
        /// The smallest total move, each lever's move measured against today's setting.
        case smallestMove = "smallest-move"
    }

    package var hold: Hold
    /// Every criterion once, most important first; a fixed tie-break (lowest settings first, lever
    /// by lever) follows the last.
    package var order: [Criterion]

    package static let standard = BalanceObjective(hold: .band, order: [.margin, .fewestLevers, .smallestMove])

    /// - Parameter order: criteria most important first; any left out follow in the standard order.
    package init(hold: Hold = .band, order: [Criterion] = [.margin, .fewestLevers, .smallestMove]) {
        self.hold = hold
        var complete: [Criterion] = []
        for criterion in order + [.margin, .fewestLevers, .smallestMove] where !complete.contains(criterion) {
            complete.append(criterion)
        }
        self.order = complete
    }
}
