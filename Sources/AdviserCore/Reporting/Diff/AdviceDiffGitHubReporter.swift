/// The diff as GitHub Actions annotations on the rules it is down to, then the summary.
package struct AdviceDiffGitHubReporter: AdviceDiffReporter {
    package init() {}

    package func render(_ diff: AdviceDiff) -> String {
        var lines: [String] = []
        for (rule, keys, summary) in diff.changedRules {
            lines.append(GitHubWorkflowCommand.line(
                "notice", file: rule.location.file, line: rule.location.line, column: rule.location.column,
                title: "adviser diff: \(rule.id) changes \(keys.count) combination\(keys.count == 1 ? "" : "s")",
                message: summary.joined(separator: "\n")))
        }
        lines.append("Advice from \(diff.base) to \(diff.head): \(diff.summary)")
        return lines.joined(separator: "\n") + "\n"
    }
}
