/// Turns advice into text in one format; `AdviceFormat` knows which reporter writes which format.
package protocol AdviceReporter: Sendable {
    func render(_ report: AdviceReport) -> String
}
