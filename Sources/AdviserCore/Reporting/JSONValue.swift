/// A JSON document built in memory and written with sorted keys, so the same value always gives
/// the same bytes. Faster than `JSONEncoder` (it matters in batch mode: one document per client),
/// and one serializer for every JSON the tool writes.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// Compact (one line, for JSON Lines) or pretty (two-space indent, for files and terminals).
    public func serialized(pretty: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4_096)
        write(into: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    // Bytes rather than a String: appending UTF-8 runs to an array is several times faster than
    // appending scalars to a String, and batch mode writes one document per client.
    private func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out += Self.nullBytes
        case .bool(let b): out += b ? Self.trueBytes : Self.falseBytes
        case .number(let n): out += Self.number(n).utf8
        case .string(let s): Self.string(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += [0x5B, 0x5D]; return }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                if pretty { Self.newline(&out, indent + 1) }
                item.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(&out, indent) }
            out.append(0x5D)
        case .object(let members):
            guard !members.isEmpty else { out += [0x7B, 0x7D]; return }
            out.append(0x7B)
            for (i, member) in members.sortedMembers.enumerated() {
                if i > 0 { out.append(0x2C) }
                if pretty { Self.newline(&out, indent + 1) }
                Self.string(member.key, into: &out)
                out += pretty ? Self.prettyColon : [0x3A]
                member.value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(&out, indent) }
            out.append(0x7D)
        }
    }

    private static let nullBytes = Array("null".utf8), trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)
    private static let prettyColon = Array(" : ".utf8)

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        out += repeatElement(0x20, count: indent * 2)
    }

    /// Whole numbers without a fraction (`4800`), others in the shortest form that reads back exactly.
    static func number(_ n: Double) -> String {
        guard n.isFinite else { return "null" }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    /// A JSON string: runs that need no escaping are copied as UTF-8 in one go.
    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for i in 0..<bytes.count {
                let c = bytes[i]
                guard c == 0x22 || c == 0x5C || c < 0x20 else { continue }
                out += UnsafeBufferPointer(rebasing: bytes[start..<i])
                switch c {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                default:
                    let hex = String(c, radix: 16)
                    out += Array("\\u".utf8) + Array(repeating: 0x30, count: 4 - hex.count) + Array(hex.utf8)
                }
                start = i + 1
            }
            out += UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])
        }
        out.append(0x22)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}

extension Optional where Wrapped == String {
    var json: JSONValue { map(JSONValue.string) ?? .null }
}

/// The members of a JSON object, in a small array rather than a dictionary: objects are built once
/// and written once, so hashing every key would be wasted work. Keys are sorted when written.
public struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public private(set) var members: [(key: String, value: JSONValue)]

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { (key: $0.0, value: $0.1) }
    }

    public init(_ dictionary: [String: JSONValue]) {
        members = dictionary.map { (key: $0.key, value: $0.value) }
    }

    public var isEmpty: Bool { members.isEmpty }

    public subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            members.removeAll { $0.key == key }
            if let newValue { members.append((key, newValue)) }
        }
    }

    var sortedMembers: [(key: String, value: JSONValue)] { members.sorted { $0.key < $1.key } }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.sortedMembers.map(\.key) == rhs.sortedMembers.map(\.key)
            && zip(lhs.sortedMembers, rhs.sortedMembers).allSatisfy { $0.value == $1.value }
    }
}
