import AdviserCore
import Foundation

/// `validate`: what `adviser validate` does — load, check and every static analysis (conflicts
/// included, and advice for every offering × segment × scenario) — on a generated workspace of
/// realistic shape: 2,000 rules by default in 40 rulesets, 4 offerings, 12 segments, 6 scenarios,
/// written so that many pairs of rules conflict. `--scale` validates the workspace `scale` and
/// `load` generate instead (its rules conflict little), DIR a workspace of your own.
///
///     swift run -c release adviser-bench validate [DIR] [--rules N] [--scale] [--repeat N] [--keep DIR]
enum ValidateBenchmark {
    static func run(arguments: [String]) {
        let ruleCount = Int(option("--rules", in: arguments) ?? "") ?? (arguments.contains("--scale") ? 10_000 : 2_000)
        let passes = Int(option("--repeat", in: arguments) ?? "") ?? 5
        let given = arguments.first.flatMap { $0.hasPrefix("--") ? nil : URL(fileURLWithPath: $0) }
        let root: URL
        if let given {
            root = given
        } else if let keep = option("--keep", in: arguments) {
            root = URL(fileURLWithPath: keep)
        } else {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("adviser-validate-bench-\(UUID().uuidString)")
        }
        defer { if given == nil && option("--keep", in: arguments) == nil { try? FileManager.default.removeItem(at: root) } }
        if given == nil {
            do {
                if arguments.contains("--scale") {
                    try WorkspaceGenerator(rules: ruleCount).write(to: root.path)
                } else {
                    var generator = RuleWorkspaceGenerator(ruleCount: ruleCount)
                    try generator.write(to: root)
                }
            } catch {
                fail("cannot write the workspace: \(error)")
            }
        }
        var times: [Double] = []
        var cpuTimes: [Double] = []
        var last: [Diagnostic] = []
        var split = (load: 0.0, analysis: 0.0)
        var timings: [(analysis: String, seconds: Double)] = []
        for _ in 0..<passes {
            let cpuBefore = LoadBenchmark.cpuSeconds()
            let start = DispatchTime.now().uptimeNanoseconds
            let outcome = WorkspaceLoader(keepsConditions: true).load(root.path)
            let loaded = DispatchTime.now().uptimeNanoseconds
            guard !outcome.diagnostics.hasErrors else {
                fail("the workspace has errors:\n" + outcome.diagnostics.prefix(5).map(DiagnosticFormatter.line).joined(separator: "\n"))
            }
            timings = []
            last = WorkspaceAnalyzer(workspace: outcome.workspace, conditions: outcome.conditions).analyze(timings: &timings)
            let end = DispatchTime.now().uptimeNanoseconds
            times.append(Double(end - start) / 1e9)
            cpuTimes.append(LoadBenchmark.cpuSeconds() - cpuBefore)
            split = (Double(loaded - start) / 1e9, Double(end - loaded) / 1e9)
        }
        times.sort()
        cpuTimes.sort()
        var counts: [String: Int] = [:]
        for d in last { counts[d.code.rawValue, default: 0] += 1 }
        func seconds(_ s: Double) -> String { String(format: "%.3f", s) }
        print("validate: \(given?.path ?? "\(ruleCount) rules"), \(passes) passes")
        print("  median \(seconds(times[times.count / 2])) s   min \(seconds(times[0])) s   max \(seconds(times[times.count - 1])) s   CPU median \(seconds(cpuTimes[cpuTimes.count / 2])) s")
        print("  last pass: load+check \(seconds(split.load)) s, analysis \(seconds(split.analysis)) s")
        print("  analyses: " + timings.map { "\($0.analysis) \(seconds($0.seconds)) s" }.joined(separator: ", "))
        print("  findings: " + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }
}

/// Writes a workspace whose rules look like a real team's: conditions on the business cycle, market
/// figures and segment traits; a few priorities; adjustments, emphasis and talking points.
struct RuleWorkspaceGenerator {
    var ruleCount: Int
    var rng = SplitMix64(seed: 0x5EED)

    static let phases = ["expansion", "peak", "downturn", "recovery"]
    static let regions = ["north", "south", "east", "west"]
    static let numeric: [(String, Double, Double)] = [
        ("market.inflation", -5, 30), ("market.demand_index", 0.3, 2), ("market.competitor_price_index", 0.5, 2),
        ("market.interest_rate", 0, 15), ("segment.price_sensitivity", 0, 1), ("segment.digital_maturity", 0, 1),
        ("segment.churn_risk", 0, 1),
    ]
    static let levers: [(id: String, kind: String, baseline: Double, min: Double, max: Double, step: Double)] = [
        ("price", "price", 4800, 2400, 7200, 100), ("workshop_days", "number", 4, 1, 8, 1), ("payment_terms", "number", 30, 0, 90, 15),
        ("follow_up_calls", "number", 3, 0, 12, 1), ("onboarding_hours", "number", 6, 0, 20, 2), ("training_seats", "number", 5, 1, 20, 1),
    ]
    static let driverKinds = ["want", "need", "pain", "fear"]

    mutating func write(to root: URL) throws {
        let fm = FileManager.default
        for folder in ["offerings", "segments", "rules", "scenarios", "tests"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        func put(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: root.appendingPathComponent(path))
        }
        try put("adviser.yaml", "name: Generated benchmark workspace\ndefault_scenario: s0\n")
        var facts = "facts:\n  - name: market.phase\n    type: enum\n    values: [\(Self.phases.joined(separator: ", "))]\n    doc: Cycle.\n"
        for (name, min, max) in Self.numeric {
            facts += "  - name: \(name)\n    type: number\n    min: \(min)\n    max: \(max)\n    doc: A figure.\n"
        }
        facts += "  - name: segment.headcount\n    type: integer\n    min: 1\n    max: 100000\n    doc: People.\n"
        facts += "  - name: segment.region\n    type: enum\n    values: [\(Self.regions.joined(separator: ", "))]\n    doc: Where.\n"
        facts += "  - name: segment.regulated\n    type: bool\n    doc: Regulated industry.\n"
        try put("facts.yaml", facts)

        for o in 0..<4 {
            var text = "id: offering-\(o)\nname: Offering \(o)\nlevers:\n"
            for (i, lever) in Self.levers.enumerated() where i == 0 || (i + o) % 5 != 0 {
                text += "  - id: \(lever.id)\n    kind: \(lever.kind)\n    baseline: \(lever.baseline)\n    min: \(lever.min)\n    max: \(lever.max)\n"
                text += "    step: \(lever.step)\n    cost: \(i == 0 ? 0 : 20)\n    flex: \(i % 2 == 0 || i == 3)\n"
            }
            text += "  - id: support\n    kind: level\n    levels: [email, phone, dedicated]\n    baseline: phone\n    cost: {email: 0, phone: 150, dedicated: 600}\n"
            try put("offerings/offering-\(o).yaml", text)
        }
        for s in 0..<12 {
            var text = "id: segment-\(s)\nname: Segment \(s)\nsize: \(["micro", "sme", "enterprise"][s % 3])\nfacts:\n"
            for (name, min, max) in Self.numeric where name.hasPrefix("segment.") {
                text += "  \(name.dropFirst(8)): \(round2(rng.uniform(min, max)))\n"
            }
            text += "  headcount: \(Int(rng.uniform(1, 500)))\n  region: \(Self.regions[s % 4])\n  regulated: \(s % 3 == 0)\ndrivers:\n"
            for (d, lever) in Self.levers.enumerated() {
                text += "  - id: driver-\(d)\n    kind: \(Self.driverKinds[d % 4])\n    importance: \(1 + (s + d) % 4)\n    relieved_by:\n"
                if lever.kind == "price" {
                    text += "      price: {2400: 1.0, 4800: 0.5, 7200: 0.1}\n"
                } else {
                    text += "      \(lever.id): {\(lever.min): 0.2, \(lever.max): 0.9}\n"
                }
                if d == 3 { text += "      support: {email: 0.3, phone: 0.6, dedicated: 0.9}\n" }
            }
            try put("segments/segment-\(s).yaml", text)
        }
        for c in 0..<6 {
            var text = "id: s\(c)\nname: Scenario \(c)\nas_of: 2026-10-01\nmarket:\n  phase: \(Self.phases[c % 4])\n"
            for (name, min, max) in Self.numeric where name.hasPrefix("market.") {
                text += "  \(name.dropFirst(7)): \(round2(rng.uniform(min, max)))\n"
            }
            try put("scenarios/s\(c).yaml", text)
        }
        let perFile = 50
        var tested: [String] = []
        for file in 0..<(ruleCount + perFile - 1) / perFile {
            // A ruleset is one theme: its rules share a priority (a few override it) and mostly
            // split the business cycle between them, as teams write them.
            let priority = file % 10
            var text = "ruleset: theme-\(file)\nrules:\n"
            for r in 0..<min(perFile, ruleCount - file * perFile) {
                let id = "rule-\(file)-\(r)"
                if rng.below(4) > 0 { tested.append(id) }
                let own = rng.below(10) == 0 ? priority + 10 : priority
                text += "  - id: \(id)\n    when: '\(condition(phase: r % 4))'\n    why: Generated.\n    priority: \(own)\n    then:\n"
                for _ in 0..<(1 + rng.below(2)) { text += action() }
                if rng.below(3) == 0 { text += "      - say: Mention it.\n        about: \(Self.driverKinds[rng.below(4)])\n" }
            }
            try put("rules/theme-\(file).yaml", text)
        }
        var tests = "tests:\n"
        for chunk in stride(from: 0, to: tested.count, by: 20) {
            tests += "  - name: Generated test \(chunk)\n    offering: offering-0\n    segment: segment-0\n    expect:\n"
            tests += "      not_fired: [\(tested[chunk..<min(chunk + 20, tested.count)].joined(separator: ", "))]\n"
        }
        try put("tests/generated.yaml", tests)
    }

    private mutating func condition(phase: Int) -> String {
        var parts: [String] = []
        if rng.below(8) > 0 { parts.append("market.phase == \"\(Self.phases[phase])\"") }
        for _ in 0..<(1 + rng.below(2)) {
            let (name, min, max) = Self.numeric[rng.below(Self.numeric.count)]
            parts.append("\(name) \([">", ">=", "<", "<="][rng.below(4)]) \(round2(rng.uniform(min, max)))")
        }
        switch rng.below(6) {
        case 0: parts.append("segment.region in [\"\(Self.regions[rng.below(4)])\", \"\(Self.regions[rng.below(4)])\"]")
        case 1: parts.append(rng.below(2) == 0 ? "segment.regulated" : "!segment.regulated")
        case 2: parts.append("segment.headcount \(rng.below(2) == 0 ? "<" : ">=") \(10 * (1 + rng.below(50)))")
        case 3: parts.append("(market.demand_index > 1.2 || segment.churn_risk > 0.6)")
        default: break
        }
        return parts.joined(separator: " && ")
    }

    private mutating func action() -> String {
        let lever = Self.levers[rng.below(Self.levers.count)]
        switch rng.below(4) {
        case 0: return "      - adjust: \(lever.id)\n        by: \(rng.below(2) == 0 ? "-" : "+")\(5 * (1 + rng.below(3)))%\n"
        case 1 where lever.kind == "number": return "      - adjust: \(lever.id)\n        by: \(rng.below(2) == 0 ? "-" : "+")\(Int(lever.step))\n"
        case 2: return "      - adjust: support\n        to: \(["email", "phone", "dedicated"][rng.below(3)])\n"
        default: return "      - emphasize: \(Self.driverKinds[rng.below(4)])\n        times: 1.\(1 + rng.below(5))\n"
        }
    }

    private func round2(_ x: Double) -> String { formatNumber((x * 100).rounded() / 100) }
}

