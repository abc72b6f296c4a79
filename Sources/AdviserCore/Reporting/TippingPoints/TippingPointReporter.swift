/// Turns a tipping-point analysis into text in one format; `TippingPointFormat` knows which
/// reporter writes which format.
package protocol TippingPointReporter: Sendable {
    func render(_ analysis: TippingPointAnalysis) -> String
}
