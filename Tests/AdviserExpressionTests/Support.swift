import AdviserExpression

/// Declarations shaped like the adviser's facts.
func sampleDeclarations() -> Declarations {
    var d = Declarations()
    d.declare("market.phase", type: .string, enumValues: ["boom", "expansion", "slowdown", "recession"])
    d.declare("segment.price_sensitivity", type: .double)
    d.declare("segment.tier", type: .int)
    d.declare("segment.channel", type: .string)
    d.declare("offering.price", type: .double)
    d.declare("tags", type: .list(.string))
    d.declare("big", type: .int)
    return d
}

func sampleActivation(_ d: Declarations, _ values: [String: Value] = [:]) -> Activation {
    var a = Activation(declarations: d)
    a["market.phase"] = .string("slowdown")
    a["segment.price_sensitivity"] = .double(0.7)
    a["segment.tier"] = .int(3)
    a["segment.channel"] = .string("retail")
    a["offering.price"] = .double(19.5)
    a["tags"] = .list([.string("new"), .string("eco")])
    a["big"] = .int(Int64.max)
    for (k, v) in values { a[k] = v }
    return a
}

/// Compiles and evaluates; a compile failure is reported as an evaluation error for brevity.
func evaluate(_ source: String, _ values: [String: Value] = [:], costLimit: Int = 1_000_000) -> Result<Value, EvaluationError> {
    let d = sampleDeclarations()
    switch Expression.compile(source, declarations: d, costLimit: costLimit) {
    case .failure(let diags): return .failure(EvaluationError(message: "compile: \(diags)"))
    case .success(let p): return p.evaluate(sampleActivation(d, values))
    }
}

func value(_ source: String, _ values: [String: Value] = [:]) -> Value? {
    if case .success(let v) = evaluate(source, values) { return v }
    return nil
}

func errorMessage(_ source: String, _ values: [String: Value] = [:], costLimit: Int = 1_000_000) -> String? {
    if case .failure(let e) = evaluate(source, values, costLimit: costLimit) { return e.message }
    return nil
}

func diagnostics(_ source: String) -> [ExpressionDiagnostic] {
    if case .failure(let d) = Expression.compile(source, declarations: sampleDeclarations()) { return d.diagnostics }
    return []
}
