/// Typed reads of nodes that the `ShapeChecker` has already vetted: a value that does not read is
/// simply absent here, because its diagnostic was reported by the checker.
extension YAMLNode {
    var text: String? {
        guard let s = scalar, s.tag == nil || s.tag!.hasPrefix("tag:yaml.org,2002:") else { return nil }
        return s.value
    }

    var number: Double? { scalar.flatMap { try? ScalarReader.number($0).get() } }
    var integer: Int? { scalar.flatMap { try? ScalarReader.integer($0).get() } }
    var bool: Bool? { scalar.flatMap { try? ScalarReader.bool($0).get() } }

    var locatedText: Located<String>? { text.map { Located($0, at: location) } }

    /// A list of texts (or a single text read as a one-item list).
    var texts: [Located<String>] {
        if let items = sequence { return items.compactMap(\.locatedText) }
        return locatedText.map { [$0] } ?? []
    }

    /// A fact value as written: a plain number or bool reads as such, anything else as text.
    /// Whether it fits the fact's declared type is checked once facts.yaml is known.
    var factValue: FactValue? {
        guard let s = scalar, let text else { return nil }
        if !s.isQuoted {
            if let n = try? ScalarReader.number(s).get() { return .number(n) }
            if s.value == "true" { return .bool(true) }
            if s.value == "false" { return .bool(false) }
        }
        return .string(text)
    }
}
