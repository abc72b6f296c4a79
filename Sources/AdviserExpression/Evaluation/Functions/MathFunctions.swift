// MARK: - min / max over numbers (extension functions)

extension Builtins {
    /// `min(a, b, …)` / `max(a, b, …)` or `min([…])`: the least/greatest number, of whatever
    /// numeric kind it has; an error for an empty list or a non-number.
    static func extremum(_ function: String, _ args: [Value]) throws(EvaluationError) -> Value {
        var items = args
        if args.count == 1, case .list(let list) = args[0] { items = list }
        guard var best = items.first else {
            throw EvaluationError(message: "\(function)() needs at least one number")
        }
        for item in items {
            guard let order = numericCompare(item, best) else {
                if case .double(let d) = item, d.isNaN { return item }
                if case .double(let d) = best, d.isNaN { continue }
                throw .noOverload(function, items)
            }
            if function == "min" ? order < 0 : order > 0 { best = item }
        }
        if case .int = best {} else if case .uint = best {} else if case .double = best {} else {
            throw .noOverload(function, items)
        }
        return best
    }
}
