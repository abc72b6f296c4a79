import Foundation

/// JSON Schema (draft 2020-12) for one kind of workspace file, generated from `WorkspaceSchema`, the
/// same description the loader checks files against, so editors and the loader never disagree on
/// keys. (Checks of meaning — references, ranges, expressions — stay with `adviser validate`.)
public enum JSONSchemaGenerator {
    /// Ids: letters, digits, `-` and `_`, starting with a letter (non-ASCII letters allowed).
    public static let identifierPattern = "^[A-Za-z\\u00C0-\\uFFFF][A-Za-z0-9\\u00C0-\\uFFFF_-]*$"

    /// The schema as pretty-printed JSON with sorted keys (stable bytes, for committed copies).
    public static func json(for kind: WorkspaceSchema.FileKind) -> String {
        let data = (try? JSONSerialization.data(
            withJSONObject: schema(for: kind), options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static func schema(for kind: WorkspaceSchema.FileKind) -> [String: Any] {
        var root = schema(kind.shape)
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["title"] = "Offering Adviser \(kind.rawValue) file (\(kind.place))"
        return root
    }

    static func schema(_ shape: Shape, doc: String? = nil) -> [String: Any] {
        var result: [String: Any]
        switch shape {
        case .text: result = ["type": "string"]
        case .identifier: result = ["type": "string", "pattern": identifierPattern]
        case .number: result = ["type": "number"]
        case .integer: result = ["type": "integer"]
        case .bool: result = ["type": "boolean"]
        case .date: result = ["type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
        case .choice(let words): result = ["type": "string", "enum": words]
        case .numberOrWord: result = ["type": ["number", "string"]]
        case .change:
            result = ["anyOf": [
                ["type": "number"],
                ["type": "string", "pattern": "^\\s*[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?\\s*%?\\s*$"],
            ]]
        case .list(let item, let minCount):
            result = ["type": "array", "items": schema(item)]
            if minCount > 0 { result["minItems"] = minCount }
        case .object(let object):
            var properties: [String: Any] = [:]
            for field in object.fields { properties[field.key] = schema(field.shape, doc: field.doc) }
            result = ["type": "object", "properties": properties, "additionalProperties": false]
            let required = object.fields.filter(\.required).map(\.key)
            if !required.isEmpty { result["required"] = required }
            if doc == nil { result["description"] = object.doc }
        case .dictionary(let value):
            result = ["type": "object", "additionalProperties": schema(value)]
        case .oneOf(let shapes):
            result = ["anyOf": shapes.map { schema($0) }]
        }
        if let doc { result["description"] = doc }
        if result["description"] == nil, case .object(let object) = shape { result["description"] = object.doc }
        return result
    }
}
