/// A fact a rule may read, declared in `facts.yaml`: `market.inflation`, `segment.price_sensitivity`…
public struct Fact: Sendable {
    public enum Kind: Hashable, Sendable {
        case number, integer, bool, string
        case enumeration([String])
    }

    /// The full name, with its scope: `market.phase`.
    public var name: String
    public var kind: Kind
    public var unit: String?
    public var min: Double?
    public var max: Double?
    public var doc: String
    public var location: SourceLocation

    public init(name: String, kind: Kind, unit: String? = nil, min: Double? = nil, max: Double? = nil, doc: String, location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.unit = unit
        self.min = min
        self.max = max
        self.doc = doc
        self.location = location
    }

    /// `market` or `segment`.
    public var scope: String { String(name.prefix { $0 != "." }) }
    /// The name without its scope: `phase`.
    public var shortName: String { String(name.drop { $0 != "." }.dropFirst()) }

    public var isNumeric: Bool { kind == .number || kind == .integer }
}

/// A value given for a fact in a scenario or segment.
public enum FactValue: Hashable, Sendable, CustomStringConvertible {
    case number(Double)
    case bool(Bool)
    case string(String)

    public var description: String {
        switch self {
        case .number(let n): formatNumber(n)
        case .bool(let b): String(b)
        case .string(let s): s
        }
    }

    public var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }
}

/// Numbers as a business owner writes them: `12`, `4.5`, never `12.0` or `4.500000001`.
public func formatNumber(_ value: Double, maxFractionDigits: Int = 4) -> String {
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
public struct FactAssignment: Sendable {
    public var name: Located<String>
    public var value: Located<FactValue>

    public init(name: Located<String>, value: Located<FactValue>) {
        self.name = name
        self.value = value
    }
}
