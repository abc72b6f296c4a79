/// What a fired rule contributes to advice that does not depend on the client: its `fired` record
/// and, per segment, its talking points, each with its compact JSON already written.
///
/// Batch advice fires dozens of rules per client, and writing their records (escaping `why` and the
/// talking points' text, formatting locations) was the largest part of writing the JSON; the records
/// are the same for every client, so they are written once when the engine is built and copied as
/// bytes. Advice remembers which of its records came from here (`PrerenderedRecords`); the records
/// themselves carry no JSON.
final class PrerenderedRules: Sendable {
    /// By rule position in `AdviceEngine.rules`.
    let fired: [FiredRule]
    private let firedJSON: [[UInt8]]
    /// Every rule's talking points for every segment, in one array: rule by rule, segment by
    /// segment, `say` actions in order. Nested arrays cost a cache miss per level for each rule
    /// that fires.
    let talkingPoints: [TalkingPoint]
    private let talkingPointsJSON: [[UInt8]]
    /// Where the points of rule r for segment s start in `talkingPoints`: at r × segments + s (one
    /// more entry at the end, so each range ends where the next starts).
    private let talkingPointsStart: [Int]
    private let segmentCount: Int

    /// - Parameter writingJSON: false makes only the fired records, for advice that is read but never
    ///   written (the static analysis): no JSON, and no talking points per segment (batch mode's).
    init(rules: [ConditionCompiler.Compiled], segments: [Segment], writingJSON: Bool = true) {
        fired = rules.map { compiled in
            let rule = compiled.rule
            return FiredRule(rule: rule.id, ruleset: rule.ruleset, location: rule.location, why: rule.why, priority: rule.priority)
        }
        guard writingJSON else {
            (firedJSON, talkingPoints, talkingPointsJSON, talkingPointsStart, segmentCount) = ([], [], [], [], 0)
            return
        }
        var talkingPoints: [TalkingPoint] = []
        var talkingPointsStart: [Int] = []
        for compiled in rules {
            for segment in segments {
                talkingPointsStart.append(talkingPoints.count)
                for case .say(let text, let about, _) in compiled.rule.actions {
                    if let point = TalkingPoint.make(text, about: about?.value, rule: compiled.rule.id, segment: segment) {
                        talkingPoints.append(point)
                    }
                }
            }
        }
        firedJSON = fired.map { record in AdviceJSON.compact { AdviceJSON.write(record, to: &$0) } }
        talkingPointsJSON = talkingPoints.map { point in AdviceJSON.compact { AdviceJSON.write(point, to: &$0) } }
        talkingPointsStart.append(talkingPoints.count)
        self.talkingPoints = talkingPoints
        self.talkingPointsStart = talkingPointsStart
        segmentCount = segments.count
    }

    /// Where in `talkingPoints` the rule's points for the segment at that position in the
    /// workspace are (a `say` about a driver the segment does not have makes no point).
    func talkingPointPositions(rule: Int, segment: Int) -> Range<Int> {
        talkingPointsStart[rule * segmentCount + segment]..<talkingPointsStart[rule * segmentCount + segment + 1]
    }

    /// The compact JSON of the fired record of the rule at this position (nil: not written).
    func firedJSON(rule: Int) -> [UInt8]? { firedJSON.isEmpty ? nil : firedJSON[rule] }

    /// The compact JSON of the talking point at this position of `talkingPoints`.
    func talkingPointJSON(at position: Int) -> [UInt8] { talkingPointsJSON[position] }
}
