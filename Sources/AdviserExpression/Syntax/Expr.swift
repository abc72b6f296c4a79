/// A node of the syntax tree. Operators are calls with CEL's function names (see `Operator`),
/// so static analysis can walk e.g. `_&&_` chains of `_<_` comparisons.
public final class Expr: Sendable, CustomStringConvertible {
    /// Unique within one parsed expression; keys the checker's type table.
    public let id: Int
    /// The source text this node covers.
    public let span: SourceSpan
    /// What the node is, with its children.
    public let kind: Kind
    /// Height of the subtree (a leaf is 1); bounded by `ParseLimits.maxHeight`.
    public let height: Int

    /// What a node is: a literal, a name, a selection, an index, a call, a list, a map or a macro.
    ///
    /// Not `indirect`: children are `Expr` references already, so a box per node would be a
    /// second allocation for nothing.
    public enum Kind: Sendable {
        /// A constant.
        case literal(Literal)
        /// A name; a leading `.` (e.g. `.y`) means "resolve from the root, ignore the container".
        case identifier(String)
        /// `operand.field`; `testOnly` is the `has(operand.field)` macro.
        case select(operand: Expr, field: String, testOnly: Bool)
        /// `operand[index]`.
        case index(operand: Expr, index: Expr)
        /// A global call `f(args)`, a receiver call `target.f(args)`, or an operator.
        case call(function: String, target: Expr?, args: [Expr])
        /// A list literal `[a, b]`.
        case list([Expr])
        /// A map literal `{k: v}`.
        case map([MapEntry])
        /// An expanded macro: `all`, `exists`, `exists_one`, `map`, `filter`.
        case comprehension(Comprehension)
    }

    /// A node with a fresh `id` covering `span`; its height is computed from the children.
    public init(id: Int, span: SourceSpan, kind: Kind) {
        self.id = id
        self.span = span
        self.kind = kind
        self.height = 1 + kind.childHeight
    }

    /// `Expr#id(kind)`, for debugging.
    public var description: String { "Expr#\(id)(\(kind))" }

    /// The direct children, in source order.
    public var children: [Expr] { kind.children }
}

extension Expr.Kind {
    /// The tallest child's height (0 for a leaf), without building the `children` array: every
    /// node of every condition is made through `Expr.init`.
    var childHeight: Int {
        switch self {
        case .literal, .identifier: return 0
        case .select(let operand, _, _): return operand.height
        case .index(let operand, let index): return max(operand.height, index.height)
        case .call(_, let target, let args): return args.reduce(target?.height ?? 0) { max($0, $1.height) }
        case .list(let items): return items.reduce(0) { max($0, $1.height) }
        case .map(let entries): return entries.reduce(0) { max($0, $1.key.height, $1.value.height) }
        case .comprehension(let c): return max(c.range.height, c.predicate?.height ?? 0, c.transform?.height ?? 0)
        }
    }

    /// The node's direct children, in source order.
    public var children: [Expr] {
        switch self {
        case .literal, .identifier: return []
        case .select(let operand, _, _): return [operand]
        case .index(let operand, let index): return [operand, index]
        case .call(_, let target, let args): return (target.map { [$0] } ?? []) + args
        case .list(let items): return items
        case .map(let entries): return entries.flatMap { [$0.key, $0.value] }
        case .comprehension(let c): return [c.range] + [c.predicate, c.transform].compactMap { $0 }
        }
    }
}

/// A literal constant.
public enum Literal: Hashable, Sendable {
    /// An integer, an unsigned integer (`1u`), a double, a string, bytes (`b'…'`), a boolean or `null`.
    case int(Int64), uint(UInt64), double(Double), string(String), bytes([UInt8]), bool(Bool), null
}

/// One `key: value` of a map literal.
public struct MapEntry: Sendable {
    /// The key expression.
    public let key: Expr
    /// The value expression.
    public let value: Expr
}

/// A macro over a list or map, with its loop variable.
public struct Comprehension: Sendable {
    /// Which macro: `all`, `exists`, `exists_one`, `map` or `filter`.
    public enum Macro: String, Sendable {
        /// The macro as CEL writes it.
        case all, exists, existsOne = "exists_one", map, filter
    }
    /// Which macro it is.
    public let macro: Macro
    /// The list or map it runs over.
    public let range: Expr
    /// The loop variable's name.
    public let variable: String
    /// The condition for all/exists/exists_one/filter, and the optional filter of 3-arg `map`.
    public let predicate: Expr?
    /// The transform of `map`.
    public let transform: Expr?
}

/// CEL's internal names for operators.
public enum Operator {
    /// `a && b`.
    public static let logicalAnd = "_&&_"
    /// `a || b`.
    public static let logicalOr = "_||_"
    /// `!a`.
    public static let logicalNot = "!_"
    /// `-a`.
    public static let negate = "-_"
    /// `c ? a : b`.
    public static let conditional = "_?_:_"
    /// `a + b`.
    public static let add = "_+_"
    /// `a - b`.
    public static let subtract = "_-_"
    /// `a * b`.
    public static let multiply = "_*_"
    /// `a / b`.
    public static let divide = "_/_"
    /// `a % b`.
    public static let modulo = "_%_"
    /// `a < b`.
    public static let less = "_<_"
    /// `a <= b`.
    public static let lessEqual = "_<=_"
    /// `a > b`.
    public static let greater = "_>_"
    /// `a >= b`.
    public static let greaterEqual = "_>=_"
    /// `a == b`.
    public static let equal = "_==_"
    /// `a != b`.
    public static let notEqual = "_!=_"
    /// `a in list` or `key in map`.
    public static let `in` = "@in"

    /// The ordering and equality operators.
    public static let comparisons: Set<String> = [less, lessEqual, greater, greaterEqual, equal, notEqual]
}

/// The result of parsing: the source and its syntax tree.
public struct ParsedExpression: Sendable {
    /// The expression's text.
    public let source: String
    /// The root of its syntax tree.
    public let root: Expr
    /// Number of node ids handed out (ids are `0..<nodeCount`).
    public let nodeCount: Int

    /// The source text of a node.
    public func text(of expr: Expr) -> String { source.slice(expr.span) }
}
