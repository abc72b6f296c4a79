/// The diff for a terminal.
public struct AdviceDiffTextReporter: AdviceDiffReporter {
    let wording: ReportWording

    public init(options: ReportOptions = .init()) {
        wording = ReportWording(options)
    }

    public func render(_ diff: AdviceDiff) -> String {
        var out = "Advice from \(diff.base) to \(diff.head): \(diff.summary)\n"
        for change in diff.changes {
            out += "\n\(change.key)\n"
            for line in change.lines(wording) { out += "  \(line)\n" }
        }
        for key in diff.onlyInHead { out += "\nonly in \(diff.head): \(key)\n" }
        for key in diff.onlyInBase { out += "\nonly in \(diff.base): \(key)\n" }
        return out
    }
}
