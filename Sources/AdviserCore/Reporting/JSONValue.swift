/// A JSON document built in memory, for documents whose shape is easier to read as a tree than as
/// a sequence of writes; `JSONWriter` writes it, keys sorted, so the same value always gives the
/// same bytes.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// Compact (one line, for JSON Lines) or pretty (two-space indent, for files and terminals).
    package func serialized(pretty: Bool = false) -> String {
        serialized(layout: pretty ? .pretty : .compact)
    }

    func serialized(layout: JSONWriter.Layout) -> String {
        var writer = JSONWriter(layout: layout)
        write(to: &writer)
        return writer.text
    }

    /// A number the tool computed, with the one rounding rule (`JSONWriter.rounded(_:)`).
    static func rounded(_ value: Double) -> JSONValue { .number(JSONWriter.rounded(value)) }

    package func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let b): writer.bool(b)
        case .number(let n): writer.number(n)
        case .string(let s): writer.string(s)
        case .array(let items):
            writer.beginArray()
            for item in items { item.write(to: &writer) }
            writer.endArray()
        case .object(let members):
            writer.beginObject()
            for member in members.sortedMembers {
                writer.key(escaping: member.key)
                member.value.write(to: &writer)
            }
            writer.endObject()
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    package init(stringLiteral value: String) { self = .string(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(floatLiteral value: Double) { self = .number(value) }
    package init(integerLiteral value: Int) { self = .number(Double(value)) }
}

extension Optional where Wrapped == String {
    var json: JSONValue { map(JSONValue.string) ?? .null }
}

/// The members of a JSON object, in a small array rather than a dictionary: objects are built once
/// and written once, so hashing every key would be wasted work. Keys are sorted when written.
package struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    package private(set) var members: [(key: String, value: JSONValue)]

    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { (key: $0.0, value: $0.1) }
    }

    package init(_ dictionary: [String: JSONValue]) {
        members = dictionary.map { (key: $0.key, value: $0.value) }
    }

    package var isEmpty: Bool { members.isEmpty }

    package subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            members.removeAll { $0.key == key }
            if let newValue { members.append((key, newValue)) }
        }
    }

    var sortedMembers: [(key: String, value: JSONValue)] { members.sorted { $0.key < $1.key } }

    package static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.sortedMembers.map(\.key) == rhs.sortedMembers.map(\.key)
            && zip(lhs.sortedMembers, rhs.sortedMembers).allSatisfy { $0.value == $1.value }
    }
}
