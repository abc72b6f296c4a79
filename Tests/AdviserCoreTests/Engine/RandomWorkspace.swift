@testable import AdviserCore
import AdviserTestSupport
import Foundation

/// Random workspaces within the documented bounds, built directly as model values, for
/// property-based tests of the engine. Seeded, so every failure can be replayed.
struct RandomWorkspace {
    var rng: SplitMix64
    static let here = SourceLocation(file: "random.yaml", line: 1, column: 1)

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
    }

    mutating func double(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &rng) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func bool() -> Bool { Bool.random(using: &rng) }

    /// A lever with a small grid (so brute force over all settings stays cheap).
    mutating func lever(_ index: Int, maxSteps: Int) -> Lever {
        switch int(0...2) {
        case 0:
            let levels = (0..<int(2...4)).map { "l\($0)" }
            return Lever(
                id: "lever\(index)", name: "Lever \(index)", kind: .level, baseline: Double(int(0...levels.count - 1)), min: 0,
                max: Double(levels.count - 1), step: 1, levels: levels,
                levelCosts: Dictionary(uniqueKeysWithValues: levels.map { ($0, double(0...50).rounded()) }), flex: bool(),
                location: Self.here)
        default:
            let step = [1.0, 5, 10, 0.5][int(0...3)]
            let count = int(1...maxSteps)
            let min = Double(int(0...10)) * step
            let max = min + Double(count) * step
            let baseline = min + Double(int(0...count)) * step
            return Lever(
                id: "lever\(index)", name: "Lever \(index)", kind: bool() ? .price : .number, baseline: baseline, min: min,
                max: max, step: step, costPerUnit: bool() ? double(0...3).rounded() : nil, flex: int(0...3) > 0,
                location: Self.here)
        }
    }

    mutating func curve(for lever: Lever) -> ReliefCurve {
        if lever.kind == .level {
            return .levels(lever.levels.map { .init(level: $0, relief: double(0...1), location: Self.here) })
        }
        let points = int(2...4)
        let xs = (0..<points).map { i in lever.min + (lever.max - lever.min) * Double(i) / Double(points - 1) }
        let rising = bool()
        return .points(xs.enumerated().map { i, x in
            let t = Double(i) / Double(points - 1)
            let y = min(1, max(0, (rising ? t : 1 - t) + double(-0.2...0.2)))
            return .init(value: x, relief: y, location: Self.here)
        })
    }

    /// One offering, one segment, one scenario, and a few rules that always fire.
    mutating func workspace(maxLevers: Int = 4, maxSteps: Int = 6) -> Workspace {
        let levers = (0..<int(1...maxLevers)).map { lever($0, maxSteps: maxSteps) }
        let offering = Offering(id: "offer", name: "Offer", levers: levers, location: Self.here)
        var drivers: [Driver] = []
        for (i, kind) in Driver.Kind.allCases.enumerated() {
            let touched = levers.filter { _ in bool() }
            drivers.append(Driver(
                id: "driver\(i)", name: "Driver \(i)", kind: kind, importance: double(0.5...5),
                reliefs: touched.map { Relief(lever: Located($0.id, at: Self.here), curve: curve(for: $0)) }, location: Self.here))
        }
        let segment = Segment(id: "seg", name: "Segment", size: .sme, facts: [:], drivers: drivers, location: Self.here)
        var rules: [Rule] = []
        for r in 0..<int(0...3) {
            var actions: [Action] = []
            let lever = levers[int(0...levers.count - 1)]
            switch int(0...3) {
            case 0: actions.append(.adjust(lever: Located(lever.id, at: Self.here), change: lever.kind == .level ? .byUnits(Double(int(-1...1))) : .byPercent(double(-30...30))))
            case 1: actions.append(.pin(lever: Located(lever.id, at: Self.here)))
            case 2: actions.append(.emphasize(target: Located(.driver("driver\(int(0...3))"), at: Self.here), factor: double(0.5...2)))
            default: actions.append(.emphasize(target: Located(.kind(Driver.Kind.allCases[int(0...3)]), at: Self.here), factor: double(0.5...2)))
            }
            rules.append(Rule(
                id: "rule\(r)", ruleset: "random", when: .expression(ExpressionSource(text: "true", location: Self.here, style: .plain)),
                why: "Because.", priority: int(0...2), actions: actions, location: Self.here))
        }
        let scenario = Scenario(id: "now", name: "Now", market: [:], location: Self.here)
        return Workspace(
            root: "random", settings: WorkspaceSettings(name: "Random", valueTolerance: [0.005, 0.01, 0.02][int(0...2)], location: Self.here),
            offerings: [offering], segments: [segment],
            rulesets: [Ruleset(id: "random", rules: rules, file: "random.yaml", location: Self.here)], scenarios: [scenario])
    }
}
