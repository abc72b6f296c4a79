/// Renders an `AdviceDiff` in one format; `AdviceDiffFormat` knows which reporter writes which format.
public protocol AdviceDiffReporter: Sendable {
    func render(_ diff: AdviceDiff) -> String
}
