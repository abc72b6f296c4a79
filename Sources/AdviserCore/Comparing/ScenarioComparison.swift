/// The advice for each offering × segment under several scenarios, side by side: which rules fire
/// under only some of them, and how each lever's recommendation differs.
package struct ScenarioComparison: Sendable {
    package var workspace: String
    package var currency: String
    package var scenarios: [Scenario]
    package var rows: [Row]

    /// One offering for one segment, under every compared scenario.
    package struct Row: Sendable {
        package var offering: Advice.Reference
        package var segment: Advice.Reference
        package var segmentSize: Segment.Size
        /// One advice per compared scenario, in the order of `scenarios`.
        package var advice: [Advice]
        /// Rules that fire under some of the scenarios but not all, in first firing order.
        package var rules: [RuleDifference]
        /// Levers whose recommended setting is not the same under every scenario, in lever order.
        package var levers: [LeverDifference]

        /// True when the advice is not the same under every scenario.
        package var differs: Bool {
            !rules.isEmpty || !levers.isEmpty || Set(advice.map(\.value.held)).count > 1
        }
    }

    package struct RuleDifference: Sendable, Equatable {
        package var rule: String
        package var why: String
        /// Scenario ids it fires under, and those it does not.
        package var firedIn: [String]
        package var notFiredIn: [String]
    }

    package struct LeverDifference: Sendable {
        package var lever: String
        package var name: String
        /// The lever's outcome under each scenario, in the order of `scenarios`.
        package var outcomes: [LeverOutcome]
    }

    /// Compares reports of the same offerings and segments under different scenarios.
    package init(reports: [AdviceReport]) {
        workspace = reports.first?.workspace ?? ""
        currency = reports.first?.currency ?? ""
        scenarios = reports.map(\.scenario)
        let ids = reports.map(\.scenario.id)
        let count = reports.map(\.advice.count).min() ?? 0
        rows = (0..<count).map { index in
            let advice = reports.map { $0.advice[index] }
            var seen = Set<String>()
            var rules: [RuleDifference] = []
            for rule in advice.flatMap(\.fired) where seen.insert(rule.rule).inserted {
                let fires = advice.map { $0.fired.contains { $0.rule == rule.rule } }
                guard fires.contains(false) else { continue }
                rules.append(RuleDifference(
                    rule: rule.rule, why: rule.why, firedIn: zip(ids, fires).filter(\.1).map(\.0),
                    notFiredIn: zip(ids, fires).filter { !$0.1 }.map(\.0)))
            }
            let levers = advice[0].levers.indices.compactMap { l -> LeverDifference? in
                let outcomes = advice.map { $0.levers[l] }
                guard Set(outcomes.map(\.toText)).count > 1 else { return nil }
                return LeverDifference(lever: outcomes[0].lever, name: outcomes[0].name, outcomes: outcomes)
            }
            return Row(offering: advice[0].offering, segment: advice[0].segment, segmentSize: advice[0].segmentSize,
                       advice: advice, rules: rules, levers: levers)
        }
    }
}

extension AdviceEngine {
    /// The advice under each scenario, compared.
    package func compare(
        scenarios: [Scenario], offerings: [String] = [], segments: [String] = [], options: Options = .init()
    ) throws(UnknownID) -> ScenarioComparison {
        var reports: [AdviceReport] = []
        for scenario in scenarios {
            reports.append(try report(for: AdviceRequest(scenario: scenario, offerings: offerings, segments: segments, options: options)))
        }
        return ScenarioComparison(reports: reports)
    }
}
