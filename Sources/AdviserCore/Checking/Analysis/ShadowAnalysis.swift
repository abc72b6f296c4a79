/// `shadowed-adjustment`: a rule every one of whose adjustments is always overridden: for each lever
/// it adjusts, a rule of higher priority adjusts the same lever and fires whenever it fires (its
/// condition implies the other's, decided over the declared facts). Rules are indexed by the levers
/// they adjust, so only rules that share a lever are ever compared, and rules by the variables they
/// constrain (`RuleLogic.mayImply`), so only those whose conditions share them are decided.
struct ShadowAnalysis {
    let logic: RuleLogic

    func run() -> [Diagnostic] {
        var byLever: [String: Adjusting] = [:]
        for entry in logic.entries {
            for lever in Self.adjusted(entry.rule) { byLever[lever, default: Adjusting()].append(entry) }
        }
        let index = byLever
        // Each rule is decided on its own.
        return logic.entries.parallelMapInSlices { diagnostic($0, byLever: index) }.compactMap { $0 }
    }

    /// The rules adjusting one lever, in firing order (highest priority first), with what the scan
    /// for an overriding rule reads of each kept side by side: most rules are passed over on these
    /// alone, and reading them from each rule's entry cost a cache miss per rule.
    struct Adjusting {
        var entries: [RuleLogic.Entry] = []
        var priorities: [Int] = []
        var required: [VariableSet?] = []

        mutating func append(_ entry: RuleLogic.Entry) {
            entries.append(entry)
            priorities.append(entry.rule.priority)
            required.append(entry.required)
        }
    }

    private func diagnostic(_ entry: RuleLogic.Entry, byLever: [String: Adjusting]) -> Diagnostic? {
        if case .never = entry.reachability { return nil }
        let levers = Self.adjusted(entry.rule)
        guard !levers.isEmpty else { return nil }
        let priority = entry.rule.priority
        // Whether `entry` implies another rule, by its order, for a rule that adjusts several levers.
        var implications: [Int: Bool] = [:]
        var overriders: [(lever: String, by: RuleLogic.Entry)] = []
        for lever in levers {
            guard let rules = byLever[lever] else { return nil }
            var found: RuleLogic.Entry?
            for k in rules.priorities.indices {
                // Firing order: once a rule has no higher priority, none after it has.
                guard rules.priorities[k] > priority else { break }
                guard logic.mayImply(entry, required: rules.required[k]) else { continue }
                let other = rules.entries[k]
                if implications[other.order] ?? logic.implies(entry, other) {
                    implications[other.order] = true
                    found = other
                    break
                }
                implications[other.order] = false
            }
            guard let found else { return nil }
            overriders.append((lever, found))
        }
        let names = Array(Set(overriders.map(\.by.rule.id))).sorted()
        let list = overriders.map { "\($0.lever) by '\($0.by.rule.id)' (priority \($0.by.rule.priority))" }.joined(separator: ", ")
        return .warning(
            .shadowedAdjustment,
            "every adjustment of the rule '\(entry.rule.id)' is always overridden: whenever it fires, "
                + (names.count == 1 ? "'\(names[0])' fires too" : "higher-priority rules fire too") + " and sets " + list,
            at: entry.rule.location,
            hint: "raise its priority above the other rule's, narrow the other rule's condition, or drop these adjustments",
            related: overriders.map { Located("'\($0.by.rule.id)' sets \($0.lever) first", at: $0.by.rule.location) })
    }

    /// The levers a rule adjusts, in written order, each once.
    static func adjusted(_ rule: Rule) -> [String] {
        var levers: [String] = []
        for case .adjust(let lever, _) in rule.actions where !levers.contains(lever.value) { levers.append(lever.value) }
        return levers
    }
}
