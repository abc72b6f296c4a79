/// `unreachable-rule`: a condition that can never hold over the facts' declared ranges and values.
struct ReachabilityAnalysis {
    let logic: RuleLogic

    func run() -> [Diagnostic] {
        logic.entries.compactMap { entry in
            guard case .never = entry.reachability, let states = entry.states else { return nil }
            let reasons = states.map(logic.space.reason)
            let why = reasons.isEmpty ? "it is always false" : reasons.count == 1
                ? reasons[0]
                : "none of its \(reasons.count) alternatives can hold: " + reasons.joined(separator: "; ")
            let location = entry.rule.when.expressions.first?.location ?? entry.rule.location
            return .warning(
                .unreachableRule, "the rule '\(entry.rule.id)' can never fire: \(why)", at: location,
                hint: "fix the comparison, or the declared range in facts.yaml, or remove the rule")
        }
    }
}
