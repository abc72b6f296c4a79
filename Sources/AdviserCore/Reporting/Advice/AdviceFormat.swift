/// The formats of `adviser advise --format`.
public enum AdviceFormat: String, ReportFormat {
    case text, markdown, json, html, csv

    public static let standard = AdviceFormat.text

    public func reporter(options: ReportOptions = .init()) -> any AdviceReporter {
        switch self {
        case .text: AdviceTextReporter(colors: options.colors)
        case .markdown: AdviceMarkdownReporter()
        case .json: AdviceJSONReporter()
        case .html: AdviceHTMLReporter()
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
