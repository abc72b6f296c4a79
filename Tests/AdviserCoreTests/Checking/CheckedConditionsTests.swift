import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// The conditions a load keeps for the engine and the analysis (`WorkspaceLoader(keepsConditions:)`):
/// what is built on them is what conditions checked afresh give, and a rule changed since the load
/// is checked again.
struct CheckedConditionsTests {
    /// Every piece of advice in every scenario, as JSON.
    static func everyAdvice(_ engine: AdviceEngine) throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try engine.workspace.scenarios.flatMap { scenario in
            try engine.report(for: AdviceRequest(scenario: scenario)).advice.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        }
    }

    @Test func onlyALoadThatIsAskedKeepsThem() {
        #expect(WorkspaceLoader().load(PackagePaths.rules.path).conditions == nil)
        #expect(WorkspaceLoader(keepsConditions: true).load(PackagePaths.rules.path).conditions != nil)
    }

    @Test func theEngineAndTheAnalysisOnTheLoadsConditionsGiveWhatConditionsCheckedAfreshGive() throws {
        let outcome = WorkspaceLoader(keepsConditions: true).load(PackagePaths.rules.path)
        #expect(!outcome.diagnostics.hasErrors)
        let kept = try AdviceEngine(workspace: outcome.workspace, conditions: outcome.conditions)
        let afresh = try AdviceEngine(workspace: outcome.workspace)
        #expect(try Self.everyAdvice(kept) == Self.everyAdvice(afresh))
        let findings = WorkspaceAnalyzer(workspace: outcome.workspace, conditions: outcome.conditions).analyze()
        #expect(findings.map(DiagnosticFormatter.line) == WorkspaceAnalyzer(workspace: outcome.workspace).analyze().map(DiagnosticFormatter.line))
    }

    @Test func aRuleWhoseConditionChangedSinceTheLoadIsCheckedAgain() throws {
        var outcome = WorkspaceLoader(keepsConditions: true).load(PackagePaths.rules.path)
        let afresh = try AdviceEngine(workspace: outcome.workspace)
        // A rule that fires, made never to fire.
        let fired = try outcome.workspace.scenarios.flatMap { try afresh.report(for: AdviceRequest(scenario: $0)).advice.flatMap(\.fired) }
        let id = try #require(fired.first?.rule)
        let (set, position) = try #require(outcome.workspace.rulesets.indices.lazy.compactMap { set in
            outcome.workspace.rulesets[set].rules.firstIndex { $0.id == id }.map { (set, $0) }
        }.first)
        guard case .expression(var source) = outcome.workspace.rulesets[set].rules[position].when else {
            Issue.record("'\(id)' has a condition of several parts")
            return
        }
        source.text = "false"
        outcome.workspace.rulesets[set].rules[position].when = .expression(source)
        let engine = try AdviceEngine(workspace: outcome.workspace, conditions: outcome.conditions)
        let after = try outcome.workspace.scenarios.flatMap { try engine.report(for: AdviceRequest(scenario: $0)).advice.flatMap(\.fired) }
        #expect(!after.contains { $0.rule == id })
    }
}
