/// For each market fact the rules read, the values at which the advice would change, each one
/// verified by advising again there. Numeric facts: the points of their range where some rule
/// starts or stops firing, found by evaluating the conditions (so a fact read inside arithmetic or
/// an `in` list counts as much as one compared with a constant). Enum and bool facts: every other
/// value, with the values that change a pair of offering × segment alike told together. Each point
/// says what changes against the state just before it, so no two points repeat the same line.
package struct TippingPointAnalysis: Sendable {
    package var workspace: String
    package var scenario: Scenario
    /// The market facts that rules read and the scenario gives, in declaration order.
    package var facts: [FactTipping]

    package struct FactTipping: Sendable {
        package var fact: String
        package var unit: String?
        /// The scenario's value.
        package var now: FactValue
        package var min: Double?
        package var max: Double?
        /// Numeric facts: every value at which some rule starts or stops firing, ascending (a
        /// change of firing need not change the advice). Empty for other facts.
        package var thresholds: [Double]
        /// The points at which the advice changes: rising ones nearest first, then falling ones;
        /// for an enum or bool fact, each other value in declared order.
        package var points: [TippingPoint]
    }

    package struct TippingPoint: Sendable {
        package enum Direction: String, Sendable {
            /// A numeric fact moving up or down from the scenario's value.
            case rises, falls
            /// An enum or bool fact taking another value.
            case becomes
        }

        package var direction: Direction
        /// Numeric facts: where some rule's firing flips. Nil for enum and bool facts.
        package var threshold: Double?
        /// The values re-advised. Numeric facts: one, the threshold itself or just past it. Enum and
        /// bool facts: every other value for which exactly these changes happen, in declared order.
        package var tested: [FactValue]
        /// The rules whose condition holds in exactly one of the two states (just before this point,
        /// and at it), for some offering × segment of `changes`, in firing order.
        package var rules: [String]
        /// What the re-advice changes against the state just before this point (the scenario's for
        /// the nearest point and for enum and bool values), per offering × segment (never empty).
        package var changes: [AdviceDelta]

        /// "rises above 1.1", "reaches 6", "falls below 0.9", "falls to 1.1", "becomes peak or recovery".
        package var phrase: String { phrase { formatNumber($0) } }

        /// The phrase with numbers written by `number` (a report's locale).
        func phrase(_ number: (Double) -> String) -> String {
            let at = threshold ?? 0, to = tested.first?.number ?? 0, text = threshold.map(number) ?? ""
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
