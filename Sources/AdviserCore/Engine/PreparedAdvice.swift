import AdviserExpression

/// What advice on one offering for one segment of the workspace starts from, whoever the client:
/// the facts under the scenario, what the segment has today and may have of each lever, each
/// driver's curves over the offering's levers and the margin model.
///
/// Batch advice prepares one per offering × segment and advises every client from it; working
/// these out again for each client (looking levers, purchases, bounds and curves up by id) cost
/// as much as firing the rules.
package struct PreparedAdvice: Sendable {
    /// The offering's position in the workspace.
    let offeringIndex: Int
    /// The segment's position in the workspace: its talking points are the prewritten ones.
    let segmentIndex: Int
    /// The facts of the offering × segment × scenario; a client's own facts are applied on top.
    let facts: Activation
    let today: [Double]
    /// `today` as reports write it (`Lever.display`).
    let todayTexts: [String]
    let allowed: [ClosedRange<Double>]
    let margins: MarginModel
    let curves: ValueModel.Curves

    init(engine: AdviceEngine, offeringIndex: Int, segmentIndex: Int, scenario: Scenario) {
        let offering = engine.workspace.offerings[offeringIndex], segment = engine.workspace.segments[segmentIndex]
        (self.offeringIndex, self.segmentIndex) = (offeringIndex, segmentIndex)
        facts = FactActivation.make(
            declarations: engine.declarations, workspace: engine.workspace, offering: offering, segment: segment,
            scenario: scenario, overrides: [:])
        today = segment.today(offering)
        todayTexts = zip(offering.levers, today).map { $0.display($1) }
        allowed = offering.levers.map { segment.allowedRange($0, of: offering.id) }
        margins = MarginModel(offering: offering)
        curves = ValueModel.Curves(offering: offering, segment: segment)
    }
}
