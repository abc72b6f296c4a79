/// Recursive-descent parser for the CEL grammar, with CEL's precedence:
/// `?:` < `||` < `&&` < relations (`< <= > >= == != in`) < `+ -` < `* / %` < unary `! -` < member.
public enum Parser {
    /// Parses `source`, expanding macros (`has`, `all`, `exists`, `exists_one`, `map`, `filter`).
    public static func parse(_ source: String, limits: ParseLimits = .init()) -> Result<ParsedExpression, ExpressionDiagnostics> {
        // One pass: `Array(source.unicodeScalars)` would walk the text once to count, then again to copy.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(source.utf8.count)
        for scalar in source.unicodeScalars { scalars.append(scalar) }
        if scalars.count > limits.maxLength {
            return .failure([.tooLong(length: scalars.count, limit: limits.maxLength)])
        }
        var lexer = Lexer(scalars: scalars)
        let tokens: [Token]
        switch lexer.tokenize() {
        case .success(let t): tokens = t
        case .failure(let d): return .failure([d])
        }
        var state = State(tokens: tokens, limits: limits)
        do throws(ExpressionDiagnostic) {
            let root = try state.parseExpr()
            guard case .endOfInput = state.current.kind else {
                throw ExpressionDiagnostic.syntax("unexpected \(state.describeCurrent())", state.current.span)
            }
            return .success(ParsedExpression(source: source, root: root, nodeCount: state.nextID))
        } catch {
            return .failure([error])
        }
    }
}

// MARK: - Parser state

private struct State {
    let tokens: [Token]
    /// Each token's `symbolCode` (0 for a token that is no symbol): the parser asks "is this
    /// symbol next?" a dozen times per token, and comparing numbers is much cheaper than strings.
    let symbols: [UInt16]
    let limits: ParseLimits
    var index = 0
    var nextID = 0
    var depth = 0

    init(tokens: [Token], limits: ParseLimits) {
        self.tokens = tokens
        self.symbols = tokens.map { if case .symbol(let s) = $0.kind { Self.symbolCode(s.utf8) } else { 0 } }
        self.limits = limits
    }

    /// A symbol (one or two ASCII characters, as UTF-8) as a number.
    static func symbolCode(_ utf8: some Collection<UInt8>) -> UInt16 {
        var bytes = utf8.makeIterator()
        let first = bytes.next() ?? 0, second = bytes.next() ?? 0
        return UInt16(first) << 8 | UInt16(second)
    }

    var current: Token { tokens[index] }

    func describeCurrent() -> String {
        switch current.kind {
        case .endOfInput: return "end of expression"
        case .symbol(let s): return "'\(s)'"
        case .identifier(let s), .quotedIdentifier(let s): return "'\(s)'"
        default: return "literal"
        }
    }

    /// Is `s` next? A `StaticString`, so that its code is two loads, not a walk over a String.
    func isSymbol(_ s: StaticString) -> Bool {
        symbols[index] == Self.symbolCode(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    mutating func expect(_ s: StaticString, context: String) throws(ExpressionDiagnostic) -> Token {
        guard isSymbol(s) else {
            throw .syntax("expected '\(s)' \(context), found \(describeCurrent())", current.span)
        }
        return advance()
    }

    mutating func make(_ kind: Expr.Kind, _ span: SourceSpan) throws(ExpressionDiagnostic) -> Expr {
        let e = Expr(id: nextID, span: span, kind: kind)
        nextID += 1
        if e.height > limits.maxHeight { throw .tooDeep(limit: limits.maxHeight, span) }
        return e
    }

    // MARK: - Precedence levels

    /// Every recursive descent goes through here, so the depth check before recursing bounds
    /// the native stack no matter how deeply the input nests.
    mutating func parseExpr() throws(ExpressionDiagnostic) -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > limits.maxNesting { throw .tooDeep(limit: limits.maxNesting, current.span) }
        let condition = try parseLogical(or: true)
        guard isSymbol("?") else { return condition }
        _ = advance()
        let then = try parseLogical(or: true)
        _ = try expect(":", context: "in conditional expression")
        let otherwise = try parseExpr()
        return try make(.call(function: Operator.conditional, target: nil, args: [condition, then, otherwise]),
                        condition.span.union(otherwise.span))
    }

    /// `||` and `&&` chains, built as balanced trees (as cel-go does) so long chains stay shallow.
    mutating func parseLogical(or: Bool) throws(ExpressionDiagnostic) -> Expr {
        let symbol: StaticString = or ? "||" : "&&"
        var operands = [or ? try parseLogical(or: false) : try parseRelation()]
        while isSymbol(symbol) {
            _ = advance()
            operands.append(or ? try parseLogical(or: false) : try parseRelation())
        }
        return try balance(or ? Operator.logicalOr : Operator.logicalAnd, operands[...])
    }

    mutating func balance(_ op: String, _ operands: ArraySlice<Expr>) throws(ExpressionDiagnostic) -> Expr {
        if operands.count == 1 { return operands.first! }
        let mid = operands.startIndex + operands.count / 2
        let lhs = try balance(op, operands[operands.startIndex..<mid])
        let rhs = try balance(op, operands[mid...])
        return try make(.call(function: op, target: nil, args: [lhs, rhs]), lhs.span.union(rhs.span))
    }

    mutating func parseRelation() throws(ExpressionDiagnostic) -> Expr {
        var lhs = try parseAddition()
        while true {
            let op: String
            if let relation = Self.relations.first(where: { isSymbol($0.symbol) }) {
                op = relation.function
            } else if case .identifier(let word) = current.kind, word.utf8.elementsEqual("in".utf8) {
                op = Operator.in
            } else {
                return lhs
            }
            _ = advance()
            let rhs = try parseAddition()
            lhs = try make(.call(function: op, target: nil, args: [lhs, rhs]), lhs.span.union(rhs.span))
        }
    }

    static let relations: [(symbol: StaticString, function: String)] = [
        ("<", Operator.less), ("<=", Operator.lessEqual), (">", Operator.greater), (">=", Operator.greaterEqual),
        ("==", Operator.equal), ("!=", Operator.notEqual),
    ]

    mutating func parseAddition() throws(ExpressionDiagnostic) -> Expr {
        var lhs = try parseMultiplication()
        while isSymbol("+") || isSymbol("-") {
            let op = isSymbol("+") ? Operator.add : Operator.subtract
            _ = advance()
            let rhs = try parseMultiplication()
            lhs = try make(.call(function: op, target: nil, args: [lhs, rhs]), lhs.span.union(rhs.span))
        }
        return lhs
    }

    mutating func parseMultiplication() throws(ExpressionDiagnostic) -> Expr {
        var lhs = try parseUnary()
        while isSymbol("*") || isSymbol("/") || isSymbol("%") {
            let op = isSymbol("*") ? Operator.multiply : (isSymbol("/") ? Operator.divide : Operator.modulo)
            _ = advance()
            let rhs = try parseUnary()
            lhs = try make(.call(function: op, target: nil, args: [lhs, rhs]), lhs.span.union(rhs.span))
        }
        return lhs
    }

    mutating func parseUnary() throws(ExpressionDiagnostic) -> Expr {
        var ops: [Token] = []
        let first = current
        if isSymbol("!") {
            while isSymbol("!") { ops.append(advance()) }
        } else if isSymbol("-") {
            while isSymbol("-") { ops.append(advance()) }
        }
        let isNot = first.kind == .symbol("!")
        var operand: Expr
        // A minus directly before a number folds into a negative literal, so that
        // -9223372036854775808 is a valid int.
        if !ops.isEmpty && !isNot, let negative = try negativeLiteral(after: ops.last!) {
            ops.removeLast()
            operand = try parseMemberSuffix(negative)
        } else {
            operand = try parseMember()
        }
        for op in ops.reversed() {
            operand = try make(.call(function: isNot ? Operator.logicalNot : Operator.negate, target: nil, args: [operand]),
                               op.span.union(operand.span))
        }
        return operand
    }

    mutating func negativeLiteral(after minus: Token) throws(ExpressionDiagnostic) -> Expr? {
        let span = minus.span.union(current.span)
        switch current.kind {
        case .int(let magnitude):
            _ = advance()
            if magnitude == UInt64(Int64.max) + 1 { return try make(.literal(.int(.min)), span) }
            guard let v = Int64(exactly: magnitude) else { throw .syntax("integer literal is out of range", span) }
            return try make(.literal(.int(-v)), span)
        case .double(let d):
            _ = advance()
            return try make(.literal(.double(-d)), span)
        default:
            return nil
        }
    }

    // MARK: - Member access and primaries

    mutating func parseMember() throws(ExpressionDiagnostic) -> Expr {
        try parseMemberSuffix(try parsePrimary())
    }

    mutating func parseMemberSuffix(_ start: Expr) throws(ExpressionDiagnostic) -> Expr {
        var expr = start
        while true {
            if isSymbol(".") {
                _ = advance()
                let nameToken = advance()
                let name: String
                switch nameToken.kind {
                case .identifier(let n), .quotedIdentifier(let n): name = n
                default: throw .syntax("expected a field name after '.'", nameToken.span)
                }
                if case .identifier = nameToken.kind, isSymbol("(") {
                    let (args, close) = try parseArguments()
                    expr = try receiverCall(name, target: expr, args: args, span: expr.span.union(close))
                } else {
                    expr = try make(.select(operand: expr, field: name, testOnly: false), expr.span.union(nameToken.span))
                }
            } else if isSymbol("[") {
                _ = advance()
                let index = try parseExpr()
                let close = try expect("]", context: "after index")
                expr = try make(.index(operand: expr, index: index), expr.span.union(close.span))
            } else {
                return expr
            }
        }
    }

    mutating func parseArguments() throws(ExpressionDiagnostic) -> ([Expr], SourceSpan) {
        _ = try expect("(", context: "before arguments")
        var args: [Expr] = []
        if !isSymbol(")") {
            repeat {
                if isSymbol(","), !args.isEmpty { _ = advance() }
                args.append(try parseExpr())
            } while isSymbol(",")
        }
        let close = try expect(")", context: "after arguments")
        return (args, close.span)
    }

    mutating func parsePrimary() throws(ExpressionDiagnostic) -> Expr {
        let token = current
        switch token.kind {
        case .int(let magnitude):
            _ = advance()
            guard let v = Int64(exactly: magnitude) else { throw .syntax("integer literal is out of range", token.span) }
            return try make(.literal(.int(v)), token.span)
        case .uint(let v): _ = advance(); return try make(.literal(.uint(v)), token.span)
        case .double(let v): _ = advance(); return try make(.literal(.double(v)), token.span)
        case .string(let v): _ = advance(); return try make(.literal(.string(v)), token.span)
        case .bytes(let v): _ = advance(); return try make(.literal(.bytes(v)), token.span)
        case .identifier(let name):
            _ = advance()
            // A set, not a `switch`: every name of every condition passes here, and a switch
            // compares it with each word in turn.
            if Self.keywords.contains(name) {
                switch name {
                case "true": return try make(.literal(.bool(true)), token.span)
                case "false": return try make(.literal(.bool(false)), token.span)
                case "null": return try make(.literal(.null), token.span)
                default: throw .syntax("reserved word '\(name)' cannot be used here", token.span)
                }
            }
            if isSymbol("(") {
                let (args, close) = try parseArguments()
                return try globalCall(name, args: args, span: token.span.union(close))
            }
            return try make(.identifier(name), token.span)
        case .symbol("."):
            // A root-scoped name, `.y`.
            _ = advance()
            let nameToken = advance()
            guard case .identifier(let name) = nameToken.kind else {
                throw .syntax("expected a name after '.'", nameToken.span)
            }
            if isSymbol("(") {
                let (args, close) = try parseArguments()
                return try globalCall(name, args: args, span: token.span.union(close))
            }
            return try make(.identifier("." + name), token.span.union(nameToken.span))
        case .symbol("("):
            _ = advance()
            let inner = try parseExpr()
            _ = try expect(")", context: "to close '('")
            return inner
        case .symbol("["):
            _ = advance()
            var items: [Expr] = []
            while !isSymbol("]") {
                items.append(try parseExpr())
                if !isSymbol(",") { break }
                _ = advance()
            }
            let close = try expect("]", context: "to close list")
            return try make(.list(items), token.span.union(close.span))
        case .symbol("{"):
            _ = advance()
            var entries: [MapEntry] = []
            while !isSymbol("}") {
                let key = try parseExpr()
                _ = try expect(":", context: "after map key")
                let value = try parseExpr()
                entries.append(MapEntry(key: key, value: value))
                if !isSymbol(",") { break }
                _ = advance()
            }
            let close = try expect("}", context: "to close map")
            return try make(.map(entries), token.span.union(close.span))
        default:
            throw .syntax("unexpected \(describeCurrent())", token.span)
        }
    }

    /// The literal words, and CEL's reserved words.
    static let keywords: Set<String> = [
        "true", "false", "null",
        "in", "as", "break", "const", "continue", "else", "for", "function", "if", "import",
        "let", "loop", "package", "namespace", "return", "var", "void", "while",
    ]

    // MARK: - Macros

    mutating func globalCall(_ name: String, args: [Expr], span: SourceSpan) throws(ExpressionDiagnostic) -> Expr {
        if name == "has" && args.count == 1 {
            guard case .select(let operand, let field, false) = args[0].kind else {
                throw .syntax("has() needs a field selection, e.g. has(a.b)", args[0].span)
            }
            return try make(.select(operand: operand, field: field, testOnly: true), span)
        }
        return try make(.call(function: name, target: nil, args: args), span)
    }

    mutating func receiverCall(_ name: String, target: Expr, args: [Expr], span: SourceSpan) throws(ExpressionDiagnostic) -> Expr {
        let macro: Comprehension.Macro?
        switch (name, args.count) {
        case ("all", 2): macro = .all
        case ("exists", 2): macro = .exists
        case ("exists_one", 2): macro = .existsOne
        case ("filter", 2): macro = .filter
        case ("map", 2), ("map", 3): macro = .map
        default: macro = nil
        }
        guard let macro else { return try make(.call(function: name, target: target, args: args), span) }
        guard case .identifier(let variable) = args[0].kind, !variable.hasPrefix(".") else {
            throw .syntax("the first argument of \(name)() must be a simple name", args[0].span)
        }
        let comprehension: Comprehension
        switch macro {
        case .map where args.count == 3:
            comprehension = Comprehension(macro: .map, range: target, variable: variable, predicate: args[1], transform: args[2])
        case .map:
            comprehension = Comprehension(macro: .map, range: target, variable: variable, predicate: nil, transform: args[1])
        default:
            comprehension = Comprehension(macro: macro, range: target, variable: variable, predicate: args[1], transform: nil)
        }
        return try make(.comprehension(comprehension), span)
    }
}
