/// `--format github`: GitHub Actions workflow commands, so each finding shows on the pull request's
/// changed lines: `::error file=F,line=L,col=C,title=T::message`.
package struct DiagnosticGitHubReporter: DiagnosticReporter {
    package init() {}

    package func render(_ diagnostics: [Diagnostic], context: DiagnosticReportContext) -> String {
        var lines = diagnostics.map { d in
            GitHubWorkflowCommand.line(
                d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice",
                file: d.location.file, line: d.location.line, column: d.location.column, title: "adviser \(d.code)",
                message: d.message + (d.hint.map { " (\($0))" } ?? "")
                    + d.related.map { "\nnote: \($0.value) at \($0.location)" }.joined())
        }
        lines.append(DiagnosticFormatter.summary(diagnostics, files: context.fileCount))
        return lines.joined(separator: "\n") + "\n"
    }
}
