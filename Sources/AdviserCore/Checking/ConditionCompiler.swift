import AdviserExpression

/// Turns every rule's `when` into a checked, compiled program, reporting expression errors at their
/// exact `file:line:col`.
public struct ConditionCompiler: Sendable {
    public let declarations: Declarations

    public init(workspace: Workspace) {
        declarations = Self.declarations(for: workspace)
    }

    /// The names a condition may read: the declared facts, plus `segment.id`, `segment.size`,
    /// `offering.id` and `offering.<lever>` (each lever's baseline).
    public static func declarations(for workspace: Workspace) -> Declarations {
        var declarations = Declarations()
        for fact in workspace.facts {
            switch fact.kind {
            case .number: declarations.declare(fact.name, type: .double)
            case .integer: declarations.declare(fact.name, type: .int)
            case .bool: declarations.declare(fact.name, type: .bool)
            case .string: declarations.declare(fact.name, type: .string)
            case .enumeration(let values): declarations.declare(fact.name, type: .string, enumValues: values)
            }
        }
        declarations.declare("segment.id", type: .string, enumValues: workspace.segments.map(\.id))
        declarations.declare("segment.size", type: .string, enumValues: Segment.Size.allCases.map(\.rawValue))
        declarations.declare("offering.id", type: .string, enumValues: workspace.offerings.map(\.id))
        var seen: Set<String> = ["id"]
        for offering in workspace.offerings {
            for lever in offering.levers where seen.insert(lever.id).inserted {
                if lever.kind == .level {
                    declarations.declare("offering.\(lever.id)", type: .string, enumValues: lever.levels)
                } else {
                    declarations.declare("offering.\(lever.id)", type: .double)
                }
            }
        }
        return declarations
    }

    /// A rule's condition, compiled; nil when it has errors (reported as diagnostics).
    /// A class, not a struct: the engine walks every rule for every piece of advice, and passing a
    /// reference costs one retain where copying a `Rule` costs one per string and array inside it.
    public final class Compiled: Sendable {
        public let rule: Rule
        public let program: Program

        init(rule: Rule, program: Program) {
            self.rule = rule
            self.program = program
        }
    }

    /// Checks every expression of every rule; returns the compiled conditions of the rules whose
    /// conditions are all valid, and the diagnostics of the others.
    public func compile(_ workspace: Workspace) -> (rules: [Compiled], diagnostics: [Diagnostic]) {
        let locator = ExpressionLocator(sources: workspace.sources)
        var compiled: [Compiled] = []
        var diagnostics: [Diagnostic] = []
        for rule in workspace.rules {
            guard !rule.when.expressions.isEmpty else { continue }  // no usable `when`: already reported
            var valid = true
            for source in rule.when.expressions {
                let problems = check(source, locator: locator)
                diagnostics += problems
                valid = valid && !problems.hasErrors
            }
            guard valid else { continue }
            // Each part is valid alone, so the combined text is too; compiling it once gives one
            // fast program per rule.
            switch Expression.compile(rule.when.combinedText, declarations: declarations) {
            case .success(let program): compiled.append(Compiled(rule: rule, program: program))
            case .failure(let problems):
                diagnostics += problems.map { diagnostic($0, in: rule.when.expressions[0], locator: locator) }
            }
        }
        return (compiled, diagnostics)
    }

    /// Parses and type-checks one expression; every problem located in its file.
    public func check(_ source: ExpressionSource, locator: ExpressionLocator) -> [Diagnostic] {
        let parsed: ParsedExpression
        switch Parser.parse(source.text) {
        case .failure(let problems): return problems.map { diagnostic($0, in: source, locator: locator) }
        case .success(let p): parsed = p
        }
        switch Checker(declarations: declarations).check(parsed) {
        case .failure(let problems):
            return problems.map { diagnostic($0, in: source, locator: locator) }
        case .success(let checked):
            if checked.resultType != .bool && checked.resultType != .dyn {
                return [.error(
                    .conditionNotBool, "a condition must be true or false, but this gives \(checked.resultType)",
                    at: source.location, hint: "compare it with something, e.g. \(source.text) > 0")]
            }
            return []
        }
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
