/// The formats of `adviser compare --format`.
public enum ComparisonFormat: String, ReportFormat {
    case text, markdown, json, html

    public static let standard = ComparisonFormat.text

    public func reporter(options: ReportOptions = .init()) -> any ComparisonReporter {
        switch self {
        case .text: ComparisonTextReporter(colors: options.colors)
        case .markdown: ComparisonMarkdownReporter()
        case .json: ComparisonJSONReporter()
        case .html: ComparisonHTMLReporter()
        }
    }

    public var note: String? { self == .html ? "a one-file brief with charts" : nil }
}
