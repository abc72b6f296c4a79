/// The formats of `adviser advise --format`.
package enum AdviceFormat: String, ReportFormat {
    case text, markdown, json, html

    package static let standard = AdviceFormat.text

    package func reporter(options: ReportOptions = .init()) -> any AdviceReporter {
        switch self {
        case .text: AdviceTextReporter(colors: options.colors)
        case .markdown: AdviceMarkdownReporter()
        case .json: AdviceJSONReporter()
        case .html: AdviceHTMLReporter()
        }
    }

    package var note: String? { self == .html ? "a one-file brief with charts" : nil }
}
