/// The page frame, and the pieces of it, shared by the HTML reports.
enum HTMLDocument {
    static func open(_ html: HTMLBuilder, title: String) {
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.element("title", text: title)
        html.raw("\n<style>\n\(HTMLStyle.css)\n</style>\n</head>\n<body>\n<main>\n")
    }

    static func close(_ html: HTMLBuilder) {
        html.raw("\n</main>\n</body>\n</html>\n")
    }

    /// "held · 54.8", or "not held · 51.2 vs 54.3".
    static func heldBadge(_ value: ValueOutcome, wording: ReportWording, into html: HTMLBuilder) {
        if value.held {
            html.element("span", ["class": "held"], text: "held · \(wording.index(value.final))")
        } else {
            html.element("span", ["class": "not-held"], text: "not held · \(wording.index(value.final)) vs \(wording.index(value.target))")
        }
    }
}
