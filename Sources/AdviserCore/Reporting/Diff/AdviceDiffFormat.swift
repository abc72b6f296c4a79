/// The formats of `adviser diff --format`.
public enum AdviceDiffFormat: String, ReportFormat {
    case text, markdown, github, json

    public static let standard = AdviceDiffFormat.text

    /// No diff format uses colour yet; text and markdown write numbers in the locale.
    public func reporter(options: ReportOptions = .init()) -> any AdviceDiffReporter {
        switch self {
        case .text: AdviceDiffTextReporter(options: options)
        case .markdown: AdviceDiffMarkdownReporter(options: options)
        case .github: AdviceDiffGitHubReporter()
        case .json: AdviceDiffJSONReporter()
        }
    }
}
