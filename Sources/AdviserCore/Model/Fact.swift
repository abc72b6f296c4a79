/// A fact a rule may read, declared in `facts.yaml`: `market.inflation`, `segment.price_sensitivity`…
package struct Fact: Sendable {
    package enum Kind: Hashable, Sendable {
        case number, integer, bool, string
        case enumeration([String])
    }

    /// The full name, with its scope: `market.phase`.
    package var name: String
    package var kind: Kind
    package var unit: String?
    package var min: Double?
    package var max: Double?
    package var doc: String
    package var location: SourceLocation

    package init(name: String, kind: Kind, unit: String? = nil, min: Double? = nil, max: Double? = nil, doc: String, location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.unit = unit
        self.min = min
        self.max = max
        self.doc = doc
        self.location = location
    }

    /// `market` or `segment`.
    package var scope: String { String(name.prefix { $0 != "." }) }
    /// The name without its scope: `phase`.
    package var shortName: String { String(name.drop { $0 != "." }.dropFirst()) }

    package var isNumeric: Bool { kind == .number || kind == .integer }
}

/// A value given for a fact in a scenario or segment.
package enum FactValue: Hashable, Sendable, CustomStringConvertible {
    case number(Double)
    case bool(Bool)
    case string(String)

    package var description: String {
        switch self {
        case .number(let n): formatNumber(n)
        case .bool(let b): String(b)
        case .string(let s): s
        }
    }

    package var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }
}

/// Numbers as a business owner writes them: `12`, `4.5`, never `12.0` or `4.500000001`.
package func formatNumber(_ value: Double, maxFractionDigits: Int = 4) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
    // Scaling a huge value for rounding would overflow to "inf": 1e+308 is written as Swift writes it.
    if !value.isFinite || abs(value) >= 1e15 { return String(value) }
    var scale = 1.0
    for _ in 0..<maxFractionDigits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    if rounded.rounded() == rounded, abs(rounded) < 1e15 { return String(Int64(rounded)) }
    var text = String(rounded)
    if text.utf8.contains(UInt8(ascii: "e")) { return text }  // not Foundation's substring search
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}

/// A fact given a value in a segment, scenario or test: where its name and its value were written.
package struct FactAssignment: Sendable {
    package var name: Located<String>
    package var value: Located<FactValue>

    package init(name: Located<String>, value: Located<FactValue>) {
        self.name = name
        self.value = value
    }
}
