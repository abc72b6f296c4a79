/// The static type of an expression or declared variable.
public indirect enum ExprType: Hashable, Sendable, CustomStringConvertible {
    /// A scalar type; `dyn` is any type, known only at run time, and `type` the type of type names.
    case int, uint, double, bool, string, bytes, null, dyn, type
    /// A list of elements of one type.
    case list(ExprType)
    /// A map from keys of one type to values of another.
    case map(ExprType, ExprType)

    /// The type as CEL writes it (`list(string)`, `null_type`).
    public var description: String {
        switch self {
        case .int: return "int"
        case .uint: return "uint"
        case .double: return "double"
        case .bool: return "bool"
        case .string: return "string"
        case .bytes: return "bytes"
        case .null: return "null_type"
        case .dyn: return "dyn"
        case .type: return "type"
        case .list(let e): return "list(\(e))"
        case .map(let k, let v): return "map(\(k), \(v))"
        }
    }

    /// int, uint or double.
    public var isNumeric: Bool {
        switch self {
        case .int, .uint, .double: true
        default: false
        }
    }

    /// Types `<` and friends accept (dyn: decided at run time).
    var isOrderable: Bool {
        switch self {
        case .int, .uint, .double, .string, .bytes, .bool, .dyn: true
        default: false
        }
    }

    /// Types that compare with each other without an error at run time
    /// (equal kinds, any numeric mix, or either side dyn).
    func isComparable(with other: ExprType) -> Bool {
        if self == .dyn || other == .dyn { return true }
        if isNumeric && other.isNumeric { return true }
        switch (self, other) {
        case (.list(let a), .list(let b)): return a.isComparable(with: b)
        case (.map(let k1, let v1), .map(let k2, let v2)): return k1.isComparable(with: k2) && v1.isComparable(with: v2)
        default: return self == other
        }
    }

    /// Whether a value of type `self` may be used where `other` is expected.
    func isAssignable(to other: ExprType) -> Bool {
        if self == .dyn || other == .dyn { return true }
        switch (self, other) {
        case (.list(let a), .list(let b)): return a.isAssignable(to: b)
        case (.map(let k1, let v1), .map(let k2, let v2)): return k1.isAssignable(to: k2) && v1.isAssignable(to: v2)
        default: return self == other
        }
    }

    /// The common type of two branches or elements: the type itself if equal, else dyn.
    static func join(_ a: ExprType, _ b: ExprType) -> ExprType {
        if a == b { return a }
        switch (a, b) {
        case (.list(let x), .list(let y)): return .list(join(x, y))
        case (.map(let k1, let v1), .map(let k2, let v2)): return .map(join(k1, k2), join(v1, v2))
        default: return .dyn
        }
    }

    /// Parses `int`, `list(string)`, `map(string, dyn)`, `null_type`…; nil for anything else.
    public init?(parsing text: String) {
        let t = text.filter { $0 != " " }
        switch t {
        case "int": self = .int
        case "uint": self = .uint
        case "double": self = .double
        case "bool": self = .bool
        case "string": self = .string
        case "bytes": self = .bytes
        case "null_type", "null": self = .null
        case "dyn": self = .dyn
        case "type": self = .type
        default:
            if t.hasPrefix("type(") { self = .type; return }
            if t.hasPrefix("list("), t.hasSuffix(")") {
                guard let e = ExprType(parsing: String(t.dropFirst(5).dropLast())) else { return nil }
                self = .list(e)
                return
            }
            if t.hasPrefix("map("), t.hasSuffix(")") {
                let inner = Array(t.dropFirst(4).dropLast())
                var depth = 0
                for (i, c) in inner.enumerated() {
                    if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
                    if c == ",", depth == 0 {
                        guard let k = ExprType(parsing: String(inner[..<i])),
                              let v = ExprType(parsing: String(inner[(i + 1)...])) else { return nil }
                        self = .map(k, v)
                        return
                    }
                }
            }
            return nil
        }
    }
}
