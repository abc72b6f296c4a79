/// The formats of `adviser validate --format`.
public enum DiagnosticFormat: String, ReportFormat {
    case text, json, github, sarif

    public static let standard = DiagnosticFormat.text

    public func reporter(colors: TerminalColors = .none) -> any DiagnosticReporter {
        switch self {
        case .text: DiagnosticTextReporter(colors: colors)
        case .json: DiagnosticJSONReporter()
        case .github: DiagnosticGitHubReporter()
        case .sarif: DiagnosticSARIFReporter()
        }
    }
}
