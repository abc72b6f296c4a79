/// The formats of `adviser advise --format`.
public enum AdviceFormat: String, ReportFormat {
    case text, markdown, json, html

    public static let standard = AdviceFormat.text

    public func reporter(options: ReportOptions = .init()) -> any AdviceReporter {
        switch self {
        case .text: AdviceTextReporter(options: options)
        case .markdown: AdviceMarkdownReporter(options: options)
        case .json: AdviceJSONReporter()
        case .html: AdviceHTMLReporter(options: options)
        }
    }

    public var note: String? { self == .html ? "a one-file brief with charts" : nil }
}
