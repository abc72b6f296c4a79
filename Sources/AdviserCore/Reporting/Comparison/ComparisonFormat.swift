/// The formats of `adviser compare --format`.
package enum ComparisonFormat: String, ReportFormat {
    case text, markdown, json, html

    package static let standard = ComparisonFormat.text

    package func reporter(options: ReportOptions = .init()) -> any ComparisonReporter {
        switch self {
        case .text: ComparisonTextReporter(colors: options.colors)
        case .markdown: ComparisonMarkdownReporter()
        case .json: ComparisonJSONReporter()
        case .html: ComparisonHTMLReporter()
        }
    }

    package var note: String? { self == .html ? "a one-file brief with charts" : nil }
}
