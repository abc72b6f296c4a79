/// `--format github`: GitHub Actions workflow commands, so each finding shows on the pull request's
/// changed lines: `::error file=F,line=L,col=C,title=T::message`.
public struct GitHubDiagnosticReporter: DiagnosticReporter {
    public init() {}

    public func render(_ diagnostics: [Diagnostic], context: DiagnosticReportContext) -> String {
        var lines = diagnostics.map { d in
            Self.command(
                d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice",
                file: d.location.file, line: d.location.line, column: d.location.column, title: "adviser \(d.code)",
                message: d.message + (d.hint.map { " (\($0))" } ?? "")
                    + d.related.map { "\nnote: \($0.value) at \($0.location)" }.joined())
        }
        lines.append(DiagnosticFormatter.summary(diagnostics, files: context.fileCount))
        return lines.joined(separator: "\n") + "\n"
    }

    /// One workflow command, its properties and message escaped as the runner expects.
    public static func command(_ name: String, file: String, line: Int, column: Int? = nil, title: String, message: String) -> String {
        var properties = ["file=\(escapeProperty(file))", "line=\(line)"]
        if let column { properties.append("col=\(column)") }
        properties.append("title=\(escapeProperty(title))")
        return "::\(name) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// `%`, CR and LF in a message.
    public static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value: also `:` and `,`, which would end it.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
