@testable import AdviserCore
import AdviserExpression
import AdviserTestSupport
import Testing

/// The analyses' logic against the real evaluator, on random conditions over the `analysed`
/// fixture's facts: a witness must make the condition true; an unreachable condition must be false
/// everywhere on a grid around its constants; an implication must hold at every grid point.
struct ConditionSpacePropertyTests {
    struct Generator {
        var random: SplitMix64

        init(state: UInt64) { random = SplitMix64(seed: state) }

        mutating func next() -> UInt64 { random.next() }
        mutating func below(_ n: Int) -> Int { random.below(n) }

        static let doubles: [(String, [String])] = [
            ("market.inflation", ["-6.0", "-5.0", "0.0", "2.5", "8.0", "30.0", "31.0"]),
            ("market.demand_index", ["0.3", "0.8", "1.1", "2.0", "2.5"]),
            ("segment.price_sensitivity", ["0.0", "0.5", "0.7", "1.0", "1.5"]),
        ]
        static let phases = ["expansion", "peak", "downturn", "recovery"]

        mutating func atom() -> String {
            let ops = ["<", "<=", ">", ">=", "==", "!="]
            switch below(6) {
            case 0, 1, 2:
                let (name, constants) = Self.doubles[below(Self.doubles.count)]
                return "\(name) \(ops[below(6)]) \(constants[below(constants.count)])"
            case 3:
                return "segment.headcount \(ops[below(6)]) \([0, 1, 2, 3, 10, 100000, 100001][below(7)])"
            case 4:
                return "market.phase \(below(2) == 0 ? "==" : "!=") \"\(Self.phases[below(4)])\""
            default:
                let values = (0..<(1 + below(3))).map { _ in "\"\(Self.phases[below(4)])\"" }
                return "market.phase in [\(values.joined(separator: ", "))]"
            }
        }

        mutating func condition(depth: Int = 0) -> String {
            if depth >= 3 || below(3) == 0 { return atom() }
            switch below(4) {
            case 0: return "!(\(condition(depth: depth + 1)))"
            case 1: return "(\(condition(depth: depth + 1))) || (\(condition(depth: depth + 1)))"
            default: return "(\(condition(depth: depth + 1))) && (\(condition(depth: depth + 1)))"
            }
        }
    }

    let workspace: Workspace
    let compiler: ConditionCompiler
    let space: ConditionSpace
    var declarations: Declarations { compiler.declarations }

    init() throws {
        let outcome = WorkspaceLoader().load(PackagePaths.fixtureWorkspace("analysed").path)
        workspace = outcome.workspace
        compiler = ConditionCompiler(workspace: workspace)
        space = ConditionSpace(variables: compiler.variables, segments: workspace.segments)
    }

    /// Every variable's values to try: the declared bounds, the condition's constants and points
    /// around them (whole numbers for integer facts); any value for the variables it does not read.
    func grid(for text: String) -> [[String: Value]] {
        /// The constants a variable is compared with in the text.
        func constants(_ name: String) -> [Double] {
            text.ranges(of: name + " ").compactMap { range in
                let rest = text[range.upperBound...].drop { $0 != " " }.dropFirst()
                return Double(rest.prefix { $0.isNumber || $0 == "." || $0 == "-" })
            }
        }
        let bounds: [String: (Double, Double)] = [
            "market.inflation": (-5, 30), "market.demand_index": (0.3, 2), "segment.price_sensitivity": (0, 1),
        ]
        var axes: [(String, [Value])] = []
        for (name, (low, high)) in bounds.sorted(by: { $0.key < $1.key }) where text.contains(name) {
            var points: Set<Double> = [low, high]
            for c in constants(name) { for d in [-0.25, 0, 0.25] { points.insert(c + d) } }
            axes.append((name, points.filter { $0 >= low && $0 <= high }.sorted().map(Value.double)))
        }
        if text.contains("segment.headcount") {
            var points: Set<Int64> = [1, 100_000]
            for c in constants("segment.headcount") { for d in [-1.0, 0, 1] { points.insert(Int64(c + d)) } }
            axes.append(("segment.headcount", points.filter { $0 >= 1 && $0 <= 100_000 }.sorted().map { Value.int($0) }))
        }
        if text.contains("market.phase") { axes.append(("market.phase", Generator.phases.map(Value.string))) }
        var points: [[String: Value]] = [[:]]
        for (name, values) in axes {
            points = points.flatMap { point in values.map { point.merging([name: $0]) { $1 } } }
        }
        return points
    }

    func activation(_ values: [String: Value]) -> Activation {
        var activation = Activation(declarations: declarations)
        let defaults: [String: Value] = [
            "market.phase": .string("peak"), "market.inflation": .double(2), "market.demand_index": .double(1),
            "market.competitor_price_index": .double(1), "segment.price_sensitivity": .double(0.5), "segment.headcount": .int(5),
            "segment.id": .string("micro-retail"), "segment.size": .string("micro"), "offering.id": .string("sales-consultation"),
        ]
        for (name, value) in defaults.merging(values, uniquingKeysWith: { $1 }) { activation[name] = value }
        return activation
    }

    func value(_ witness: ConditionSpace.WitnessValue, for name: String) -> Value {
        switch witness {
        case .number(let n): name == "segment.headcount" ? .int(Int64(n)) : .double(n)
        case .text(let t): .string(t)
        case .bool(let b): .bool(b)
        }
    }

    func holds(_ program: Program, _ values: [String: Value]) -> Bool {
        if case .success(.bool(true)) = program.evaluate(activation(values)) { return true }
        return false
    }

    @Test(arguments: 0..<4)
    func witnessesHoldAndUnreachableNeverDoes(_ seed: Int) throws {
        var generator = Generator(state: UInt64(seed) * 7919 + 1)
        var decided = (satisfiable: 0, never: 0)
        for _ in 0..<60 {
            let text = generator.condition()
            guard case .success(let program) = Expression.compile(text, declarations: declarations) else { continue }
            let source = ExpressionSource(text: text, location: .file("x"), style: .plain)
            let formula = space.analyse(.expression(source), checked: [compiler.checked(source)]).formula
            guard let dnf = formula.disjunctiveNormalForm(limit: space.limit) else { continue }
            switch space.decide(dnf.map { space.state($0) }) {
            case .satisfiable(let state):
                decided.satisfiable += 1
                let values = Dictionary(uniqueKeysWithValues: space.witnessValues(state).map { ($0.name, value($0.value, for: $0.name)) })
                #expect(holds(program, values), "\(text): the witness \(space.witness(state)) does not make it true")
            case .never:
                decided.never += 1
                let counterexample = grid(for: text).first { holds(program, $0) }
                #expect(counterexample == nil, "\(text): said unreachable, but holds at \(counterexample ?? [:])")
            case .maybe:
                Issue.record("\(text): only decidable parts, yet undecided")
            }
        }
        #expect(decided.satisfiable > 0 && decided.never > 0, "\(decided)")
    }

    /// Random conditions, mostly conjunctions of atoms (so that some imply or exclude others), as
    /// the rules of the fixture workspace.
    func probe(_ seed: UInt64) -> (texts: [String], logic: RuleLogic) {
        var generator = Generator(state: seed)
        var texts: [String] = []
        while texts.count < 40 {
            let text = generator.below(2) == 0
                ? "\(generator.atom()) && \(generator.atom())" : generator.below(2) == 0 ? generator.atom() : generator.condition()
            if case .success = Expression.compile(text, declarations: declarations) { texts.append(text) }
        }
        var probe = workspace
        probe.rulesets = [Ruleset(
            id: "probe",
            rules: texts.enumerated().map { i, text in
                Rule(
                    id: "r\(i)", ruleset: "probe", when: .expression(ExpressionSource(text: text, location: .file("x"), style: .plain)),
                    why: "probe", actions: [], location: .file("x"))
            },
            file: "x", location: .file("x"))]
        return (texts, RuleLogic(workspace: probe))
    }

    @Test(arguments: 0..<3)
    func implicationsHoldEverywhere(_ seed: Int) throws {
        let (texts, logic) = probe(UInt64(seed) * 104_729 + 3)
        let programs = texts.map { text -> Program in
            guard case .success(let program) = Expression.compile(text, declarations: declarations) else { fatalError() }
            return program
        }
        var implied = 0
        for a in logic.entries {
            for b in logic.entries where a.order != b.order && logic.implies(a, b) {
                implied += 1
                let i = Int(a.rule.id.dropFirst())!, j = Int(b.rule.id.dropFirst())!
                let counterexample = grid(for: texts[i] + texts[j]).first { holds(programs[i], $0) && !holds(programs[j], $0) }
                #expect(counterexample == nil, "'\(texts[i])' said to imply '\(texts[j])', but not at \(counterexample ?? [:])")
            }
        }
        #expect(implied > 0)
    }

    /// The conflict analysis skips pairs whose bounds exclude each other: such a pair must never
    /// hold together, whatever the offering adds.
    @Test(arguments: 0..<3)
    func excludedPairsNeverHoldTogether(_ seed: Int) throws {
        let (texts, logic) = probe(UInt64(seed) * 7_727 + 5)
        let offering = try #require(logic.space.index["offering.id"])
        var excluded = 0
        for a in logic.entries {
            for b in logic.entries where a.order != b.order && a.bounds.excludes(b.bounds) {
                excluded += 1
                let i = Int(a.rule.id.dropFirst())!, j = Int(b.rule.id.dropFirst())!
                for extra in [[], [Atom.member(variable: offering, values: ["sales-consultation"], negated: false)]] {
                    guard case .never = logic.together(a, b, extra: extra) else {
                        Issue.record("'\(texts[i])' and '\(texts[j])' said exclusive, but can hold together")
                        continue
                    }
                }
            }
        }
        #expect(excluded > 0)
    }
}
