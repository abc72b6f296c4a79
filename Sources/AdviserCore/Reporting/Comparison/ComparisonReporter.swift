/// Turns a comparison into text in one format; `ComparisonFormat` knows which reporter writes
/// which format.
package protocol ComparisonReporter: Sendable {
    func render(_ comparison: ScenarioComparison) -> String
}
