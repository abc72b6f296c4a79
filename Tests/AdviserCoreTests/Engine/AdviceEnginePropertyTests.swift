@testable import AdviserCore
import Testing

/// Invariants of advice over random workspaces (seeded: a failing seed replays exactly).
struct AdviceEnginePropertyTests {
    static let seeds: [UInt64] = Array(1...300)

    @Test(arguments: seeds)
    func heldAdviceIsWithinToleranceOnGridAndRespectsRules(seed: UInt64) throws {
        var random = RandomWorkspace(seed: seed)
        let workspace = random.workspace()
        let engine = try AdviceEngine(workspace: workspace)
        let offering = workspace.offerings[0], segment = workspace.segments[0]
        let advice = engine.advise(offering: offering, segment: segment, scenario: workspace.scenarios[0])
        let tolerance = workspace.settings.valueTolerance

        for (lever, outcome) in zip(offering.levers, advice.levers) {
            #expect(outcome.to >= lever.min - 1e-9 && outcome.to <= lever.max + 1e-9, "seed \(seed): \(lever.id) out of bounds")
            #expect(lever.isOnGrid(outcome.to), "seed \(seed): \(lever.id) = \(outcome.to) off grid")
            if outcome.pinned || { if case .rule = outcome.source { true } else { false } }() {
                #expect(outcome.source != .balance, "seed \(seed): balancer moved \(lever.id), which a rule set")
            }
            if !lever.flex { #expect(outcome.source != .balance, "seed \(seed): balancer moved non-flex \(lever.id)") }
        }
        // The reported value is the model's value of the recommended settings.
        let model = ValueModel(offering: offering, segment: segment, emphasis: emphasis(of: workspace, advice: advice))
        #expect(abs(model.value(advice.levers.map(\.to)) - advice.value.final) < 1e-9, "seed \(seed)")
        if advice.value.held {
            #expect(abs(advice.value.final - advice.value.target) <= tolerance + 1e-9, "seed \(seed)")
        } else {
            // Exhaustive search over every flex setting confirms nothing holds value.
            let free = freeLevers(offering, advice)
            let best = bestOverGrid(model: model, offering: offering, settings: advice.levers.map(\.to), free: free, target: advice.value.target)
            #expect(best > tolerance - 1e-9, "seed \(seed): a setting within \(best) of target exists, but advice says not held")
            #expect(advice.value.shortfall?.isEmpty == false)
        }
    }

    @Test(arguments: seeds.prefix(100))
    func chosenSettingIsOptimalByTheStatedOrder(seed: UInt64) throws {
        var random = RandomWorkspace(seed: seed)
        let workspace = random.workspace(maxLevers: 3, maxSteps: 4)
        let engine = try AdviceEngine(workspace: workspace)
        let offering = workspace.offerings[0], segment = workspace.segments[0]
        let advice = engine.advise(offering: offering, segment: segment, scenario: workspace.scenarios[0])
        guard advice.value.held else { return }
        let model = ValueModel(offering: offering, segment: segment, emphasis: emphasis(of: workspace, advice: advice))
        let free = freeLevers(offering, advice)
        let start = advice.levers.map { $0.source == .balance ? $0.from : $0.to }
        let moved = advice.levers.count { $0.source == .balance }
        let move = advice.levers.indices.filter { advice.levers[$0].source == .balance }.reduce(0.0) { sum, i in
            sum + abs(advice.levers[i].to - start[i]) / max(offering.levers[i].max - offering.levers[i].min, 1e-12)
        }
        // No holding setting moves fewer levers, or as few with a smaller total move.
        for settings in allSettings(offering, start: start, free: free) {
            guard abs(model.value(settings) - advice.value.target) <= workspace.settings.valueTolerance + 1e-12 else { continue }
            let m = free.count { abs(settings[$0] - start[$0]) > 1e-12 }
            let d = free.reduce(0.0) { $0 + abs(settings[$1] - start[$1]) / max(offering.levers[$1].max - offering.levers[$1].min, 1e-12) }
            #expect(m > moved || (m == moved && d >= move - 1e-9), "seed \(seed): \(settings) beats \(advice.levers.map(\.to))")
        }
    }

    @Test(arguments: seeds.prefix(50))
    func sameInputSameBytes(seed: UInt64) throws {
        var a = RandomWorkspace(seed: seed), b = RandomWorkspace(seed: seed)
        let render = { (workspace: Workspace) throws -> String in
            let engine = try AdviceEngine(workspace: workspace)
            let report = try engine.report(for: AdviceRequest(scenario: workspace.scenarios[0], options: .init(explain: true)))
            return AdviceJSONReporter().render(report) + AdviceTextReporter().render(report) + AdviceMarkdownReporter().render(report)
        }
        #expect(try render(a.workspace()) == render(b.workspace()))
    }

    // MARK: - Helpers

    /// The emphasis factor of each driver of the advice's segment, by position.
    private func emphasis(of workspace: Workspace, advice: Advice) -> [Double] {
        let factors = Dictionary(uniqueKeysWithValues: advice.emphasized.map { ($0.driver, $0.factor) })
        return workspace.segment(advice.segment.id)!.drivers.map { factors[$0.id] ?? 1 }
    }

    /// Levers the balancer was free to move: flex, not set by a rule, not pinned.
    private func freeLevers(_ offering: Offering, _ advice: Advice) -> [Int] {
        offering.levers.indices.filter { i in
            let outcome = advice.levers[i]
            if case .rule = outcome.source { return false }
            return offering.levers[i].flex && !outcome.pinned
        }
    }

    private func allSettings(_ offering: Offering, start: [Double], free: [Int]) -> [[Double]] {
        var all: [[Double]] = [start]
        for index in free {
            all = all.flatMap { settings in
                offering.levers[index].grid.map { value in
                    var copy = settings
                    copy[index] = value
                    return copy
                }
            }
        }
        return all
    }

    private func bestOverGrid(model: ValueModel, offering: Offering, settings: [Double], free: [Int], target: Double) -> Double {
        allSettings(offering, start: settings, free: free).map { abs(model.value($0) - target) }.min() ?? .infinity
    }
}
