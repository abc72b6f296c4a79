import Foundation
import AdviserExpression

/// `conditions`: the rule-condition workload of shared/bench/conditions (see its README).
enum ConditionsBench {
    typealias Scenario = [String: Any]   // fact name → JSON value (NSNumber / String)

    static func run(_ args: [String]) {
        let passes = Int(option("--repeat", in: args) ?? "") ?? 7
        // --per-call: time `evaluateCondition(activations[i])` one call at a time instead of
        // the batch `forEachCondition` (shows what the per-call path costs).
        let perCall = args.contains("--per-call")
        var rules: [String]
        var scenarios: [Scenario]
        if let rulesPath = option("--rules", in: args) {
            guard let scenariosPath = option("--scenarios", in: args) else { fail("--rules needs --scenarios") }
            (rules, scenarios) = load(rules: rulesPath, scenarios: scenariosPath)
        } else if FileManager.default.fileExists(atPath: "../shared/bench/conditions/L/rules.json") {
            print("using ../shared/bench/conditions/L")
            (rules, scenarios) = load(rules: "../shared/bench/conditions/L/rules.json",
                                      scenarios: "../shared/bench/conditions/L/scenarios.json")
        } else {
            print("using a synthetic workload (1,000 conditions × 10,000 fact sets)")
            (rules, scenarios) = synthetic()
        }

        // Declarations inferred from the data: numbers are int when always whole, else double.
        var kinds: [String: ExprType] = [:]
        for scenario in scenarios {
            for (name, value) in scenario {
                let kind: ExprType
                if let n = value as? NSNumber, !(value is String) {
                    let d = n.doubleValue
                    kind = d == d.rounded() && abs(d) < 1e15 ? .int : .double
                } else {
                    kind = .string
                }
                switch (kinds[name], kind) {
                case (nil, _): kinds[name] = kind
                case (.int?, .double): kinds[name] = .double
                default: break
                }
            }
        }
        var declarations = Declarations()
        for name in kinds.keys.sorted() { declarations.declare(name, type: kinds[name]!) }

        let programs: [Program] = rules.enumerated().map { index, source in
            switch Expression.compile(source, declarations: declarations) {
            case .success(let p): return p
            case .failure(let d): fail("rule \(index + 1): \(d.map(\.description).joined(separator: "; "))")
            }
        }
        let activations: [Activation] = scenarios.map { scenario in
            var a = Activation(declarations: declarations)
            for (name, value) in scenario {
                guard let slot = declarations.slot(of: name) else { continue }
                if let s = value as? String {
                    a[slot] = .string(s)
                } else if let n = value as? NSNumber {
                    a[slot] = declarations.type(of: name) == .int ? .int(n.int64Value) : .double(n.doubleValue)
                }
            }
            return a
        }

        let evaluations = programs.count * activations.count
        var rates: [Double] = []
        var trueCount = 0
        for _ in 0..<max(1, passes) {
            var count = 0
            let start = DispatchTime.now().uptimeNanoseconds
            // Blocks of scenarios: each rule's compiled form stays in cache across a block.
            // `forEachCondition` reads activations in place (no per-evaluation ARC).
            var blockStart = 0
            while blockStart < activations.count {
                let blockEnd = min(blockStart + 64, activations.count)
                for program in programs {
                    if perCall {
                        for i in blockStart..<blockEnd where program.evaluateCondition(activations[i]) == true {
                            count += 1
                        }
                    } else {
                        program.forEachCondition(in: activations, range: blockStart..<blockEnd) { _, result in
                            if result == true { count += 1 }
                        }
                    }
                }
                blockStart = blockEnd
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            rates.append(Double(evaluations) / seconds)
            trueCount = count
        }
        rates.sort()
        let median = rates[rates.count / 2]
        print("conditions: \(evaluations) evaluations, \(trueCount) true, \(Int(median)) evaluations/s")
    }

    static func load(rules: String, scenarios: String) -> ([String], [Scenario]) {
        func json(_ path: String) -> Any {
            guard let data = FileManager.default.contents(atPath: path),
                  let value = try? JSONSerialization.jsonObject(with: data) else { fail("cannot read \(path)") }
            return value
        }
        guard let ruleList = json(rules) as? [[String: Any]] else { fail("\(rules): expected a list of rules") }
        guard let scenarioList = json(scenarios) as? [[String: Any]] else { fail("\(scenarios): expected a list") }
        let exprs = ruleList.compactMap { $0["expr"] as? String }
        let flat: [Scenario] = scenarioList.map { scenario in
            var facts: Scenario = [:]
            for (group, value) in scenario {
                guard let fields = value as? [String: Any] else { continue }
                for (key, v) in fields { facts["\(group).\(key)"] = v }
            }
            return facts
        }
        return (exprs, flat)
    }

    /// A seeded, self-contained workload of the same shape as the shared one.
    static func synthetic() -> ([String], [Scenario]) {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        let numeric = ["market.inflation", "market.gdp_growth", "segment.price_sensitivity", "segment.loyalty",
                       "segment.share", "segment.margin"]
        let phases = ["boom", "expansion", "slowdown", "recession"]
        let ops = ["<", "<=", ">", ">=", "!="]
        var rules: [String] = []
        for _ in 0..<1_000 {
            var terms: [String] = []
            for k in 0..<3 {
                if k == 2 && next() < 0.3 {
                    terms.append("market.phase \(next() < 0.5 ? "==" : "!=") \"\(phases[Int(next() * 4)])\"")
                } else {
                    let fact = numeric[Int(next() * Double(numeric.count))]
                    let value = (next() * 100).rounded() / 100
                    terms.append("\(fact) \(ops[Int(next() * Double(ops.count))]) \(value)")
                }
            }
            rules.append(terms.joined(separator: " && "))
        }
        var scenarios: [Scenario] = []
        for _ in 0..<10_000 {
            var s: Scenario = [:]
            for name in numeric { s[name] = NSNumber(value: (next() * 100).rounded() / 100) }
            s["market.phase"] = phases[Int(next() * 4)]
            scenarios.append(s)
        }
        return (rules, scenarios)
    }
}
