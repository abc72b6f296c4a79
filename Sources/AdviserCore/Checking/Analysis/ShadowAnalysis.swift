/// `shadowed-adjustment`: a rule every one of whose adjustments is always overridden: for each lever
/// it adjusts, a rule of higher priority adjusts the same lever and fires whenever it fires (its
/// condition implies the other's, decided over the declared facts).
struct ShadowAnalysis {
    let logic: RuleLogic

    func run() -> [Diagnostic] {
        // lever id → rules adjusting it, highest priority first.
        var byLever: [String: [RuleLogic.Entry]] = [:]
        for entry in logic.entries {
            for lever in Self.adjusted(entry.rule) { byLever[lever, default: []].append(entry) }
        }
        var implications: [Int: [Int: Bool]] = [:]
        var diagnostics: [Diagnostic] = []
        for entry in logic.entries {
            if case .never = entry.reachability { continue }
            let levers = Self.adjusted(entry.rule)
            guard !levers.isEmpty else { continue }
            var overriders: [(lever: String, by: RuleLogic.Entry)] = []
            for lever in levers {
                let found = byLever[lever, default: []].first { other in
                    guard other.rule.priority > entry.rule.priority else { return false }
                    if let known = implications[entry.order]?[other.order] { return known }
                    let result = logic.implies(entry, other)
                    implications[entry.order, default: [:]][other.order] = result
                    return result
                }
                guard let found else { break }
                overriders.append((lever, found))
            }
            guard overriders.count == levers.count else { continue }
            let names = Array(Set(overriders.map(\.by.rule.id))).sorted()
            let list = overriders.map { "\($0.lever) by '\($0.by.rule.id)' (priority \($0.by.rule.priority))" }.joined(separator: ", ")
            diagnostics.append(.warning(
                .shadowedAdjustment,
                "every adjustment of the rule '\(entry.rule.id)' is always overridden: whenever it fires, "
                    + (names.count == 1 ? "'\(names[0])' fires too" : "higher-priority rules fire too") + " and sets " + list,
                at: entry.rule.location,
                hint: "raise its priority above the other rule's, narrow the other rule's condition, or drop these adjustments",
                related: overriders.map { Located("'\($0.by.rule.id)' sets \($0.lever) first", at: $0.by.rule.location) }))
        }
        return diagnostics
    }

    /// The levers a rule adjusts, in written order, each once.
    static func adjusted(_ rule: Rule) -> [String] {
        var levers: [String] = []
        for case .adjust(let lever, _) in rule.actions where !levers.contains(lever.value) { levers.append(lever.value) }
        return levers
    }
}
