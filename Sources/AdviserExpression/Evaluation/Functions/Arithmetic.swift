/// Built-in function implementations, grouped by file. Each throws an `EvaluationError`
/// without a span; the compiled call attaches the span of the call.
enum Builtins {}

// MARK: - Arithmetic with CEL's overflow and division rules

extension Builtins {
    static func add(_ a: Value, _ b: Value) throws(EvaluationError) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw .overflow("int") }
            return .int(r)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw .overflow("uint") }
            return .uint(r)
        case (.double(let x), .double(let y)): return .double(x + y)
        case (.string(let x), .string(let y)): return .string(x + y)
        case (.bytes(let x), .bytes(let y)): return .bytes(x + y)
        case (.list(let x), .list(let y)): return .list(x + y)
        default: throw .noOverload(Operator.add, [a, b])
        }
    }

    static func subtract(_ a: Value, _ b: Value) throws(EvaluationError) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            if o { throw .overflow("int") }
            return .int(r)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            if o { throw .overflow("uint") }
            return .uint(r)
        case (.double(let x), .double(let y)): return .double(x - y)
        default: throw .noOverload(Operator.subtract, [a, b])
        }
    }

    static func multiply(_ a: Value, _ b: Value) throws(EvaluationError) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if o { throw .overflow("int") }
            return .int(r)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if o { throw .overflow("uint") }
            return .uint(r)
        case (.double(let x), .double(let y)): return .double(x * y)
        default: throw .noOverload(Operator.multiply, [a, b])
        }
    }

    static func divide(_ a: Value, _ b: Value) throws(EvaluationError) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { throw .divisionByZero }
            let (r, o) = x.dividedReportingOverflow(by: y)
            if o { throw .overflow("int") }
            return .int(r)
        case (.uint(let x), .uint(let y)):
            if y == 0 { throw .divisionByZero }
            return .uint(x / y)
        case (.double(let x), .double(let y)): return .double(x / y)
        default: throw .noOverload(Operator.divide, [a, b])
        }
    }

    static func modulo(_ a: Value, _ b: Value) throws(EvaluationError) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { throw .moduloByZero }
            let (r, o) = x.remainderReportingOverflow(dividingBy: y)
            if o { throw .overflow("int") }
            return .int(r)
        case (.uint(let x), .uint(let y)):
            if y == 0 { throw .moduloByZero }
            return .uint(x % y)
        default: throw .noOverload(Operator.modulo, [a, b])
        }
    }

    static func negate(_ a: Value) throws(EvaluationError) -> Value {
        switch a {
        case .int(let x):
            if x == .min { throw .overflow("int") }
            return .int(-x)
        case .double(let x): return .double(-x)
        default: throw .noOverload(Operator.negate, [a])
        }
    }

    static func not(_ a: Value) throws(EvaluationError) -> Value {
        guard case .bool(let b) = a else { throw .noOverload(Operator.logicalNot, [a]) }
        return .bool(!b)
    }

    /// `<`, `<=`, `>`, `>=` with heterogeneous numeric ordering.
    static func compare(_ function: String, _ a: Value, _ b: Value) throws(EvaluationError) -> Value {
        guard let order = celOrder(a, b) else { throw .noOverload(function, [a, b]) }
        guard let o = order else { return .bool(false) }   // NaN: every ordering is false
        switch function {
        case Operator.less: return .bool(o < 0)
        case Operator.lessEqual: return .bool(o <= 0)
        case Operator.greater: return .bool(o > 0)
        default: return .bool(o >= 0)
        }
    }
}
