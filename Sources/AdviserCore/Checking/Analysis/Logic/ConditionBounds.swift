/// The most a condition allows of each variable that every one of its satisfiable conjunctions
/// constrains: a set of values (a closed set of at most 64) or an interval (a number).
///
/// Two conditions whose bounds on some variable do not meet can never hold together: joining a
/// conjunction of one with a conjunction of the other leaves that variable the intersection of two
/// disjoint sets (or intervals), which is empty, so `RuleLogic.together` would answer `.never` for
/// every pair of conjunctions, with or without more atoms. The conflict analysis skips such pairs
/// of rules without deciding them.
struct ConditionBounds: Sendable {
    enum Bound: Sendable {
        /// Bit i: the i-th value of the variable's declared values is allowed.
        case values(UInt64)
        /// No allowed number lies outside `low...high`.
        case interval(low: Double, high: Double)
    }

    /// By increasing variable.
    private var bounds: [(variable: Int, bound: Bound)] = []

    /// No bounds: excludes nothing.
    init() {}

    /// - Parameter states: a condition's conjunctions, applied to the declared ranges (nil: too
    ///   large to expand, so no bounds).
    init(_ states: [ConstraintState]?, space: ConditionSpace) {
        var merged: [(variable: Int, bound: Bound)]?
        for state in states ?? [] where !state.isEmpty {
            var mine: [(variable: Int, bound: Bound)] = []
            mine.reserveCapacity(state.domains.count)
            for (v, domain) in state.domains {
                if let bound = Self.bound(domain, of: v, space: space) { mine.append((v, bound)) }
            }
            mine.sort { $0.variable < $1.variable }
            guard let previous = merged else {
                merged = mine
                continue
            }
            // Only variables every conjunction bounds, each with the union of what they allow.
            var next: [(variable: Int, bound: Bound)] = []
            var j = 0
            for (v, a) in previous {
                while j < mine.count && mine[j].variable < v { j += 1 }
                guard j < mine.count && mine[j].variable == v else { continue }
                switch (a, mine[j].bound) {
                case (.values(let x), .values(let y)): next.append((v, .values(x | y)))
                case (.interval(let l1, let h1), .interval(let l2, let h2)): next.append((v, .interval(low: min(l1, l2), high: max(h1, h2))))
                default: break
                }
            }
            merged = next
        }
        bounds = merged ?? []
    }

    private static func bound(_ domain: Domain, of v: Int, space: ConditionSpace) -> Bound? {
        switch (domain, space.kinds[v]) {
        case (.numeric(let d), _):
            return .interval(low: d.low, high: d.high)
        case (.values(let d), .values(let universe)) where universe.count <= 64:
            var mask: UInt64 = 0
            for (i, value) in universe.enumerated() where d.allows(value) { mask |= 1 << UInt64(i) }
            return .values(mask)
        default:
            return nil  // any text, or too many values for a mask
        }
    }

    /// Do the two conditions bound some variable to sets (or intervals) that do not meet?
    func excludes(_ other: ConditionBounds) -> Bool {
        var i = 0, j = 0
        while i < bounds.count && j < other.bounds.count {
            let (a, b) = (bounds[i], other.bounds[j])
            if a.variable < b.variable {
                i += 1
            } else if a.variable > b.variable {
                j += 1
            } else {
                switch (a.bound, b.bound) {
                case (.values(let x), .values(let y)): if x & y == 0 { return true }
                case (.interval(let l1, let h1), .interval(let l2, let h2)): if h1 < l2 || h2 < l1 { return true }
                default: break
                }
                i += 1
                j += 1
            }
        }
        return false
    }
}
