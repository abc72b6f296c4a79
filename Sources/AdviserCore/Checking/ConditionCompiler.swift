import AdviserExpression

/// Turns every rule's `when` into a checked, compiled program, reporting expression errors at their
/// exact `file:line:col`.
package struct ConditionCompiler: Sendable {
    /// The names conditions may read.
    let variables: ConditionVariables
    /// `variables` as the checker declares them.
    package var declarations: Declarations { variables.declarations }
    /// The workspace's `limits:` for parsing and evaluating conditions.
    package let limits: WorkspaceLimits

    package init(workspace: Workspace) {
        variables = ConditionVariables(workspace: workspace)
        limits = workspace.settings.limits
    }

    /// A rule's condition, compiled; nil when it has errors (reported as diagnostics).
    /// A class, not a struct: the engine walks every rule for every piece of advice, and passing a
    /// reference costs one retain where copying a `Rule` costs one per string and array inside it.
    package final class Compiled: Sendable {
        package let rule: Rule
        package let program: Program

        init(rule: Rule, program: Program) {
            self.rule = rule
            self.program = program
        }
    }

    /// Checks every expression of every rule; returns the compiled conditions of the rules whose
    /// conditions are all valid, and the diagnostics of the others.
    /// - Parameter checked: the conditions as the load checked them: those are not checked again.
    package func compile(
        _ workspace: Workspace, reusing checked: CheckedConditions? = nil
    ) -> (rules: [Compiled], diagnostics: [Diagnostic]) {
        let locator = ExpressionLocator(sources: workspace.sources)
        // Thousands of rules compile independently.
        let outcomes = Array(workspace.rules.enumerated()).parallelMapInSlices { position, rule in
            compile(rule, checked: checked?.expressions(of: rule, at: position), locator: locator)
        }
        return (outcomes.compactMap(\.compiled), outcomes.flatMap(\.diagnostics))
    }

    private func compile(
        _ rule: Rule, checked: ArraySlice<CheckedExpression?>?, locator: ExpressionLocator
    ) -> (compiled: Compiled?, diagnostics: [Diagnostic]) {
        let sources = rule.when.expressions
        guard !sources.isEmpty else { return (nil, []) }  // no usable `when`: already reported
        var checkedParts: [CheckedExpression] = []
        var diagnostics: [Diagnostic] = []
        for (index, source) in sources.enumerated() {
            if let checked, let reused = checked[checked.startIndex + index] {
                checkedParts.append(reused)
                continue
            }
            switch check(source, locator: locator) {
            case .success(let checked): checkedParts.append(checked)
            case .failure(let problems): diagnostics += problems
            }
        }
        guard checkedParts.count == sources.count else { return (nil, diagnostics) }
        // One expression (the common case) is compiled from its checked form; several are
        // valid alone, so their combination is too, and compiles to one fast program.
        if checkedParts.count == 1, case .expression = rule.when {
            return (Compiled(rule: rule, program: Program(checkedParts[0], declarations: declarations, costLimit: limits.maxEvaluationCost)), [])
        }
        switch Expression.compile(
            rule.when.combinedText, declarations: declarations, limits: combinedLimits(parts: sources.count),
            costLimit: limits.maxEvaluationCost) {
        case .success(let program): return (Compiled(rule: rule, program: program), [])
        case .failure(let problems): return (nil, problems.map { diagnostic($0, in: sources[0], locator: locator) })
        }
    }

    /// Checks every expression of every rule: the diagnostics of those with errors, and with
    /// `keeping` all as checked, for the engine and the analysis to build on.
    package func check(_ workspace: Workspace, keeping: Bool) -> (conditions: CheckedConditions?, diagnostics: [Diagnostic]) {
        let locator = ExpressionLocator(sources: workspace.sources)
        var sources: [ExpressionSource] = []
        var start = [0]
        for ruleset in workspace.rulesets {
            for rule in ruleset.rules {
                sources += rule.when.expressions
                start.append(sources.count)
            }
        }
        // Thousands of rules check independently.
        let outcomes = sources.parallelMapInSlices { source -> (checked: CheckedExpression?, diagnostics: [Diagnostic]) in
            switch self.check(source, locator: locator) {
            case .success(let checked): return (keeping ? checked : nil, [])
            case .failure(let problems): return (nil, problems)
            }
        }
        let diagnostics = outcomes.flatMap(\.diagnostics)
        guard keeping else { return (nil, diagnostics) }
        return (CheckedConditions(expressions: outcomes.map(\.checked), start: start), diagnostics)
    }

    /// Parses and type-checks one expression; every problem located in its file.
    package func check(_ source: ExpressionSource, locator: ExpressionLocator) -> CheckOutcome {
        let checked: CheckedExpression
        switch typed(source) {
        case .failure(let problems): return .failure(problems.map { diagnostic($0, in: source, locator: locator) })
        case .success(let c): checked = c
        }
        if checked.resultType != .bool && checked.resultType != .dyn {
            return .failure([.error(
                .conditionNotBool, "a condition must be true or false, but this gives \(checked.resultType)",
                at: source.location, hint: "compare it with something, e.g. \(source.text) > 0")])
        }
        return .success(checked)
    }

    /// One expression parsed within the workspace's limits and type-checked, for the analyses of a
    /// workspace without errors; nil when it has errors.
    func checked(_ source: ExpressionSource) -> CheckedExpression? {
        try? typed(source).get()
    }

    private func typed(_ source: ExpressionSource) -> Result<CheckedExpression, ExpressionDiagnostics> {
        Parser.parse(source.text, limits: limits.parse).flatMap { Checker(declarations: declarations).check($0) }
    }

    /// Parts of a `when:` list are each within the limits; joined by `&&` and parenthesized, they
    /// are one level deeper and longer, which must not fail what each part passed.
    private func combinedLimits(parts: Int) -> ParseLimits {
        var combined = limits.parse
        combined.maxNesting += 16  // nested all:/any: groups each add a level
        combined.maxLength = combined.maxLength * parts + 8 * parts
        combined.maxHeight += 2 * parts + 16
        return combined
    }

    /// A checked expression, or the diagnostics that stop it.
    package enum CheckOutcome {
        case success(CheckedExpression)
        case failure([Diagnostic])
    }

    private func diagnostic(_ problem: ExpressionDiagnostic, in source: ExpressionSource, locator: ExpressionLocator) -> Diagnostic {
        var hint = problem.hint
        let text = source.text.trimmingCharacters(in: .whitespaces)
        if hint == nil, problem.code == ExpressionDiagnostic.Code.syntax, text.isEmpty {
            hint = "write a condition, e.g. market.phase == \"downturn\""
        }
        return .error(
            DiagnosticCode(problem.code), problem.message, at: locator.location(of: problem.span.start, in: source),
            hint: hint)
    }
}
