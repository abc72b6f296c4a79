/// Renders an `AdviceDiff` in one format; `AdviceDiffFormat` knows which reporter writes which format.
package protocol AdviceDiffReporter: Sendable {
    func render(_ diff: AdviceDiff) -> String
}
