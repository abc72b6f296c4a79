import AdviserExpression

/// For each numeric market fact, the values at which the advice would change: thresholds read from
/// the rules' conditions (`market.inflation > 6`), each checked by advising again just past it.
/// Only thresholds where the re-advice really differs are reported, with the re-advice's changes.
public struct TippingPointAnalysis: Sendable {
    public var workspace: String
    public var scenario: Scenario
    /// The numeric market facts that rules compare with a constant, in declaration order.
    public var facts: [FactTipping]

    public struct FactTipping: Sendable {
        public var fact: String
        public var unit: String?
        /// The scenario's value.
        public var now: Double
        public var min: Double?
        public var max: Double?
        /// Every constant the rules compare this fact with, ascending.
        public var thresholds: [Double]
        /// The thresholds at which the advice changes: rising ones nearest first, then falling ones.
        public var points: [TippingPoint]
    }

    public struct TippingPoint: Sendable {
        public enum Direction: String, Sendable {
            case rises, falls
        }

        public var direction: Direction
        /// The constant in the rule's condition.
        public var threshold: Double
        /// The value the re-advice used: the threshold itself, or just past it.
        public var tested: Double
        /// Rules whose conditions compare the fact with this threshold.
        public var rules: [String]
        /// What the re-advice at `tested` changes, per offering × segment (never empty).
        public var changes: [AdviceDelta]

        /// "rises above 1.1", "reaches 6", "falls below 0.9", "falls to 1.1".
        public var phrase: String { phrase { formatNumber($0) } }

        /// The phrase with the threshold written by `number` (a report's locale).
        func phrase(_ number: (Double) -> String) -> String {
            switch direction {
            case .rises: tested > threshold ? "rises above \(number(threshold))" : "reaches \(number(threshold))"
            case .falls: tested < threshold ? "falls below \(number(threshold))" : "falls to \(number(threshold))"
            }
        }
    }
}

/// A comparison of a market fact with a constant, found in a rule's condition.
struct FactComparison: Hashable {
    var fact: String
    /// The operator as if the fact were on the left: `_<_`, `_>=_`, …
    var op: String
    var constant: Double
    var rule: String
}

extension AdviceEngine {
    /// Tipping points of every numeric market fact under `scenario`, for every offering × segment.
    public func tippingPoints(scenario: Scenario, options: Options = .init()) -> TippingPointAnalysis {
        let comparisons = marketComparisons()
        let requestBase = AdviceRequest(scenario: scenario, options: options)
        // Selecting every offering and segment cannot name an unknown id.
        let base = (try? report(for: requestBase).advice) ?? []
        var facts: [TippingPointAnalysis.FactTipping] = []
        for fact in workspace.facts where fact.scope == "market" && fact.isNumeric {
            let mine = comparisons.filter { $0.fact == fact.name }
            guard !mine.isEmpty else { continue }
            let given = options.overrides[fact.name]?.number ?? scenario.market[fact.shortName]?.value.value.number
            guard let now = given else { continue }
            let thresholds = Array(Set(mine.map(\.constant))).sorted()
            var points: [TippingPointAnalysis.TippingPoint] = []
            for direction in [TippingPointAnalysis.TippingPoint.Direction.rises, .falls] {
                let ordered = direction == .rises ? thresholds.filter { $0 >= now } : thresholds.filter { $0 <= now }.reversed()
                for threshold in ordered {
                    let at = mine.filter { $0.constant == threshold }
                    for tested in Self.testValues(threshold, now: now, direction: direction, ops: Set(at.map(\.op)), integer: fact.kind == .integer) {
                        if let min = fact.min, tested < min - 1e-12 { continue }
                        if let max = fact.max, tested > max + 1e-12 { continue }
                        var changed = options
                        changed.overrides[fact.name] = .number(tested)
                        let after = (try? report(for: AdviceRequest(scenario: scenario, options: changed)).advice) ?? []
                        let changes = AdviceChanges(from: base, to: after).deltas
                        guard !changes.isEmpty else { continue }
                        var rules: [String] = []
                        for c in at where !rules.contains(c.rule) { rules.append(c.rule) }
                        points.append(.init(direction: direction, threshold: threshold, tested: tested, rules: rules, changes: changes))
                        break  // one verified value per threshold and direction
                    }
                }
            }
            facts.append(.init(fact: fact.name, unit: fact.unit, now: now, min: fact.min, max: fact.max, thresholds: thresholds, points: points))
        }
        return TippingPointAnalysis(workspace: workspace.settings.name, scenario: scenario, facts: facts)
    }

    /// Where a comparison with `threshold` flips when the fact moves from `now` in `direction`: at
    /// the threshold itself (`>=`, `<`, `==`, `!=`) or just past it (`>`, `<=`); both are tried when
    /// the rules use both kinds. "Just past" is one unit for an integer fact, else one step in the
    /// decimal place after the threshold's last digit (0.9 → 0.89, 6 → 6.1).
    static func testValues(_ threshold: Double, now: Double, direction: TippingPointAnalysis.TippingPoint.Direction, ops: Set<String>, integer: Bool) -> [Double] {
        let delta = integer ? 1 : Self.step(after: threshold)
        let past = direction == .rises ? threshold + delta : threshold - delta
        var values: [Double] = []
        if threshold != now {
            // At the threshold: a rising `>=`/`<`/`==`/`!=` flips there (falling: `<=`, `>`, `==`, `!=`).
            let flipsAtThreshold: Set<String> = direction == .rises
                ? [Operator.greaterEqual, Operator.less, Operator.equal, Operator.notEqual]
                : [Operator.lessEqual, Operator.greater, Operator.equal, Operator.notEqual]
            if !ops.isDisjoint(with: flipsAtThreshold) { values.append(threshold) }
        }
        values.append(past)
        return values
    }

    static func step(after value: Double) -> Double {
        var digits = 0
        var scaled = abs(value)
        while digits < 6 && abs(scaled - scaled.rounded()) > 1e-9 {
            scaled *= 10
            digits += 1
        }
        var step = 1.0
        for _ in 0...digits { step /= 10 }
        return step
    }

    /// Every comparison of a `market.*` fact with a constant in the rules' conditions.
    func marketComparisons() -> [FactComparison] {
        var found: [FactComparison] = []
        for compiled in rules {
            let checked = compiled.program.checked
            func fact(_ e: Expr) -> String? {
                if case .variable(let name)? = checked.references[e.id], name.hasPrefix("market.") { return name }
                return nil
            }
            func walk(_ e: Expr) {
                if case .call(let function, nil, let args) = e.kind, args.count == 2, let comparison = Comparison(function: function) {
                    if let name = fact(args[0]), let c = args[1].numberLiteral {
                        found.append(FactComparison(fact: name, op: function, constant: c, rule: compiled.rule.id))
                    } else if let name = fact(args[1]), let c = args[0].numberLiteral {
                        found.append(FactComparison(fact: name, op: comparison.mirrored.function, constant: c, rule: compiled.rule.id))
                    }
                }
                for child in e.children { walk(child) }
            }
            walk(checked.parsed.root)
        }
        return found
    }
}
