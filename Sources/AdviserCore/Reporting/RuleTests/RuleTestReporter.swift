/// Turns the results of `adviser test` into text in one format; `RuleTestFormat` knows which
/// reporter writes which format.
package protocol RuleTestReporter: Sendable {
    func render(_ report: RuleTestReport) -> String
}
