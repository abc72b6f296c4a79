/// The diff as a pull-request comment.
public struct AdviceDiffMarkdownReporter: AdviceDiffReporter {
    let wording: ReportWording

    public init(options: ReportOptions = .init()) {
        wording = ReportWording(options)
    }

    public func render(_ diff: AdviceDiff) -> String {
        var out = "### What this change does to the advice\n\n"
        out += "`\(diff.base)` → `\(diff.head)`: \(diff.summary).\n"
        if diff.isEmpty { return out + "\nNo advice changes.\n" }
        if !diff.changes.isEmpty {
            out += "\n| Offering | Segment | Scenario | What changes |\n|---|---|---|---|\n"
            for change in diff.changes {
                let what = change.lines(wording).map(escape).joined(separator: "<br>")
                out += "| \(escape(change.key.offering)) | \(escape(change.key.segment)) | \(escape(change.key.scenario)) | \(what) |\n"
            }
        }
        let rules = diff.changedRules
        if !rules.isEmpty {
            out += "\n**Rules involved:** " + rules.map { "`\($0.rule.id)` (\($0.keys.count))" }.joined(separator: ", ") + "\n"
        }
        for key in diff.onlyInHead { out += "\n- only in `\(diff.head)`: \(escape(key.description))" }
        for key in diff.onlyInBase { out += "\n- only in `\(diff.base)`: \(escape(key.description))" }
        if !diff.onlyInHead.isEmpty || !diff.onlyInBase.isEmpty { out += "\n" }
        return out
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
