/// The formats of `adviser compare --format`.
public enum ComparisonFormat: String, ReportFormat {
    case text, markdown, json, html, csv

    public static let standard = ComparisonFormat.text

    public func reporter(options: ReportOptions = .init()) -> any ComparisonReporter {
        switch self {
        case .text: ComparisonTextReporter(options: options)
        case .markdown: ComparisonMarkdownReporter(options: options)
        case .json: ComparisonJSONReporter()
        case .html: ComparisonHTMLReporter(options: options)
        case .csv: ComparisonCSVReporter(options: options)
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
