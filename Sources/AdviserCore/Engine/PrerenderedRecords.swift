/// Which records of one piece of advice are the engine's prewritten ones (`PrerenderedRules`), so
/// compact JSON can copy their bytes instead of writing them field by field.
///
/// Advice forgets a list here as soon as that list changes, so the bytes copied are always those of
/// the records it holds.
struct PrerenderedRecords: Sendable {
    /// The table the positions point into (nil: nothing is prewritten).
    var table: PrerenderedRules?
    /// For each `Advice.fired` record, its rule position in the table (nil: written field by field).
    var firedRules: [Int]?
    /// For each `Advice.talkingPoints` point, its position in the table (nil: written field by field).
    var talkingPoints: [Int]?
    /// The `Advice.warnings` worded beforehand (`WordedWarnings`): their positions, ascending, and
    /// their compact JSON.
    var warnings: [(position: Int, json: [UInt8])] = []

    /// The prewritten compact JSON of `Advice.fired[index]`, if there is one.
    func firedJSON(_ index: Int) -> [UInt8]? {
        guard let table, let firedRules else { return nil }
        return table.firedJSON(rule: firedRules[index])
    }

    /// The prewritten compact JSON of `Advice.talkingPoints[index]`, if there is one.
    func talkingPointJSON(_ index: Int) -> [UInt8]? {
        guard let table, let talkingPoints else { return nil }
        return table.talkingPointJSON(at: talkingPoints[index])
    }

    /// The prewritten compact JSON of `Advice.warnings[index]`, if there is one.
    func warningJSON(_ index: Int) -> [UInt8]? {
        // A handful per advice, in order: a scan is enough.
        warnings.first { $0.position == index }?.json
    }
}
