/// The formats of `adviser validate --format`.
package enum DiagnosticFormat: String, ReportFormat {
    case text, json, github, sarif

    package static let standard = DiagnosticFormat.text
    /// Diagnostics quote the workspace's own numbers.
    package static let followsLocale = false

    package func reporter(options: ReportOptions = .init()) -> any DiagnosticReporter {
        switch self {
        case .text: DiagnosticTextReporter(colors: options.colors)
        case .json: DiagnosticJSONReporter()
        case .github: DiagnosticGitHubReporter()
        case .sarif: DiagnosticSARIFReporter()
        }
    }
}
