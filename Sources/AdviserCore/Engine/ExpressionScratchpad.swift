import AdviserExpression

/// Evaluates one expression against a workspace's facts: the rule author's scratchpad behind
/// `adviser eval`.
package struct ExpressionScratchpad: Sendable {
    package let engine: AdviceEngine

    package init(engine: AdviceEngine) {
        self.engine = engine
    }

    /// The value and its type, in the expression language's words (`0.8`, `double`).
    package struct Evaluation: Sendable {
        package var value: String
        package var type: String
    }

    package enum Outcome: Sendable {
        case success(Evaluation)
        case failure([Diagnostic])
    }

    /// Diagnostics point into the expression as the pseudo-file `<expression>`, line 1.
    package static let file = "<expression>"

    package func evaluate(
        _ text: String, scenario: Scenario, segment: Segment, offering: Offering
    ) -> Outcome {
        let located: (ExpressionDiagnostic) -> Diagnostic = { problem in
            let column = text.unicodeScalars.prefix(problem.span.start).count + 1
            return .error(DiagnosticCode(problem.code), problem.message, at: SourceLocation(file: Self.file, line: 1, column: column), hint: problem.hint)
        }
        let parsed: ParsedExpression
        switch Parser.parse(text, limits: engine.workspace.settings.limits.parse) {
        case .failure(let problems): return .failure(problems.map(located))
        case .success(let p): parsed = p
        }
        let checked: CheckedExpression
        switch Checker(declarations: engine.declarations).check(parsed) {
        case .failure(let problems): return .failure(problems.map(located))
        case .success(let c): checked = c
        }
        let program = Program(checked, declarations: engine.declarations, costLimit: engine.workspace.settings.limits.maxEvaluationCost)
        let activation = FactActivation.make(
            declarations: engine.declarations, workspace: engine.workspace, offering: offering, segment: segment,
            scenario: scenario, overrides: [:])
        switch program.evaluate(activation) {
        case .success(let value):
            return .success(Evaluation(value: value.description, type: checked.resultType.description))
        case .failure(let error):
            let column = error.span.map { text.unicodeScalars.prefix($0.start).count + 1 } ?? 1
            return .failure([.error(
                DiagnosticCode("evaluation-error"), error.message, at: SourceLocation(file: Self.file, line: 1, column: column))])
        }
    }
}
