/// The formats of `adviser tipping-points --format`.
public enum TippingPointFormat: String, ReportFormat {
    case text, markdown, json

    public static let standard = TippingPointFormat.text

    public func reporter(options: ReportOptions = .init()) -> any TippingPointReporter {
        switch self {
        case .text: TippingPointTextReporter(options: options)
        case .markdown: TippingPointMarkdownReporter(options: options)
        case .json: TippingPointJSONReporter()
        }
    }
}
