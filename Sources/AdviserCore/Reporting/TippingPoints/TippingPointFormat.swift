/// The formats of `adviser tipping-points --format`.
package enum TippingPointFormat: String, ReportFormat {
    case text, markdown, json

    package static let standard = TippingPointFormat.text

    package func reporter(options: ReportOptions = .init()) -> any TippingPointReporter {
        switch self {
        case .text: TippingPointTextReporter(colors: options.colors)
        case .markdown: TippingPointMarkdownReporter()
        case .json: TippingPointJSONReporter()
        }
    }
}
