/// The formats of `adviser diff --format`.
public enum AdviceDiffFormat: String, ReportFormat {
    case text, markdown, github, json

    public static let standard = AdviceDiffFormat.text
    /// A diff is read in review, next to the workspace's files: its numbers are written as they are.
    public static let followsLocale = false

    /// No diff format uses colour yet.
    public func reporter(options: ReportOptions = .init()) -> any AdviceDiffReporter {
        switch self {
        case .text: AdviceDiffTextReporter()
        case .markdown: AdviceDiffMarkdownReporter()
        case .github: AdviceDiffGitHubReporter()
        case .json: AdviceDiffJSONReporter()
        }
    }
}
