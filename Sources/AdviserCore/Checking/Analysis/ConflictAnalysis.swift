import Foundation

/// `conflict`: two rules with the same priority that can fire together (their conditions are
/// jointly satisfiable over the declared facts) and set the same lever of some offering to
/// different settings. Rules are indexed by the levers they adjust, so only rules that share a
/// lever and a priority are ever compared; and a pair whose conditions bound a shared variable to
/// values that do not meet (`ConditionBounds`) can never fire together, so it is not decided at all.
struct ConflictAnalysis {
    let logic: RuleLogic
    let workspace: Workspace

    struct Adjusting {
        var entry: RuleLogic.Entry
        var change: Adjustment
        var location: SourceLocation
    }

    func run() -> [Diagnostic] {
        // lever id → priority → rules adjusting it (first adjustment of the lever in each rule).
        var index: [String: [Int: [Adjusting]]] = [:]
        for entry in logic.entries {
            if case .never = entry.reachability { continue }
            var seen: Set<String> = []
            for case .adjust(let lever, let change) in entry.rule.actions where seen.insert(lever.value).inserted {
                index[lever.value, default: [:]][entry.rule.priority, default: []]
                    .append(Adjusting(entry: entry, change: change, location: lever.location))
            }
        }
        let groups = index.keys.sorted().flatMap { leverID in
            index[leverID]!.sorted(by: { $0.key > $1.key }).map { (leverID, $0.value) }.filter { $0.1.count > 1 }
        }
        let offeringsByLever = Dictionary(grouping: workspace.offerings.flatMap { o in o.levers.map { (o, $0) } }, by: { $0.1.id })
        // Pairs are independent of each other, so each core takes its share of them: those whose
        // first rule (in firing order) falls to it, so a pair meets the same core on every lever,
        // where its levers are checked in order, as its finding depends on which comes first.
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let shares = parallelMap(Array(0..<workers)) { worker in
            findings(in: groups, offeringsByLever: offeringsByLever) { $0 % workers == worker }
        }
        return shares.flatMap(\.values).sorted { $0.key < $1.key }.map(\.diagnostic)
    }

    /// One finding per pair of rules whose first rule's order is in `share`: the first lever (by id)
    /// they certainly disagree on, else the first they may disagree on.
    private func findings(
        in groups: [(lever: String, rules: [Adjusting])], offeringsByLever: [String: [(Offering, Lever)]],
        share: (Int) -> Bool
    ) -> [PairKey: Finding] {
        var findings: [PairKey: Finding] = [:]
        // Pairs with a certain finding: later levers need not be checked.
        var decided: Set<PairKey> = []
        for (leverID, group) in groups {
            let offerings = offeringsByLever[leverID] ?? []
            // A group lists its rules in firing order: the first of a pair comes first.
            for i in group.indices where share(group[i].entry.order) {
                let first = group[i]
                for second in group[(i + 1)...] where first.change != second.change {
                    let key = PairKey(first: first.entry.order, second: second.entry.order)
                    guard !decided.contains(key), !first.entry.bounds.excludes(second.entry.bounds) else { continue }
                    if check(first, second, offerings: offerings, into: &findings[key]) { decided.insert(key) }
                }
            }
        }
        return findings
    }

    struct PairKey: Hashable, Comparable {
        var first: Int
        var second: Int
        static func < (a: Self, b: Self) -> Bool { (a.first, a.second) < (b.first, b.second) }
    }

    struct Finding {
        var key: PairKey
        var diagnostic: Diagnostic
    }

    /// Records the pair's finding on this lever, unless it has one already and this one is not
    /// certain; true when the finding is certain (not maybe).
    private func check(_ first: Adjusting, _ second: Adjusting, offerings: [(Offering, Lever)], into finding: inout Finding?) -> Bool {
        let dependsOnOffering = first.entry.readsOffering || second.entry.readsOffering
        // Without offering.* in either condition, whether they fire together is the same for every offering.
        var shared: Satisfiability?
        for (offering, lever) in offerings {
            let a = Self.setting(first.change, lever), b = Self.setting(second.change, lever)
            guard a != b else { continue }
            let outcome: Satisfiability
            if dependsOnOffering {
                outcome = logic.together(first.entry, second.entry, extra: offeringAtoms(offering, first.entry, second.entry))
            } else {
                if shared == nil { shared = logic.together(first.entry, second.entry) }
                outcome = shared!
            }
            let certain: Bool
            let state: ConstraintState
            switch outcome {
            case .never: continue
            case .satisfiable(let s): (certain, state) = (true, s)
            case .maybe(let s): (certain, state) = (false, s)
            }
            if finding != nil && !certain { return false }
            let r1 = first.entry.rule, r2 = second.entry.rule
            let verb = certain ? "can fire together" : "may fire together"
            let message = "rules '\(r1.id)' and '\(r2.id)' \(verb) with the same priority \(r2.priority) and set \(lever.name) "
                + "differently (\(lever.display(a)) against \(lever.display(b)) in '\(offering.id)'); '\(r1.id)' wins only by file order, "
                + "e.g. when " + logic.space.witness(state, only: first.entry.reads.union(second.entry.reads))
            finding = Finding(
                key: PairKey(first: first.entry.order, second: second.entry.order),
                diagnostic: .warning(
                    .conflict, message, at: second.location,
                    hint: "give one rule a higher priority, or make their conditions exclusive",
                    related: [Located("'\(r1.id)' adjusts \(lever.id) here", at: first.location)]))
            if certain { return true }
        }
        return false
    }

    /// What the advised offering fixes: its id and its levers' baselines, for the variables the
    /// two rules read.
    private func offeringAtoms(_ offering: Offering, _ a: RuleLogic.Entry, _ b: RuleLogic.Entry) -> [Atom] {
        let space = logic.space
        var atoms: [Atom] = []
        if let v = space.index["offering.id"] { atoms.append(.member(variable: v, values: [offering.id], negated: false)) }
        for lever in offering.levers {
            guard let v = space.index["offering.\(lever.id)"] else { continue }
            if lever.kind == .level {
                atoms.append(.member(variable: v, values: [lever.display(lever.baseline)], negated: false))
            } else {
                atoms.append(.compare(variable: v, .equal, lever.baseline))
            }
        }
        return atoms
    }

    /// The setting an adjustment gives a lever, exactly as the engine computes it.
    static func setting(_ change: Adjustment, _ lever: Lever) -> Double {
        lever.snapToGrid(lever.asked(by: change, from: lever.baseline))
    }
}
