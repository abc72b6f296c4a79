/// Checks a YAML node against a `Shape`: unknown keys (with did-you-mean), missing keys, and values
/// of the wrong kind, each reported where it was written. Collects every problem; never stops early.
package struct ShapeChecker {
    package private(set) var diagnostics: [Diagnostic] = []

    package init() {}

    package mutating func check(_ node: YAMLNode, against shape: Shape, context: ShapeContext) {
        switch shape {
        case .oneOf(let alternatives):
            if let fit = alternatives.first(where: { Self.fits(node, $0.nodeKind) }) {
                check(node, against: fit, context: context)
            } else {
                wrongType(node, expected: shape.expectation, context: context)
            }
        case .list(let item, let minCount):
            guard let items = node.sequence else { return wrongType(node, expected: shape.expectation, context: context) }
            if items.count < minCount {
                diagnostics.append(.error(
                    .missingKey, "\(context) needs at least \(minCount) item\(minCount == 1 ? "" : "s")", at: node.location))
            }
            for item0 in items { check(item0, against: item, context: context) }
        case .dictionary(let value):
            guard let pairs = node.mapping else { return wrongType(node, expected: shape.expectation, context: context) }
            for pair in pairs { check(pair.value, against: value, context: .key(pair.key)) }
        case .object(let object):
            guard let pairs = node.mapping else {
                return wrongType(node, expected: "a mapping (\(object.name))", context: context)
            }
            for pair in pairs {
                // By index: a `Field` copy would retain its key, doc and shape for every value.
                if let index = object.fields.firstIndex(where: { $0.key == pair.key }) {
                    check(pair.value, against: object.fields[index].shape, context: .key(pair.key))
                } else {
                    diagnostics.append(.error(
                        .unknownKey, "unknown key '\(pair.key)' in \(object.name)", at: pair.keyLocation,
                        hint: Suggestion.hint(for: pair.key, in: object.fields.map(\.key))
                            ?? "allowed keys: " + object.fields.map(\.key).joined(separator: ", ")))
                }
            }
            // A handful of keys per mapping: a scan is cheaper than hashing them into a set.
            for field in object.fields where field.required && !pairs.contains(where: { $0.key == field.key }) {
                diagnostics.append(.error(
                    .missingKey, "\(object.name) is missing the required key '\(field.key)'", at: node.location,
                    hint: "add '\(field.key):' (\(field.doc))"))
            }
        default:
            guard let scalar = node.scalar else { return wrongType(node, expected: shape.expectation, context: context) }
            checkScalar(scalar, at: node.location, against: shape, context: context)
        }
    }

    private mutating func checkScalar(_ scalar: YAMLScalar, at location: SourceLocation, against shape: Shape, context: ShapeContext) {
        if let tag = scalar.tag, !tag.hasPrefix("tag:yaml.org,2002:") {
            let written = tag + (scalar.value.isEmpty ? "" : " " + scalar.value)
            let quoted = written.contains("\"") ? "'\(written)'" : "\"\(written)\""
            diagnostics.append(.error(
                .wrongType, "\(context): YAML read '\(tag)' as a tag, not as a value", at: location,
                hint: "a value that starts with '!' must be put in quotes, e.g. \(quoted)"))
            return
        }
        var problem: ScalarReader.Problem?
        switch shape {
        case .text:
            if scalar.value.isEmpty && !scalar.isQuoted {
                problem = .init(message: "expected a text, found nothing", hint: nil)
            }
            warnYAML11Boolean(scalar, at: location, context: context)
        case .identifier:
            warnYAML11Boolean(scalar, at: location, context: context)
            if !Self.isIdentifier(scalar.value) {
                problem = .init(
                    message: "'\(scalar.value)' is not a valid id",
                    hint: "use letters, digits, '-' and '_', starting with a letter")
            }
        case .number: if case .failure(let p) = ScalarReader.number(scalar) { problem = p }
        case .integer: if case .failure(let p) = ScalarReader.integer(scalar) { problem = p }
        case .bool: if case .failure(let p) = ScalarReader.bool(scalar) { problem = p }
        case .date: if case .failure(let p) = ScalarReader.date(scalar) { problem = p }
        case .change: if case .failure(let p) = ScalarReader.change(scalar) { problem = p }
        case .numberOrWord:
            if scalar.value.isEmpty { problem = .init(message: "expected a number or a word, found nothing", hint: nil) }
        case .choice(let words):
            if !words.contains(scalar.value) {
                problem = .init(
                    message: "'\(scalar.value)' is not \(shape.expectation)",
                    hint: Suggestion.hint(for: scalar.value, in: words))
            }
        default:
            break
        }
        if let problem {
            let code = Self.code(for: shape)
            diagnostics.append(.error(code, "\(context): \(problem.message)", at: location, hint: problem.hint))
        }
    }

    /// Words YAML 1.1 (PyYAML, older Ruby and Go libraries, many CI tools) reads as true or false.
    static let yaml11Booleans: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
    ]

    /// `id: no` or `name: On` means the word here, but other YAML tools would read a bool: a warning
    /// so that a file shared with them says what it means.
    private mutating func warnYAML11Boolean(_ scalar: YAMLScalar, at location: SourceLocation, context: ShapeContext) {
        // Every text and id passes here: the length test spares hashing nearly all of them.
        guard scalar.style == .plain, scalar.value.utf8.count <= 3, Self.yaml11Booleans.contains(scalar.value) else { return }
        diagnostics.append(.warning(
            .yaml11Boolean, "\(context): '\(scalar.value)' is read here as the text \"\(scalar.value)\", but YAML 1.1 tools read it as \(["y", "yes", "on"].contains(scalar.value.lowercased()) ? "true" : "false")",
            at: location, hint: "put it in quotes: \"\(scalar.value)\""))
    }

    private static func code(for shape: Shape) -> DiagnosticCode {
        switch shape {
        case .choice, .identifier: .invalidValue
        default: .wrongType
        }
    }

    private mutating func wrongType(_ node: YAMLNode, expected: String, context: ShapeContext) {
        diagnostics.append(.error(.wrongType, "\(context): expected \(expected), found \(node.kindDescription)", at: node.location))
    }

    static func fits(_ node: YAMLNode, _ kind: Shape.NodeKind) -> Bool {
        switch (node.content, kind) {
        case (_, .any), (.scalar, .scalar), (.sequence, .sequence), (.mapping, .mapping): true
        default: false
        }
    }

    static func isIdentifier(_ s: String) -> Bool {
        // ASCII ids (nearly all) are checked byte by byte; Unicode letters take the slow path.
        var utf8 = s.utf8.makeIterator()
        var ascii = true
        var first = true
        while let byte = utf8.next() {
            guard byte < 0x80 else { ascii = false; break }
            let letter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            if first {
                guard letter else { return false }
                first = false
            } else if !(letter || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F) {
                return false
            }
        }
        if ascii { return !first }
        guard let head = s.unicodeScalars.first, head.properties.isAlphabetic else { return false }
        return s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

/// What a message says a value belongs to: `offering`, or a key such as `'levels'`. Built into
/// words only when a message needs them, since every node of every file is checked.
package enum ShapeContext: CustomStringConvertible, Sendable {
    case named(String)
    case key(String)

    package var description: String {
        switch self {
        case .named(let name): name
        case .key(let key): "'\(key)'"
        }
    }
}
