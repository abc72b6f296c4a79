/// What a change to the rules does to the advice: every offering × segment × scenario advised on
/// both workspaces, and for each combination whose advice differs, what changed.
public struct AdviceDiff: Sendable, Codable {
    /// How each side was named (a folder or a git revision).
    public var base: String
    /// How the head side (the workspace after) was named.
    public var head: String
    /// Combinations advised on both sides.
    public var compared: Int
    /// The combinations whose advice changed, in offering, segment, scenario order of the head.
    public var changes: [Change]
    /// Combinations that exist in the base only (an offering, segment or scenario removed).
    public var onlyInBase: [Key]
    /// Combinations that exist in the head only (an offering, segment or scenario added).
    public var onlyInHead: [Key]
    /// Where every rule of either side is written (the head's location when it has the rule).
    public var ruleLocations: [String: RuleReference] = [:]

    /// Whether the advice is the same on both sides.
    public var isEmpty: Bool { changes.isEmpty && onlyInBase.isEmpty && onlyInHead.isEmpty }

    /// One offering × segment × scenario, by ids.
    public struct Key: Hashable, Sendable, CustomStringConvertible, Codable {
        /// The offering's id.
        public var offering: String
        /// The segment's id.
        public var segment: String
        /// The scenario's id.
        public var scenario: String
        /// `offering × segment × scenario`.
        public var description: String { "\(offering) × \(segment) × \(scenario)" }

        /// The combination of these ids.
        public init(offering: String, segment: String, scenario: String) {
            self.offering = offering
            self.segment = segment
            self.scenario = scenario
        }
    }

    /// A rule, with where it is written (in the head when it exists there).
    public struct RuleReference: Hashable, Sendable, Codable {
        /// The rule's id.
        public var id: String
        /// Where it is written.
        public var location: SourceLocation
    }

    /// The diff's name for what changed in one combination.
    public typealias Change = AdviceDelta
}

extension AdviceDiff {
    /// Advises both workspaces (already loaded without errors) and compares them.
    package static func compare(base: Workspace, head: Workspace, baseName: String, headName: String) throws(AdviceError) -> AdviceDiff {
        let before = try AdviceEngine(workspace: base)
        let after = try AdviceEngine(workspace: head)
        let headRules = Dictionary(head.rules.map { ($0.id, $0.location) }, uniquingKeysWith: { a, _ in a })
        let baseRules = Dictionary(base.rules.map { ($0.id, $0.location) }, uniquingKeysWith: { a, _ in a })
        func reference(_ id: String) -> RuleReference {
            RuleReference(id: id, location: headRules[id] ?? baseRules[id] ?? .file(head.root))
        }
        var diff = AdviceDiff(base: baseName, head: headName, compared: 0, changes: [], onlyInBase: [], onlyInHead: [])
        for id in Set(headRules.keys).union(baseRules.keys) { diff.ruleLocations[id] = reference(id) }
        for offering in head.offerings {
            for segment in head.segments where segment.isOffered(offering.id) || base.segment(segment.id)?.isOffered(offering.id) == true {
                for scenario in head.scenarios {
                    let key = Key(offering: offering.id, segment: segment.id, scenario: scenario.id)
                    guard let o = base.offering(offering.id), let s = base.segment(segment.id), let c = base.scenario(scenario.id) else {
                        diff.onlyInHead.append(key)
                        continue
                    }
                    diff.compared += 1
                    let old = before.advise(offering: o, segment: s, scenario: c)
                    let new = after.advise(offering: offering, segment: segment, scenario: scenario)
                    if let change = Self.change(old, new, reference: reference) {
                        diff.changes.append(change)
                    }
                }
            }
        }
        for offering in base.offerings {
            for segment in base.segments where segment.isOffered(offering.id) {
                for scenario in base.scenarios
                where head.offering(offering.id) == nil || head.segment(segment.id) == nil || head.scenario(scenario.id) == nil {
                    diff.onlyInBase.append(Key(offering: offering.id, segment: segment.id, scenario: scenario.id))
                }
            }
        }
        return diff
    }

    /// What changed in one combination, with every rule named where the head writes it when it
    /// still has it; nil when nothing did.
    static func change(_ old: Advice, _ new: Advice, reference: (String) -> RuleReference) -> Change? {
        var delta = AdviceDelta(from: old, to: new)
        guard !delta.isEmpty else { return nil }
        delta.nowFired = delta.nowFired.map { reference($0.id) }
        delta.noLongerFired = delta.noLongerFired.map { reference($0.id) }
        return delta
    }

    /// Every rule the changes are down to, with the combinations it affects, in first-seen order:
    /// rules that started or stopped firing, and rules that set a changed lever on either side.
    package var changedRules: [(rule: RuleReference, keys: [Key], summary: [String])] {
        var order: [String] = []
        var entries: [String: (RuleReference, [Key], [String])] = [:]
        func note(_ rule: RuleReference, _ key: Key, _ what: String) {
            if entries[rule.id] == nil { order.append(rule.id); entries[rule.id] = (rule, [], []) }
            if entries[rule.id]!.1.last != key { entries[rule.id]!.1.append(key) }
            entries[rule.id]!.2.append("\(key): \(what)")
        }
        for change in changes {
            for rule in change.nowFired { note(rule, change.key, "now fires") }
            for rule in change.noLongerFired { note(rule, change.key, "no longer fires") }
            for lever in change.levers {
                var sources: [String] = []
                for source in [lever.sourceAfter, lever.sourceBefore].compactMap({ $0 }) where !sources.contains(source) {
                    sources.append(source)
                }
                for source in sources where source != "baseline" && source != "balance" {
                    if let rule = ruleLocations[source] { note(rule, change.key, "\(lever.lever) \(lever.before ?? "–") → \(lever.after ?? "–")") }
                }
            }
        }
        return order.map { entries[$0]! }
    }
}

extension AdviceDiff {
    /// The diff with rule locations under `folder` (a revision extracted to a scratch folder)
    /// shown under `workspace` instead (the same files in the working tree), so annotations point
    /// at files the user has.
    package func relocating(_ folder: String, to workspace: String) -> AdviceDiff {
        func move(_ rule: RuleReference) -> RuleReference {
            guard rule.location.file.hasPrefix(folder + "/") else { return rule }
            var moved = rule
            moved.location.file = workspace + rule.location.file.dropFirst(folder.count)
            return moved
        }
        var diff = self
        diff.ruleLocations = ruleLocations.mapValues(move)
        diff.changes = changes.map { change in
            var change = change
            change.nowFired = change.nowFired.map(move)
            change.noLongerFired = change.noLongerFired.map(move)
            return change
        }
        return diff
    }
}
