/// A run-time value.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    /// A signed integer.
    case int(Int64)
    /// An unsigned integer (`1u`).
    case uint(UInt64)
    /// A floating-point number.
    case double(Double)
    /// A string.
    case string(String)
    /// Bytes (`b'…'`).
    case bytes([UInt8])
    /// A boolean.
    case bool(Bool)
    /// `null`.
    case null
    /// A list.
    case list([Value])
    /// Keys keep insertion order (for stable output); lookup uses CEL equality.
    case map(ValueMap)
    /// A type value, by CEL type name: `int`, `uint`, `double`, `bool`, `string`, `bytes`,
    /// `null_type`, `list`, `map`, `type`.
    case type(String)

    /// CEL's type name of this value.
    public var typeName: String {
        switch self {
        case .int: return "int"
        case .uint: return "uint"
        case .double: return "double"
        case .string: return "string"
        case .bytes: return "bytes"
        case .bool: return "bool"
        case .null: return "null_type"
        case .list: return "list"
        case .map: return "map"
        case .type: return "type"
        }
    }

    /// The value as CEL would write it (`'text'`, `[1, 2]`).
    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .uint(let v): return "\(v)u"
        case .double(let v): return formatDouble(v)
        case .string(let s): return quoteString(s)
        case .bytes(let b): return "b\"" + b.map { $0 >= 32 && $0 < 127 && $0 != 34 && $0 != 92
            ? String(UnicodeScalar($0)) : "\\x" + (($0 < 16 ? "0" : "") + String($0, radix: 16)) }.joined() + "\""
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .map(let m): return "{" + zip(m.keys, m.values).map { "\($0): \($1)" }.joined(separator: ", ") + "}"
        case .type(let t): return t
        }
    }
}

/// Doubles as CEL writes them: whole numbers keep a `.0`, others use the shortest round-trip form.
func formatDouble(_ v: Double) -> String {
    if v.isNaN { return "NaN" }
    if v.isInfinite { return v < 0 ? "-Infinity" : "Infinity" }
    return v.description
}

func quoteString(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
        switch c {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default: out.unicodeScalars.append(c)
        }
    }
    return out + "\""
}

/// An insertion-ordered map with CEL key equality (`1`, `1u` and `1.0` are the same key).
public struct ValueMap: Hashable, Sendable {
    /// The keys, in insertion order.
    public private(set) var keys: [Value] = []
    /// The values, in the order of `keys`.
    public private(set) var values: [Value] = []

    /// An empty map.
    public init() {}

    /// Builds a map; nil if a key repeats (CEL rejects repeated keys).
    public init?(entries: [(Value, Value)]) {
        for (k, v) in entries {
            if self[k] != nil { return nil }
            keys.append(k)
            values.append(v)
        }
    }

    /// How many entries it has.
    public var count: Int { keys.count }

    /// The value under `key` (compared with CEL equality), if any.
    public subscript(key: Value) -> Value? {
        for (i, k) in keys.enumerated() where celEquals(k, key) { return values[i] }
        return nil
    }

    /// Adds or replaces an entry.
    public mutating func set(_ key: Value, _ value: Value) {
        if let i = keys.firstIndex(where: { celEquals($0, key) }) { values[i] = value } else {
            keys.append(key)
            values.append(value)
        }
    }

    /// Looks a string key up without building a `Value`.
    func lookup(field: String) -> Value? {
        for (i, k) in keys.enumerated() { if case .string(let s) = k, scalarEquals(s, field) { return values[i] } }
        return nil
    }
}

// MARK: - CEL equality and ordering

/// CEL equality: numbers compare by mathematical value across int/uint/double, NaN equals
/// nothing, lists element-wise, maps regardless of order, different kinds are unequal.
package func celEquals(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.list(let x), .list(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { celEquals($0, $1) }
    case (.map(let x), .map(let y)):
        guard x.count == y.count else { return false }
        for (k, v) in zip(x.keys, x.values) {
            guard let w = y[k], celEquals(v, w) else { return false }
        }
        return true
    case (.int, _), (.uint, _), (.double, _):
        return numericCompare(a, b) == 0
    case (.string(let x), .string(let y)):
        return scalarEquals(x, y)
    default:
        return a == b
    }
}

/// Ordering of two numbers of any numeric kinds; nil if either is not a number or NaN is involved.
func numericCompare(_ a: Value, _ b: Value) -> Int? {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
    case (.uint(let x), .uint(let y)): return x < y ? -1 : (x > y ? 1 : 0)
    case (.double(let x), .double(let y)):
        if x.isNaN || y.isNaN { return nil }
        return x < y ? -1 : (x > y ? 1 : 0)
    case (.int(let x), .uint(let y)): return x < 0 ? -1 : compareU(UInt64(x), y)
    case (.uint(let x), .int(let y)): return y < 0 ? 1 : compareU(x, UInt64(y))
    case (.int(let x), .double(let y)): return compareIntDouble(x, y)
    case (.double(let x), .int(let y)): return compareIntDouble(y, x).map { -$0 }
    case (.uint(let x), .double(let y)): return compareUIntDouble(x, y)
    case (.double(let x), .uint(let y)): return compareUIntDouble(y, x).map { -$0 }
    default: return nil
    }
}

private func compareU(_ x: UInt64, _ y: UInt64) -> Int { x < y ? -1 : (x > y ? 1 : 0) }

/// An Int64 against a Double, compared as doubles: that is what CEL implementations do
/// (cel-go's conformance expects `dyn(9223372036854775807) < 9223372036854775808.0` false).
func compareIntDouble(_ i: Int64, _ d: Double) -> Int? {
    if d.isNaN { return nil }
    let x = Double(i)
    return x < d ? -1 : (x > d ? 1 : 0)
}

func compareUIntDouble(_ u: UInt64, _ d: Double) -> Int? {
    if d.isNaN { return nil }
    let x = Double(u)
    return x < d ? -1 : (x > d ? 1 : 0)
}

/// String equality by Unicode scalars: CEL does not normalize ('é' precomposed differs from
/// 'e' + combining accent), while Swift's `==` compares canonical equivalence.
@inline(__always)
func scalarEquals(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmpEqual(x, y)) } }
}

@inline(__always)
private func memcmpEqual(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
    for i in 0..<x.count where x[i] != y[i] { return false }
    return true
}

/// CEL ordering for `<`, `<=`, `>`, `>=`; nil when the operands are not comparable.
/// `unordered` (NaN) is reported as `.some(nil)` so that comparisons are simply false.
func celOrder(_ a: Value, _ b: Value) -> Int?? {
    switch (a, b) {
    case (.int, .int), (.int, .uint), (.int, .double), (.uint, .int), (.uint, .uint), (.uint, .double),
         (.double, .int), (.double, .uint), (.double, .double):
        return .some(numericCompare(a, b))
    case (.string(let x), .string(let y)):
        // Code-point order, as CEL specifies (Swift's String `<` is not code-point order).
        return .some(lexicographic(Array(x.unicodeScalars).map(\.value), Array(y.unicodeScalars).map(\.value)))
    case (.bytes(let x), .bytes(let y)): return .some(lexicographic(x, y))
    case (.bool(let x), .bool(let y)): return .some(x == y ? 0 : (!x ? -1 : 1))
    default: return nil
    }
}

private func lexicographic<T: Comparable>(_ x: [T], _ y: [T]) -> Int {
    for (p, q) in zip(x, y) where p != q { return p < q ? -1 : 1 }
    return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
}
