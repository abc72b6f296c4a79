/// The formats of `adviser tipping-points --format`.
package enum TippingPointFormat: String, ReportFormat {
    case text, markdown, json

    package static let standard = TippingPointFormat.text

    package func reporter(options: ReportOptions = .init()) -> any TippingPointReporter {
        switch self {
        case .text: TippingPointTextReporter(options: options)
        case .markdown: TippingPointMarkdownReporter(options: options)
        case .json: TippingPointJSONReporter()
        }
    }
}
