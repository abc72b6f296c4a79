/// Resolves names against `Declarations`, infers types and reports every problem found
/// (sorted by position) instead of stopping at the first.
public struct Checker {
    /// The variables names resolve to.
    public let declarations: Declarations
    /// Name-resolution container (CEL namespaces): with `a.b`, the name `y` is looked up as
    /// `a.b.y`, then `a.y`, then `y`.
    public var container: String

    /// A checker with no container: names resolve as written.
    public init(declarations: Declarations) {
        self.declarations = declarations
        self.container = ""
    }

    /// A checker that resolves names inside `container` first, as CEL does.
    public init(declarations: Declarations, container: String) {
        self.declarations = declarations
        self.container = container
    }

    /// Checks `parsed`; on success every name is resolved and every node typed.
    public func check(_ parsed: ParsedExpression) -> Result<CheckedExpression, ExpressionDiagnostics> {
        var run = Run(checker: self, typeCheck: true, count: parsed.nodeCount)
        let type = run.visit(parsed.root)
        if !run.diagnostics.isEmpty {
            return .failure(ExpressionDiagnostics(run.diagnostics.sorted { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }))
        }
        return .success(CheckedExpression(parsed: parsed, resultType: type, types: run.types, references: run.references))
    }

    /// Resolves names without type checking (all types `dyn`, nothing reported); unknown
    /// names and functions become evaluation errors. For CEL's "disable_check" mode.
    package func resolveWithoutChecking(_ parsed: ParsedExpression) -> CheckedExpression {
        var run = Run(checker: self, typeCheck: false, count: parsed.nodeCount)
        _ = run.visit(parsed.root)
        return CheckedExpression(parsed: parsed, resultType: .dyn, types: run.types, references: run.references)
    }

    /// Type names that evaluate to type values.
    static let typeNames: [String: String] = [
        "int": "int", "uint": "uint", "double": "double", "bool": "bool", "string": "string", "bytes": "bytes",
        "list": "list", "map": "map", "null_type": "null_type", "type": "type",
    ]

    /// Every function name the evaluator implements (for unknown-function and did-you-mean).
    static let knownFunctions: [String] = [
        "size", "contains", "startsWith", "endsWith", "matches", "int", "uint", "double", "string", "bool",
        "bytes", "type", "dyn", "min", "max",
    ]
}

// MARK: - One checking pass

private struct Run {
    let checker: Checker
    let typeCheck: Bool
    var types: [ExprType]
    var references: [Reference?]
    var diagnostics: [ExpressionDiagnostic] = []
    /// Comprehension variables in scope, innermost last.
    var locals: [(name: String, type: ExprType)] = []

    init(checker: Checker, typeCheck: Bool, count: Int) {
        self.checker = checker
        self.typeCheck = typeCheck
        self.types = Array(repeating: .dyn, count: count)
        self.references = Array(repeating: nil, count: count)
    }

    mutating func report(_ d: ExpressionDiagnostic) {
        if typeCheck { diagnostics.append(d) }
    }

    mutating func visit(_ e: Expr) -> ExprType {
        let t = infer(e)
        // Unchecked expressions keep `dyn` everywhere so the compiler never specializes on a
        // declared type the bindings might not honour.
        if e.id < types.count { types[e.id] = typeCheck ? t : .dyn }
        return t
    }

    // MARK: - Names

    func localType(_ name: String) -> ExprType? {
        locals.last(where: { $0.name == name })?.type
    }

    /// The candidate declared names for `name` given the container, most specific first.
    func candidates(_ name: String) -> [String] {
        if name.hasPrefix(".") { return [String(name.dropFirst())] }
        var result: [String] = []
        var prefix = checker.container
        while !prefix.isEmpty {
            result.append(prefix + "." + name)
            if let dot = prefix.lastIndex(of: ".") { prefix = String(prefix[..<dot]) } else { prefix = "" }
        }
        result.append(name)
        return result
    }

    func declared(_ name: String) -> String? {
        // Without a container (every rule condition) the name is its only candidate.
        if checker.container.isEmpty, !name.hasPrefix(".") {
            return checker.declarations.slot(of: name) != nil ? name : nil
        }
        return candidates(name).first { checker.declarations.slot(of: $0) != nil }
    }

    /// `a.b.c` as ["a", "b", "c"] if `e` is a chain of plain selects over an identifier.
    func qualifiedParts(_ e: Expr) -> [String]? {
        var parts: [String] = []
        var node = e
        while case .select(let operand, let field, false) = node.kind {
            parts.append(field)
            node = operand
        }
        guard case .identifier(let n) = node.kind else { return nil }
        parts.append(n)
        parts.reverse()
        return parts
    }

    func suggestion(for name: String) -> String? {
        let bare = name.hasPrefix(".") ? String(name.dropFirst()) : name
        if let close = closestMatch(to: bare, among: checker.declarations.names + locals.map(\.name)) { return close }
        // `market` alone, when only `market.phase`, `market.inflation`… are declared.
        return checker.declarations.names.first { $0.hasPrefix(bare + ".") }
    }

    // MARK: - Inference

    mutating func infer(_ e: Expr) -> ExprType {
        switch e.kind {
        case .literal(let lit):
            switch lit {
            case .int: return .int
            case .uint: return .uint
            case .double: return .double
            case .string: return .string
            case .bytes: return .bytes
            case .bool: return .bool
            case .null: return .null
            }
        case .identifier(let name):
            if !name.hasPrefix("."), let t = localType(name) {
                references[e.id] = .local(name)
                return t
            }
            if let n = declared(name) {
                references[e.id] = .variable(n)
                return checker.declarations.type(of: n) ?? .dyn
            }
            let bare = name.hasPrefix(".") ? String(name.dropFirst()) : name
            if let t = Checker.typeNames[bare] {
                references[e.id] = .typeName(t)
                return .type
            }
            references[e.id] = .unresolved(name)
            report(.undeclared(bare, suggestion: suggestion(for: name), e.span))
            return .dyn
        case .select(let operand, let field, let testOnly):
            // has(segment.loyalty) on a declared dotted fact: is the fact set?
            if testOnly, let parts = qualifiedParts(operand).map({ $0 + [field] }),
               parts[0].hasPrefix(".") || localType(parts[0]) == nil,
               let n = declared(parts.joined(separator: ".")) {
                references[e.id] = .variable(n)
                return .bool
            }
            // The common case first: `segment.price_sensitivity`, a declared dotted name.
            if !testOnly, case .identifier(let head) = operand.kind, locals.isEmpty, let n = declared(head + "." + field) {
                references[e.id] = .variable(n)
                return checker.declarations.type(of: n) ?? .dyn
            }
            if !testOnly, let parts = qualifiedParts(e), parts.count > 1,
               parts[0].hasPrefix(".") || localType(parts[0]) == nil {
                let full = parts.joined(separator: ".")
                if let n = declared(full) {
                    references[e.id] = .variable(n)
                    return checker.declarations.type(of: n) ?? .dyn
                }
                // No prefix resolves at all: report the whole dotted name once.
                let anyPrefix = (1..<parts.count).contains { k in
                    let p = parts[0..<k].joined(separator: ".")
                    return declared(p) != nil || (k == 1 && Checker.typeNames[parts[0]] != nil)
                }
                if !anyPrefix {
                    references[e.id] = .unresolved(full)
                    let bare = full.hasPrefix(".") ? String(full.dropFirst()) : full
                    report(.undeclared(bare, suggestion: suggestion(for: full), e.span))
                    return .dyn
                }
            }
            let t = visit(operand)
            switch t {
            case .map(let k, let v):
                if k != .string && k != .dyn { report(.noField(field, on: t, e.span)) }
                return testOnly ? .bool : v
            case .dyn: return testOnly ? .bool : .dyn
            default:
                report(.noField(field, on: t, e.span))
                return .dyn
            }
        case .index(let operand, let index):
            let t = visit(operand), i = visit(index)
            switch t {
            case .list(let elem):
                if i != .int && i != .uint && i != .dyn { report(.noOverload("_[_]", [t, i], e.span)) }
                return elem
            case .map(let k, let v):
                if !i.isComparable(with: k) { report(.noOverload("_[_]", [t, i], e.span)) }
                return v
            case .dyn: return .dyn
            default:
                report(.noOverload("_[_]", [t, i], e.span))
                return .dyn
            }
        case .list(let items):
            let ts = items.map { visit($0) }
            return .list(ts.dropFirst().reduce(ts.first ?? .dyn, ExprType.join))
        case .map(let entries):
            var k: ExprType?, v: ExprType?
            for entry in entries {
                let kt = visit(entry.key), vt = visit(entry.value)
                if ![.int, .uint, .bool, .string, .dyn].contains(kt) {
                    report(.expectedType(.string, got: kt, what: "a map key", entry.key.span))
                }
                k = k.map { ExprType.join($0, kt) } ?? kt
                v = v.map { ExprType.join($0, vt) } ?? vt
            }
            return .map(k ?? .dyn, v ?? .dyn)
        case .comprehension(let c):
            let rangeType = visit(c.range)
            let varType: ExprType
            switch rangeType {
            case .list(let elem): varType = elem
            case .map(let k, _): varType = k
            case .dyn: varType = .dyn
            default:
                report(.noOverload(c.macro.rawValue, [rangeType], c.range.span))
                varType = .dyn
            }
            locals.append((c.variable, varType))
            defer { locals.removeLast() }
            if let p = c.predicate {
                let pt = visit(p)
                if pt != .bool && pt != .dyn { report(.expectedType(.bool, got: pt, what: "the condition", p.span)) }
            }
            switch c.macro {
            case .all, .exists, .existsOne: return .bool
            case .filter: return .list(varType)
            case .map: return .list(c.transform.map { visit($0) } ?? .dyn)
            }
        case .call(let function, let target, let args):
            return inferCall(e, function, target, args)
        }
    }

    // MARK: - Calls

    mutating func inferCall(_ e: Expr, _ function: String, _ target: Expr?, _ args: [Expr]) -> ExprType {
        let targetType = target.map { visit($0) }
        let ts = args.map { visit($0) }
        func fail() -> ExprType {
            report(.noOverload(function, (targetType.map { [$0] } ?? []) + ts, e.span))
            return .dyn
        }
        func isA(_ t: ExprType, _ options: ExprType...) -> Bool { t == .dyn || options.contains(t) }
        switch function {
        case Operator.logicalAnd, Operator.logicalOr:
            for (t, a) in zip(ts, args) where !isA(t, .bool) {
                report(.expectedType(.bool, got: t, what: "each side of '\(ExpressionDiagnostic.displayName(function))'", a.span))
            }
            return .bool
        case Operator.logicalNot:
            return isA(ts[0], .bool) ? .bool : fail()
        case Operator.negate:
            return isA(ts[0], .int, .double) ? ts[0] : fail()
        case Operator.conditional:
            if !isA(ts[0], .bool) { report(.expectedType(.bool, got: ts[0], what: "the condition", args[0].span)) }
            return ExprType.join(ts[1], ts[2])
        case Operator.add:
            let (a, b) = (ts[0], ts[1])
            if a == .dyn || b == .dyn { return a == .dyn ? b : a }
            if case .list = a, case .list = b { return ExprType.join(a, b) }
            return a == b && [.int, .uint, .double, .string, .bytes].contains(a) ? a : fail()
        case Operator.subtract, Operator.multiply, Operator.divide:
            let (a, b) = (ts[0], ts[1])
            if a == .dyn || b == .dyn { return a == .dyn ? b : a }
            return a == b && a.isNumeric ? a : fail()
        case Operator.modulo:
            let (a, b) = (ts[0], ts[1])
            if a == .dyn || b == .dyn { return a == .dyn ? b : a }
            return a == b && (a == .int || a == .uint) ? a : fail()
        case Operator.equal, Operator.notEqual, Operator.less, Operator.lessEqual, Operator.greater, Operator.greaterEqual:
            let (a, b) = (ts[0], ts[1])
            let ordering = function != Operator.equal && function != Operator.notEqual
            let ok = ordering
                ? (a.isComparable(with: b) && a.isOrderable && b.isOrderable)
                : (a.isComparable(with: b) || a == .null || b == .null)
            if !ok {
                report(.cannotCompare(function, a, b, e.span))
            } else if !ordering {
                checkEnumLiteral(args[0], against: [args[1]])
                checkEnumLiteral(args[1], against: [args[0]])
            }
            return .bool
        case Operator.in:
            let (a, b) = (ts[0], ts[1])
            switch b {
            case .list(let elem), .map(let elem, _):
                if !a.isComparable(with: elem) { report(.cannotCompare(function, a, elem, e.span)) }
                if case .list(let items) = args[1].kind { checkEnumLiteral(args[0], against: items) }
            case .dyn: break
            default: return fail()
            }
            return .bool
        default:
            guard let t = inferFunction(e, function, target, args, targetType, ts) else { return fail() }
            return t
        }
    }

    mutating func inferFunction(_ e: Expr, _ function: String, _ target: Expr?, _ args: [Expr], _ targetType: ExprType?,
                                _ ts: [ExprType]) -> ExprType? {
        // nil means "no matching overload"; the caller reports it.
        func fail() -> ExprType? { nil }
        func isA(_ t: ExprType, _ options: ExprType...) -> Bool { t == .dyn || options.contains(t) }
        // Receiver and global forms both accepted where CEL has both (e.g. size).
        let operands = (targetType.map { [$0] } ?? []) + ts
        switch function {
        case "size":
            guard operands.count == 1 else { return fail() }
            switch operands[0] {
            case .string, .bytes, .list, .map, .dyn: return .int
            default: return fail()
            }
        case "contains", "startsWith", "endsWith", "matches":
            guard operands.count == 2, isA(operands[0], .string), isA(operands[1], .string) else { return fail() }
            if function == "matches", case .literal(.string(let pattern)) = args.last!.kind {
                if case .failure(let error) = RegexProgram.compile(pattern) {
                    report(.invalidRegex(error.message, args.last!.span))
                }
            }
            return .bool
        case "int", "uint", "double", "string", "bool", "bytes", "type", "dyn":
            guard target == nil, ts.count == 1 else { return fail() }
            let t = ts[0]
            switch function {
            case "int": return isA(t, .int, .uint, .double, .string) ? .int : fail()
            case "uint": return isA(t, .int, .uint, .double, .string) ? .uint : fail()
            case "double": return isA(t, .int, .uint, .double, .string) ? .double : fail()
            case "string": return isA(t, .int, .uint, .double, .string, .bytes, .bool) ? .string : fail()
            case "bool": return isA(t, .bool, .string) ? .bool : fail()
            case "bytes": return isA(t, .bytes, .string) ? .bytes : fail()
            case "type": return .type
            default: return .dyn
            }
        case "min", "max":
            guard target == nil, !ts.isEmpty else { return fail() }
            if ts.count == 1 {
                switch ts[0] {
                case .list(let elem) where isA(elem, .int, .uint, .double): return elem
                case .int, .uint, .double, .dyn: return ts[0]
                default: return fail()
                }
            }
            guard ts.allSatisfy({ isA($0, .int, .uint, .double) }) else { return fail() }
            return ts.dropFirst().reduce(ts[0], ExprType.join)
        default:
            report(.unknownFunction(function, suggestion: closestMatch(to: function, among: Checker.knownFunctions), e.span))
            return .dyn
        }
    }

    /// `phase == "expnasion"` where `phase` is an enum fact: the literal must be one of its values.
    mutating func checkEnumLiteral(_ fact: Expr, against others: [Expr]) {
        guard case .variable(let name)? = references[fact.id],
              let allowed = checker.declarations.enumValues(of: name) else { return }
        for other in others {
            if case .literal(.string(let s)) = other.kind, !allowed.contains(s) {
                report(.unknownEnumValue(s, fact: name, allowed: allowed,
                                         suggestion: closestMatch(to: s, among: allowed), other.span))
            }
        }
    }
}
