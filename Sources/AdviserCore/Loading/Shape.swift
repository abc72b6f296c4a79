/// What a part of a workspace file must look like.
///
/// One description serves two readers: the `ShapeChecker`, which reports unknown keys, missing keys
/// and wrong types with their locations, and the JSON Schema generator for editors. Keeping one
/// source means the schema can never drift from what the loader accepts.
package indirect enum Shape: Sendable {
    /// Any text (a quoted number is text too).
    case text
    /// An identifier such as `price` or `downturn-cost-focus`: letters, digits, `-` and `_`.
    case identifier
    /// A plain number such as `12`, `-3.5` or `1e3`.
    case number
    /// A whole number.
    case integer
    /// `true` or `false`.
    case bool
    /// A date written `YYYY-MM-DD`.
    case date
    /// One of a fixed list of words.
    case choice([String])
    /// A number or a word (a lever setting: `390` or `standard`).
    case numberOrWord
    /// A change: `-10%`, `+5%`, `-40` or `2`.
    case change
    /// A list whose items all have one shape.
    case list(Shape, minCount: Int = 0)
    /// A mapping with known keys.
    case object(ObjectShape)
    /// A mapping whose keys are free (ids or values) and whose values share one shape.
    case dictionary(Shape)
    /// The first alternative whose kind (single value, list or mapping) fits the node.
    case oneOf([Shape])

    /// Words for messages: "a number", "a list".
    package var expectation: String {
        switch self {
        case .text: "a text"
        case .identifier: "an id (letters, digits, '-' and '_')"
        case .number: "a number"
        case .integer: "a whole number"
        case .bool: "true or false"
        case .date: "a date (YYYY-MM-DD)"
        case .choice(let words): "one of " + words.map { "'\($0)'" }.joined(separator: ", ")
        case .numberOrWord: "a number or a word"
        case .change: "a change such as -10%, +5% or -40"
        case .list: "a list"
        case .object, .dictionary: "a mapping"
        case .oneOf(let shapes): shapes.map(\.expectation).joined(separator: " or ")
        }
    }

    /// Which YAML node kind this shape wants.
    var nodeKind: NodeKind {
        switch self {
        case .list: .sequence
        case .object, .dictionary: .mapping
        case .oneOf: .any
        default: .scalar
        }
    }

    enum NodeKind { case scalar, sequence, mapping, any }
}

/// The keys a mapping may have.
package struct ObjectShape: Sendable {
    package var name: String
    package var fields: [Field]
    package var doc: String

    package init(_ name: String, doc: String, _ fields: [Field]) {
        self.name = name
        self.doc = doc
        self.fields = fields
    }

    package func field(_ key: String) -> Field? { fields.first { $0.key == key } }
}

/// One key of an `ObjectShape`.
package struct Field: Sendable {
    package var key: String
    package var shape: Shape
    package var required: Bool
    package var doc: String

    package static func required(_ key: String, _ shape: Shape, _ doc: String) -> Field {
        Field(key: key, shape: shape, required: true, doc: doc)
    }

    package static func optional(_ key: String, _ shape: Shape, _ doc: String) -> Field {
        Field(key: key, shape: shape, required: false, doc: doc)
    }
}
