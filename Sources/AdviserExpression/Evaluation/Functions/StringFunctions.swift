// MARK: - String functions

extension Builtins {
    static func stringPair(_ function: String, _ a: Value, _ b: Value) throws(EvaluationError) -> (String, String) {
        guard case .string(let s) = a, case .string(let t) = b else { throw .noOverload(function, [a, b]) }
        return (s, t)
    }

    static func contains(_ a: Value, _ b: Value) throws(EvaluationError) -> Value {
        let (s, t) = try stringPair("contains", a, b)
        if t.isEmpty { return .bool(true) }
        // Scalar-wise search: CEL strings are sequences of code points, not grapheme clusters.
        let hay = Array(s.unicodeScalars), needle = Array(t.unicodeScalars)
        guard needle.count <= hay.count else { return .bool(false) }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
            if Array(hay[i..<(i + needle.count)]) == needle { return .bool(true) }
        }
        return .bool(false)
    }

    static func startsWith(_ a: Value, _ b: Value) throws(EvaluationError) -> Value {
        let (s, t) = try stringPair("startsWith", a, b)
        return .bool(s.unicodeScalars.starts(with: t.unicodeScalars))
    }

    static func endsWith(_ a: Value, _ b: Value) throws(EvaluationError) -> Value {
        let (s, t) = try stringPair("endsWith", a, b)
        return .bool(s.unicodeScalars.reversed().starts(with: t.unicodeScalars.reversed()))
    }

    static func size(_ a: Value) throws(EvaluationError) -> Value {
        switch a {
        case .string(let s): return .int(Int64(s.unicodeScalars.count))
        case .bytes(let b): return .int(Int64(b.count))
        case .list(let l): return .int(Int64(l.count))
        case .map(let m): return .int(Int64(m.count))
        default: throw .noOverload("size", [a])
        }
    }
}
