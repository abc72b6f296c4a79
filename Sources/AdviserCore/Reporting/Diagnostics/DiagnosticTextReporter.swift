/// The compiler-style text of `adviser validate`: each finding with its source line, then a summary.
package struct DiagnosticTextReporter: DiagnosticReporter {
    package var colors: TerminalColors

    package init(colors: TerminalColors = .none) {
        self.colors = colors
    }

    package func render(_ diagnostics: [Diagnostic], context: DiagnosticReportContext) -> String {
        let formatter = DiagnosticFormatter(sources: context.sources, colors: colors)
        var lines = diagnostics.map(formatter.format)
        lines.append(DiagnosticFormatter.summary(diagnostics, files: context.fileCount))
        return lines.joined(separator: "\n") + "\n"
    }
}
