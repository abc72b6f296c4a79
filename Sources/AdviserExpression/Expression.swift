/// Convenience entry points over `Parser`, `Checker` and `Program`.
public enum Expression {
    /// Parses, checks and compiles `source`; all diagnostics on failure, sorted by position.
    public static func compile(_ source: String, declarations: Declarations,
                               limits: ParseLimits = .init(), costLimit: Int = 1_000_000) -> Result<Program, [ExpressionDiagnostic]> {
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
