// MARK: - Lists and maps: indexing, field selection, membership, literals

extension Builtins {
    static func index(_ container: Value, _ key: Value) throws(EvaluationError) -> Value {
        switch container {
        case .list(let items):
            let i: Int64
            switch key {
            case .int(let v): i = v
            case .uint(let v): i = Int64(clamping: v)
            case .double(let d) where d == d.rounded(.towardZero) && abs(d) < 9e18: i = Int64(d)
            default: throw .invalidIndex(key)
            }
            guard i >= 0, i < items.count else { throw .indexOutOfRange(i, count: items.count) }
            return items[Int(i)]
        case .map(let m):
            switch key {
            case .int, .uint, .double, .string, .bool: break
            default: throw .unsupportedKey(key)
            }
            guard let v = m[key] else { throw .noSuchKey(key) }
            return v
        default:
            throw .noOverload("_[_]", [container, key])
        }
    }

    static func select(_ operand: Value, _ field: String) throws(EvaluationError) -> Value {
        guard case .map(let m) = operand else { throw .noSuchField(field, on: operand) }
        guard let v = m.lookup(field: field) else { throw .noSuchKey(.string(field)) }
        return v
    }

    static func has(_ operand: Value, _ field: String) throws(EvaluationError) -> Value {
        guard case .map(let m) = operand else { throw .noSuchField(field, on: operand) }
        return .bool(m.lookup(field: field) != nil)
    }

    static func contained(_ element: Value, in container: Value) throws(EvaluationError) -> Value {
        switch container {
        case .list(let items): return .bool(items.contains { celEquals($0, element) })
        case .map(let m): return .bool(m[element] != nil)
        default: throw .noOverload(Operator.in, [element, container])
        }
    }

    static func makeMap(_ entries: [(Value, Value)]) throws(EvaluationError) -> Value {
        for (k, _) in entries {
            switch k {
            case .int, .uint, .string, .bool: break
            default: throw .unsupportedKey(k)
            }
        }
        guard let m = ValueMap(entries: entries) else { throw .repeatedKey }
        return .map(m)
    }
}
