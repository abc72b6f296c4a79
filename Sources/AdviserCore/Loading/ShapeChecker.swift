/// Checks a YAML node against a `Shape`: unknown keys (with did-you-mean), missing keys, and values
/// of the wrong kind, each reported where it was written. Collects every problem; never stops early.
public struct ShapeChecker {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func check(_ node: YAMLNode, against shape: Shape, context: String) {
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
            for pair in pairs { check(pair.value, against: value, context: "'\(pair.key)'") }
        case .object(let object):
            guard let pairs = node.mapping else {
                return wrongType(node, expected: "a mapping (\(object.name))", context: context)
            }
            for pair in pairs {
                if let field = object.field(pair.key) {
                    check(pair.value, against: field.shape, context: "'\(pair.key)'")
                } else {
                    diagnostics.append(.error(
                        .unknownKey, "unknown key '\(pair.key)' in \(object.name)", at: pair.keyLocation,
                        hint: Suggestion.hint(for: pair.key, in: object.fields.map(\.key))
                            ?? "allowed keys: " + object.fields.map(\.key).joined(separator: ", ")))
                }
            }
            let present = Set(pairs.map(\.key))
            for field in object.fields where field.required && !present.contains(field.key) {
                diagnostics.append(.error(
                    .missingKey, "\(object.name) is missing the required key '\(field.key)'", at: node.location,
                    hint: "add '\(field.key):' (\(field.doc))"))
            }
        default:
            guard let scalar = node.scalar else { return wrongType(node, expected: shape.expectation, context: context) }
            checkScalar(scalar, at: node.location, against: shape, context: context)
        }
    }

    private mutating func checkScalar(_ scalar: YAMLScalar, at location: SourceLocation, against shape: Shape, context: String) {
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
        case .identifier:
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

    private static func code(for shape: Shape) -> DiagnosticCode {
        switch shape {
        case .choice, .identifier: .invalidValue
        default: .wrongType
        }
    }

    private mutating func wrongType(_ node: YAMLNode, expected: String, context: String) {
        diagnostics.append(.error(.wrongType, "\(context): expected \(expected), found \(node.kindDescription)", at: node.location))
    }

    static func fits(_ node: YAMLNode, _ kind: Shape.NodeKind) -> Bool {
        switch (node.content, kind) {
        case (_, .any), (.scalar, .scalar), (.sequence, .sequence), (.mapping, .mapping): true
        default: false
        }
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}
