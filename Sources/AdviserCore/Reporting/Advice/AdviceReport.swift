/// Everything one `adviser advise` run reports: the workspace, the scenario, and each advice.
public struct AdviceReport: Sendable {
    public var workspace: String
    public var scenario: Scenario
    public var currency: String
    public var advice: [Advice]
    public var explain: Bool

    public init(workspace: String, scenario: Scenario, currency: String, advice: [Advice], explain: Bool = false) {
        self.workspace = workspace
        self.scenario = scenario
        self.currency = currency
        self.advice = advice
        self.explain = explain
    }

    /// Warnings that concern the whole report (a stale scenario), shown once at the top.
    public var topWarnings: [AdviceWarning] {
        var seen = Set<String>()
        return advice.flatMap(\.warnings).filter { $0.code == .staleScenario && seen.insert($0.message).inserted }
    }

    /// The advice grouped by offering, in report order.
    public var byOffering: [[Advice]] {
        var groups: [[Advice]] = []
        for a in advice {
            if let last = groups.last, last[0].offering.id == a.offering.id {
                groups[groups.count - 1].append(a)
            } else {
                groups.append([a])
            }
        }
        return groups
    }
}
