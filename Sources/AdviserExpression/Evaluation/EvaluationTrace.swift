/// The values of an expression's sub-expressions during one evaluation, for explaining why a
/// condition held or not.
public struct EvaluationTrace: Sendable {
    /// One evaluated sub-expression.
    public struct Step: Sendable {
        /// The node evaluated.
        public let expr: Expr
        /// The source text of the sub-expression.
        public let text: String
        /// What it evaluated to.
        public let result: Result<Value, EvaluationError>
        /// Where it is in the expression text.
        public var span: SourceSpan { expr.span }
    }

    /// The expression traced.
    public let parsed: ParsedExpression
    /// The result of the whole expression.
    public let result: Result<Value, EvaluationError>
    /// Evaluated sub-expressions (not literals), children before parents. Short-circuited
    /// sub-expressions are absent.
    public let steps: [Step]
    private let byID: [Int: Int]

    init(parsed: ParsedExpression, result: Result<Value, EvaluationError>, recorded: [(Int, Result<Value, EvaluationError>)]) {
        self.parsed = parsed
        self.result = result
        var nodes: [Int: Expr] = [:]
        var stack = [parsed.root]
        while let e = stack.popLast() {
            nodes[e.id] = e
            stack += e.children
        }
        var steps: [Step] = []
        var byID: [Int: Int] = [:]
        for (id, r) in recorded {
            guard let e = nodes[id] else { continue }
            // A node inside a comprehension runs once per item; keep its last run.
            if let i = byID[id] { steps[i] = Step(expr: e, text: parsed.text(of: e), result: r); continue }
            byID[id] = steps.count
            steps.append(Step(expr: e, text: parsed.text(of: e), result: r))
        }
        self.steps = steps
        self.byID = byID
    }

    /// The recorded step of a node, if it was evaluated.
    public func step(for expr: Expr) -> Step? { byID[expr.id].map { steps[$0] } }

    /// The conjuncts of a top-level `&&` chain, in source order.
    public var conjuncts: [Expr] {
        var parts: [Expr] = []
        func flatten(_ e: Expr) {
            if case .call(Operator.logicalAnd, nil, let args) = e.kind, args.count == 2 {
                flatten(args[0]); flatten(args[1])
            } else {
                parts.append(e)
            }
        }
        flatten(parsed.root)
        return parts
    }

    /// For an `&&` chain, the conjuncts that were false or failed (unevaluated ones are
    /// skipped: `&&` stops at the first false).
    public var failingConjuncts: [Step] {
        conjuncts.compactMap { c in
            guard let s = step(for: c) ?? literalStep(c) else { return nil }
            if case .success(.bool(true)) = s.result { return nil }
            return s
        }
    }

    private func literalStep(_ e: Expr) -> Step? {
        guard case .literal(.bool(let b)) = e.kind else { return nil }
        return Step(expr: e, text: parsed.text(of: e), result: .success(.bool(b)))
    }

    // MARK: - Rendering

    /// One line for a step, e.g. `segment.price_sensitivity (0.7) >= 0.5 → true`: operands
    /// that are not literals show their value in parentheses.
    public func render(_ step: Step) -> String {
        var text = step.text
        if case .call(let function, nil, let args) = step.expr.kind, args.count == 2,
           Operator.comparisons.contains(function) || function == Operator.in {
            let symbol = ExpressionDiagnostic.displayName(function)
            text = args.map(operandText).joined(separator: " \(symbol) ")
        }
        return text + " → " + Self.describe(step.result)
    }

    private func operandText(_ e: Expr) -> String {
        let text = parsed.text(of: e)
        if case .literal = e.kind { return text }
        if case .list = e.kind { return text }
        guard let s = step(for: e) else { return text }
        switch s.result {
        case .success(let v): return "\(text) (\(v))"
        case .failure(let err): return "\(text) (error: \(err.message))"
        }
    }

    static func describe(_ result: Result<Value, EvaluationError>) -> String {
        switch result {
        case .success(let v): return v.description
        case .failure(let e): return "error: \(e.message)"
        }
    }

    /// Lines for every evaluated call, comparison, logical operator and macro, innermost first.
    public func renderLines() -> [String] {
        steps.filter { step in
            switch step.expr.kind {
            case .call, .comprehension: return true
            default: return false
            }
        }.map(render)
    }

    /// Lines for the failing conjuncts only: the short answer to "why not?".
    public func renderFailingConjuncts() -> [String] { failingConjuncts.map(render) }
}
