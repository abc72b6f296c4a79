/// The formats of `adviser validate --format`.
public enum DiagnosticFormat: String, ReportFormat {
    case text, json, github, sarif

    public static let standard = DiagnosticFormat.text
    /// Diagnostics quote the workspace's own numbers.
    public static let followsLocale = false

    public func reporter(options: ReportOptions = .init()) -> any DiagnosticReporter {
        switch self {
        case .text: DiagnosticTextReporter(colors: options.colors)
        case .json: DiagnosticJSONReporter()
        case .github: DiagnosticGitHubReporter()
        case .sarif: DiagnosticSARIFReporter()
        }
    }
}
