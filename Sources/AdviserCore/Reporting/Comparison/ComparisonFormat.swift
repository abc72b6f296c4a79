/// The formats of `adviser compare --format`.
package enum ComparisonFormat: String, ReportFormat {
    case text, markdown, json, html, csv

    package static let standard = ComparisonFormat.text

    package func reporter(options: ReportOptions = .init()) -> any ComparisonReporter {
        switch self {
        case .text: ComparisonTextReporter(options: options)
        case .markdown: ComparisonMarkdownReporter(options: options)
        case .json: ComparisonJSONReporter()
        case .html: ComparisonHTMLReporter(options: options)
        case .csv: ComparisonCSVReporter(options: options)
        }
    }

    package var note: String? {
        switch self {
        case .html: "a one-file brief with charts"
        case .csv: "one row per lever, for spreadsheets"
        default: nil
        }
    }
}
