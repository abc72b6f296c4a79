/// The formats of `adviser advise --format`.
public enum AdviceFormat: String, ReportFormat {
    case text, markdown, json, html

    public static let standard = AdviceFormat.text

    public func reporter(options: ReportOptions = .init()) -> any AdviceReporter {
        switch self {
        case .text: AdviceTextReporter(colors: options.colors)
        case .markdown: AdviceMarkdownReporter()
        case .json: AdviceJSONReporter()
        case .html: AdviceHTMLReporter()
        }
    }

    public var note: String? { self == .html ? "a one-file brief with charts" : nil }
}
