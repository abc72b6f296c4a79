// MARK: - Type conversions: int, uint, double, string, bool, bytes, type, dyn

extension Builtins {
    static func toInt(_ a: Value) throws(EvaluationError) -> Value {
        switch a {
        case .int: return a
        case .uint(let u):
            guard let i = Int64(exactly: u) else { throw .range("\(u)u does not fit in int") }
            return .int(i)
        case .double(let d):
            // Strict bounds: -2^63 itself is rejected, as cel-go does.
            guard d > -9.223372036854775808e18, d < 9.223372036854775808e18 else {
                throw .range("\(formatDouble(d)) does not fit in int")
            }
            return .int(Int64(d.rounded(.towardZero)))
        case .string(let s):
            guard let i = Int64(s) else { throw .conversion("cannot convert \(quoteString(s)) to int") }
            return .int(i)
        default: throw .noOverload("int", [a])
        }
    }

    static func toUInt(_ a: Value) throws(EvaluationError) -> Value {
        switch a {
        case .uint: return a
        case .int(let i):
            guard let u = UInt64(exactly: i) else { throw .range("\(i) does not fit in uint") }
            return .uint(u)
        case .double(let d):
            guard d > -1, d < 1.8446744073709551616e19 else { throw .range("\(formatDouble(d)) does not fit in uint") }
            return .uint(UInt64(d.rounded(.towardZero)))
        case .string(let s):
            guard let u = UInt64(s) else { throw .conversion("cannot convert \(quoteString(s)) to uint") }
            return .uint(u)
        default: throw .noOverload("uint", [a])
        }
    }

    static func toDouble(_ a: Value) throws(EvaluationError) -> Value {
        switch a {
        case .double: return a
        case .int(let i): return .double(Double(i))
        case .uint(let u): return .double(Double(u))
        case .string(let s):
            guard let d = Double(s) else { throw .conversion("cannot convert \(quoteString(s)) to double") }
            return .double(d)
        default: throw .noOverload("double", [a])
        }
    }

    static func toString(_ a: Value) throws(EvaluationError) -> Value {
        switch a {
        case .string: return a
        case .int(let i): return .string(String(i))
        case .uint(let u): return .string(String(u))
        case .double(let d): return .string(formatDouble(d))
        case .bool(let b): return .string(b ? "true" : "false")
        case .bytes(let b):
            guard let s = String(validating: b, as: UTF8.self) else { throw .conversion("bytes are not valid UTF-8") }
            return .string(s)
        default: throw .noOverload("string", [a])
        }
    }

    static func toBool(_ a: Value) throws(EvaluationError) -> Value {
        switch a {
        case .bool: return a
        case .string(let s):
            switch s {
            case "1", "t", "true", "TRUE", "True": return .bool(true)
            case "0", "f", "false", "FALSE", "False": return .bool(false)
            default: throw .conversion("cannot convert \(quoteString(s)) to bool")
            }
        default: throw .noOverload("bool", [a])
        }
    }

    static func toBytes(_ a: Value) throws(EvaluationError) -> Value {
        switch a {
        case .bytes: return a
        case .string(let s): return .bytes(Array(s.utf8))
        default: throw .noOverload("bytes", [a])
        }
    }

    static func typeOf(_ a: Value) -> Value { .type(a.typeName) }
}
