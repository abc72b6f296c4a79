/// What a name in the syntax tree refers to, as resolved by the checker.
public enum Reference: Hashable, Sendable {
    /// A declared variable (possibly dotted), read from its slot.
    case variable(String)
    /// A comprehension's loop variable.
    case local(String)
    /// A type name used as a value, e.g. `int` in `type(x) == int`.
    case typeName(String)
    /// A name nothing declares (only when checking was skipped; evaluates to an error).
    case unresolved(String)
}

/// A parsed expression whose names are resolved and whose types are known.
public struct CheckedExpression: Sendable {
    /// The parsed expression.
    public let parsed: ParsedExpression
    /// The type of the whole expression.
    public let resultType: ExprType
    /// Type per node id (`dyn` where unknown).
    public let types: [ExprType]
    /// Resolution of identifier and select nodes that name variables, by node id (nil for other
    /// nodes). An array, not a dictionary: ids are dense, and every condition of a workspace is checked.
    public let references: [Reference?]

    /// The declared variables the expression reads.
    public var referencedVariables: Set<String> {
        Set(references.compactMap { if case .variable(let n)? = $0 { return n } else { return nil } })
    }

    /// The type of a node of `parsed.root`.
    public func type(of expr: Expr) -> ExprType {
        expr.id < types.count ? types[expr.id] : .dyn
    }
}
