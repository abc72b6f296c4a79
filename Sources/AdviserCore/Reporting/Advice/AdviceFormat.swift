/// The formats of `adviser advise --format`.
public enum AdviceFormat: String, ReportFormat {
    case text, markdown, json, html, csv

    public static let standard = AdviceFormat.text

    public func reporter(options: ReportOptions = .init()) -> any AdviceReporter {
        switch self {
        case .text: AdviceTextReporter(options: options)
        case .markdown: AdviceMarkdownReporter(options: options)
        case .json: AdviceJSONReporter()
        case .html: AdviceHTMLReporter(options: options)
        case .csv: AdviceCSVReporter(options: options)
        }
    }

    public var note: String? {
        switch self {
        case .html: "a one-file brief with charts"
        case .csv: "one row per lever, for spreadsheets"
        default: nil
        }
    }
}
