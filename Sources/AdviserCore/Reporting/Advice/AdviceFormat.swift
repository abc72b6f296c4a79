/// The formats of `adviser advise --format`.
package enum AdviceFormat: String, ReportFormat {
    case text, markdown, json, html, csv

    package static let standard = AdviceFormat.text

    package func reporter(options: ReportOptions = .init()) -> any AdviceReporter {
        switch self {
        case .text: AdviceTextReporter(options: options)
        case .markdown: AdviceMarkdownReporter(options: options)
        case .json: AdviceJSONReporter()
        case .html: AdviceHTMLReporter(options: options)
        case .csv: AdviceCSVReporter(options: options)
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
