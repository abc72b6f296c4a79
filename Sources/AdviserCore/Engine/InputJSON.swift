import Foundation

/// A JSON value as read from a client line; decoded by hand so that `true` and `1` stay distinct.
enum InputJSON: Decodable {
    case null, bool(Bool), number(Double), string(String), array([InputJSON]), object([String: InputJSON])

    /// A JSON value is of exactly one kind, so the order of the attempts changes nothing but their
    /// cost: each wrong guess throws an error. The kinds most values of a client line have come
    /// first (the id and the segment are strings, facts numbers).
    init(from decoder: Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let s = try? single.decode(String.self) {
            self = .string(s)
        } else if let container = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [String: InputJSON] = [:]
            for key in container.allKeys { members[key.stringValue] = try container.decode(InputJSON.self, forKey: key) }
            self = .object(members)
        } else if let n = try? single.decode(Double.self) {
            self = .number(n)
        } else if let b = try? single.decode(Bool.self) {
            self = .bool(b)
        } else {
            var container = try decoder.unkeyedContainer()
            var items: [InputJSON] = []
            while !container.isAtEnd { items.append(try container.decode(InputJSON.self)) }
            self = .array(items)
        }
    }

    var text: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var factValue: FactValue? {
        switch self {
        case .bool(let b): .bool(b)
        case .number(let n): .number(n)
        case .string(let s): .string(s)
        default: nil
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
