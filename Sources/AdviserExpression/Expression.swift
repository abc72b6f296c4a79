// The condition language: a CEL (Common Expression Language) subset with no dependencies.
//
// Pipeline: `Lexer` → `Parser` (AST of `Expr`, spans in Unicode-scalar offsets of the
// expression text, so they add directly to YAML columns) → `Checker` (resolves dotted facts
// against `Declarations`, types every node, reports every problem as an
// `ExpressionDiagnostic` with a stable code) → `Program` (closures over slots, plus a flat
// unboxed form for `&&` chains of `fact <op> constant`) → evaluation against an
// `Activation` (values by slot), or `Program.trace` for explanations.
//
// Enum-like facts are declared as `.string` with their allowed values:
//     declarations.declare("market.phase", type: .string, enumValues: ["boom", "slowdown"])
// and `market.phase == 'bom'` is then a checking error (`unknown-enum-value`).

/// Convenience entry points over `Parser`, `Checker` and `Program`.
public enum Expression {
    /// Parses, checks and compiles `source`; all diagnostics on failure, sorted by position.
    public static func compile(_ source: String, declarations: Declarations,
                               limits: ParseLimits = .init(), costLimit: Int = 1_000_000) -> Result<Program, ExpressionDiagnostics> {
        switch Parser.parse(source, limits: limits) {
        case .failure(let d): return .failure(d)
        case .success(let parsed):
            switch Checker(declarations: declarations).check(parsed) {
            case .failure(let d): return .failure(d)
            case .success(let checked):
                return .success(Program(checked, declarations: declarations, costLimit: costLimit))
            }
        }
    }
}
