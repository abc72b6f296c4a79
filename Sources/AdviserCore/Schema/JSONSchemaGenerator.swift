/// JSON Schema (draft 2020-12) for one kind of workspace file, generated from `WorkspaceSchema`, the
/// same description the loader checks files against, so editors and the loader never disagree on
/// keys. (Checks of meaning — references, ranges, expressions — stay with `adviser validate`.)
package enum JSONSchemaGenerator {
    /// Ids: letters, digits, `-` and `_`, starting with a letter (non-ASCII letters allowed).
    package static let identifierPattern = "^[A-Za-z\\u00C0-\\uFFFF][A-Za-z0-9\\u00C0-\\uFFFF_-]*$"

    /// The schema, pretty-printed with sorted keys (stable bytes, for the committed copies).
    package static func json(for kind: WorkspaceSchema.FileKind) -> String {
        schema(for: kind).serialized(pretty: true) + "\n"
    }

    package static func schema(for kind: WorkspaceSchema.FileKind) -> JSONValue {
        var root = members(kind.shape, doc: nil)
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["title"] = .string("Offering Adviser \(kind.rawValue) file (\(kind.place))")
        return .object(root)
    }

    static func members(_ shape: Shape, doc: String?) -> JSONObject {
        var result: JSONObject
        switch shape {
        case .text: result = ["type": "string"]
        case .identifier: result = ["type": "string", "pattern": .string(identifierPattern)]
        case .number: result = ["type": "number"]
        case .integer: result = ["type": "integer"]
        case .bool: result = ["type": "boolean"]
        case .date: result = ["type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
        case .choice(let words): result = ["type": "string", "enum": .array(words.map(JSONValue.string))]
        case .numberOrWord: result = ["type": .array(["number", "string"])]
        case .change:
            result = ["anyOf": .array([
                .object(["type": "number"]),
                .object(["type": "string", "pattern": "^\\s*[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?\\s*%?\\s*$"]),
            ])]
        case .list(let item, let minCount):
            result = ["type": "array", "items": schema(item)]
            if minCount > 0 { result["minItems"] = .number(Double(minCount)) }
        case .object(let object):
            var properties: JSONObject = [:]
            for field in object.fields { properties[field.key] = .object(members(field.shape, doc: field.doc)) }
            result = ["type": "object", "properties": .object(properties), "additionalProperties": false]
            let required = object.fields.filter(\.required).map { JSONValue.string($0.key) }
            if !required.isEmpty { result["required"] = .array(required) }
            result["description"] = .string(object.doc)
        case .dictionary(let value):
            result = ["type": "object", "additionalProperties": schema(value)]
        case .oneOf(let shapes):
            result = ["anyOf": .array(shapes.map(schema))]
        }
        // A field's doc says what it is for; it wins over the doc of its shape.
        if let doc { result["description"] = .string(doc) }
        return result
    }

    static func schema(_ shape: Shape) -> JSONValue { .object(members(shape, doc: nil)) }
}
