/// What a fired rule contributes to advice that does not depend on the client: its `fired` record
/// and, per segment, its talking points, each with its compact JSON already written.
///
/// Batch advice fires ~38 rules per client, and writing their records (escaping `why` and the talking
/// points' text, formatting locations) was the largest part of writing the JSON; the records are the
/// same for every client, so they are written once when the engine is built and copied as bytes.
struct PrerenderedRules: Sendable {
    /// By rule position in `AdviceEngine.rules`.
    let fired: [FiredRule]
    /// By rule position, then segment position in the workspace: the rule's `say` actions, in order.
    let talkingPoints: [[[TalkingPoint]]]

    init(rules: [ConditionCompiler.Compiled], segments: [Segment]) {
        fired = rules.map { compiled in
            let rule = compiled.rule
            return FiredRule(rule: rule.id, ruleset: rule.ruleset, location: rule.location, why: rule.why, priority: rule.priority)
                .prerendered()
        }
        talkingPoints = rules.map { compiled in
            segments.map { segment in
                compiled.rule.actions.compactMap { action -> TalkingPoint? in
                    guard case .say(let text, let about, _) = action else { return nil }
                    return TalkingPoint.make(text, about: about?.value, rule: compiled.rule.id, segment: segment).prerendered()
                }
            }
        }
    }
}
