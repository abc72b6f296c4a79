/// Plain string building for HTML and inline SVG: every piece of text and every attribute value
/// goes through `HTML.escape`, so rule text such as `<script>` shows as text and never runs.
enum HTML {
    /// Escapes the five characters that matter in text and in quoted attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A number for SVG coordinates: two decimals at most, no exponent.
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return formatNumber((value * 100).rounded() / 100, maxFractionDigits: 2)
    }
}

/// Builds a document element by element. A reference type so nested closures can append to it.
final class HTMLBuilder {
    private(set) var output = ""

    init() {}

    /// Markup written by this module (never user text).
    func raw(_ markup: String) { output += markup }

    /// User or generated text, escaped.
    func text(_ text: String) { output += HTML.escape(text) }

    func element(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:], _ body: () -> Void) {
        open(tag, attributes)
        body()
        output += "</\(tag)>"
    }

    func element(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) {
        open(tag, attributes)
        output += HTML.escape(text)
        output += "</\(tag)>"
    }

    /// An element without content: `<circle … />` in SVG, `<meta …>` in HTML.
    func empty(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:], selfClosing: Bool = true) {
        output += "<\(tag)\(Self.attributes(attributes))\(selfClosing ? "/" : "")>"
    }

    func newline() { output += "\n" }

    private func open(_ tag: String, _ attributes: KeyValuePairs<String, String>) {
        output += "<\(tag)\(Self.attributes(attributes))>"
    }

    private static func attributes(_ attributes: KeyValuePairs<String, String>) -> String {
        attributes.map { " \($0.key)=\"\(HTML.escape($0.value))\"" }.joined()
    }
}
