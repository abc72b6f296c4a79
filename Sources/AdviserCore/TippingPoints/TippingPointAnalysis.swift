/// For each market fact the rules read, the values at which the advice would change, each one
/// verified by advising again there. Numeric facts: the points of their range where some rule
/// starts or stops firing, found by evaluating the conditions (so a fact read inside arithmetic or
/// an `in` list counts as much as one compared with a constant). Enum and bool facts: every other
/// value, with the values that change a pair of offering × segment alike told together. Each point
/// says what changes against the state just before it, so no two points repeat the same line.
public struct TippingPointAnalysis: Sendable {
    public var workspace: String
    public var scenario: Scenario
    /// The market facts that rules read and the scenario gives, in declaration order.
    public var facts: [FactTipping]

    public struct FactTipping: Sendable {
        public var fact: String
        public var unit: String?
        /// The scenario's value.
        public var now: FactValue
        public var min: Double?
        public var max: Double?
        /// Numeric facts: every value at which some rule starts or stops firing, ascending (a
        /// change of firing need not change the advice). Empty for other facts.
        public var thresholds: [Double]
        /// The points at which the advice changes: rising ones nearest first, then falling ones;
        /// for an enum or bool fact, each other value in declared order.
        public var points: [TippingPoint]
    }

    public struct TippingPoint: Sendable {
        public enum Direction: String, Sendable {
            /// A numeric fact moving up or down from the scenario's value.
            case rises, falls
            /// An enum or bool fact taking another value.
            case becomes
        }

        public var direction: Direction
        /// Numeric facts: where some rule's firing flips. Nil for enum and bool facts.
        public var threshold: Double?
        /// The values re-advised. Numeric facts: one, the threshold itself or just past it. Enum and
        /// bool facts: every other value for which exactly these changes happen, in declared order.
        public var tested: [FactValue]
        /// The rules whose condition holds in exactly one of the two states (just before this point,
        /// and at it), for some offering × segment of `changes`, in firing order.
        public var rules: [String]
        /// What the re-advice changes against the state just before this point (the scenario's for
        /// the nearest point and for enum and bool values), per offering × segment (never empty).
        public var changes: [AdviceDelta]

        /// "rises above 1.1", "reaches 6", "falls below 0.9", "falls to 1.1", "becomes peak or recovery".
        public var phrase: String {
            let at = threshold ?? 0, to = tested.first?.number ?? 0, text = threshold.map { formatNumber($0) } ?? ""
            switch direction {
            case .rises: return to > at ? "rises above \(text)" : "reaches \(text)"
            case .falls: return to < at ? "falls below \(text)" : "falls to \(text)"
            case .becomes:
                let words = tested.map(\.description)
                return "becomes " + (words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + words.last!)
            }
        }
    }
}
