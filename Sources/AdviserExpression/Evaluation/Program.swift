/// A compiled expression, ready to evaluate many times. Variables are resolved to slots at
/// compile time, and the tree is turned into closures, so evaluation walks no syntax tree and
/// looks nothing up by name. Conditions that are `&&` chains of `fact <op> constant`
/// comparisons additionally get a flat, unboxed form for `evaluateCondition`; their closures are
/// made only when first needed, as the flat form decides nearly every evaluation.
public final class Program: @unchecked Sendable {
    // @unchecked: the only non-Sendable stored state is the immutable fast-path buffer,
    // written once in init and freed in deinit.

    /// The checked expression it was compiled from.
    public let checked: CheckedExpression
    /// The evaluation budget: the most steps one evaluation may take before it fails.
    public let costLimit: Int
    let declarations: Declarations
    /// The whole expression as closures: made in init for a program without a flat form, which
    /// needs them for every evaluation; else on first use (`evaluate`, or an error to report).
    private let closures: OnFirstUse<Closures>
    @usableFromInline let fast: FastPlan?
    // The flat form's buffers, copied out of `fast` into plain (trivial) stored properties so
    // that `evaluateCondition` retains nothing.
    @usableFromInline let fastOps: UnsafeMutableBufferPointer<FastPlan.Op>

    /// Compiles `checked`, whose names were resolved against `declarations`.
    public init(_ checked: CheckedExpression, declarations: Declarations, costLimit: Int = 1_000_000) {
        self.checked = checked
        self.declarations = declarations
        self.costLimit = costLimit
        let plan = FastPlan(checked: checked, declarations: declarations)
        fast = plan
        fastOps = plan?.ops ?? UnsafeMutableBufferPointer(start: nil, count: 0)
        closures = OnFirstUse(now: plan == nil ? Closures(checked, declarations: declarations) : nil)
    }

    /// The closures of a whole expression, and how many comprehension variables they need.
    struct Closures: Sendable {
        let root: Eval
        let localCount: Int

        init(_ checked: CheckedExpression, declarations: Declarations) {
            var compiler = Compiler(checked: checked, declarations: declarations, tracing: false)
            root = compiler.compile(checked.parsed.root)
            localCount = compiler.maxLocals
        }
    }

    /// Evaluates against `activation`.
    public func evaluate(_ activation: Activation) -> Result<Value, EvaluationError> {
        let closures = closures.value { Closures(checked, declarations: declarations) }
        let frame = Frame(activation: activation, localCount: closures.localCount, costLimit: costLimit)
        do {
            return .success(try closures.root(frame))
        } catch {
            return .failure(error)
        }
    }

    /// Fast path for rule conditions: true/false, or nil on an error or a non-bool result.
    /// Inlinable so that callers looping over stored activations pass them without copying
    /// (a copy would retain and release the activation's arrays on every call).
    @inlinable
    package func evaluateCondition(_ activation: borrowing Activation) -> Bool? {
        if fastOps.count > 0 {
            if let decided = FastPlan.evaluate(ops: fastOps, activation.unboxed) {
                return decided
            }
            return fast!.evaluateGeneral(activation, program: self)
        }
        return evaluateConditionGeneral(activation)
    }

    /// Evaluates the condition on `activations[range]`, calling `body(index, result)` for each:
    /// the hot-loop form of `evaluateCondition` for "every rule on every scenario". It reads
    /// each activation in place, so no reference counting happens per evaluation (calling
    /// `evaluateCondition(activations[i])` in a loop makes Swift retain and release each
    /// activation, which costs more than the evaluation itself).
    @inlinable
    package func forEachCondition(in activations: [Activation], range: Range<Int>,
                                  _ body: (Int, Bool?) throws -> Void) rethrows {
        precondition(range.lowerBound >= 0 && range.upperBound <= activations.count, "range out of bounds")
        try activations.withUnsafeBufferPointer { buffer in
            for i in range { try body(i, evaluateCondition(buffer[i])) }
        }
    }

    /// `evaluateCondition` without a flat form.
    @usableFromInline @_effects(releasenone)
    func evaluateConditionGeneral(_ activation: borrowing Activation) -> Bool? {
        guard case .success(.bool(let b)) = evaluate(activation) else { return nil }
        return b
    }

    /// Evaluates while recording every sub-expression's value, for explanations.
    public func trace(_ activation: Activation) -> EvaluationTrace {
        var compiler = Compiler(checked: checked, declarations: declarations, tracing: true)
        let traced = compiler.compile(checked.parsed.root)
        let frame = Frame(activation: activation, localCount: compiler.maxLocals, costLimit: costLimit)
        frame.recording = true
        let result: Result<Value, EvaluationError>
        do { result = .success(try traced(frame)) } catch { result = .failure(error) }
        return EvaluationTrace(parsed: checked.parsed, result: result, recorded: frame.recorded)
    }

    /// Evaluates one conjunct through the general path (used when the flat form cannot
    /// decide, e.g. a fact holds a string where a number was compared).
    func evaluateConjunct(_ eval: Eval, localCount: Int, _ activation: Activation) -> Bool? {
        let frame = Frame(activation: activation, localCount: localCount, costLimit: costLimit)
        guard case .bool(let b)? = try? eval(frame) else { return nil }
        return b
    }
}

/// A compiled sub-expression.
typealias Eval = @Sendable (Frame) throws(EvaluationError) -> Value

/// Mutable state of one evaluation.
final class Frame {
    let activation: Activation
    var locals: [Value]
    var cost = 0
    let costLimit: Int
    var recording = false
    var recorded: [(Int, Result<Value, EvaluationError>)] = []

    init(activation: Activation, localCount: Int, costLimit: Int) {
        self.activation = activation
        self.locals = Array(repeating: .null, count: localCount)
        self.costLimit = costLimit
    }

    /// Adds to the evaluation's cost; fails once the budget is spent.
    @inline(__always)
    func charge(_ amount: Int) throws(EvaluationError) {
        cost &+= amount
        if cost > costLimit { throw .costExceeded(costLimit) }
    }
}

// MARK: - Compiler

struct Compiler {
    let checked: CheckedExpression
    let declarations: Declarations
    let tracing: Bool
    var scope: [String] = []
    var maxLocals = 0

    init(checked: CheckedExpression, declarations: Declarations, tracing: Bool) {
        self.checked = checked
        self.declarations = declarations
        self.tracing = tracing
    }

    mutating func compile(_ e: Expr) -> Eval {
        let eval = compileNode(e)
        if !tracing { return eval }
        if case .literal = e.kind { return eval }
        let id = e.id
        return { f throws(EvaluationError) in
            do throws(EvaluationError) {
                let v = try eval(f)
                f.recorded.append((id, .success(v)))
                return v
            } catch {
                f.recorded.append((id, .failure(error)))
                throw error
            }
        }
    }

    /// Wraps a failing operation so its error carries the span of `e`.
    static func spanned(_ span: SourceSpan, _ body: @escaping @Sendable (Frame) throws(EvaluationError) -> Value) -> Eval {
        return { f throws(EvaluationError) in
            do throws(EvaluationError) { return try body(f) } catch { throw error.at(span) }
        }
    }

    mutating func compileNode(_ e: Expr) -> Eval {
        let span = e.span
        if let reference = checked.references[e.id] {
            switch reference {
            case .variable(let name):
                guard let slot = declarations.slot(of: name) else {
                    return { _ throws(EvaluationError) in throw EvaluationError.unboundVariable(name).at(span) }
                }
                if case .select(_, _, true) = e.kind {
                    return { f in .bool(f.activation.isSet(slot: slot)) }   // has(fact)
                }
                return { f throws(EvaluationError) in
                    guard let v = f.activation.value(slot: slot) else { throw EvaluationError.unboundVariable(name).at(span) }
                    return v
                }
            case .local(let name):
                let index = scope.lastIndex(of: name)!
                return { f in f.locals[index] }
            case .typeName(let t):
                return { _ in .type(t) }
            case .unresolved(let name):
                return { _ throws(EvaluationError) in throw EvaluationError.undeclared(name).at(span) }
            }
        }
        switch e.kind {
        case .literal(let lit):
            let v: Value
            switch lit {
            case .int(let x): v = .int(x)
            case .uint(let x): v = .uint(x)
            case .double(let x): v = .double(x)
            case .string(let x): v = .string(x)
            case .bytes(let x): v = .bytes(x)
            case .bool(let x): v = .bool(x)
            case .null: v = .null
            }
            return { _ in v }
        case .identifier(let name):
            return { _ throws(EvaluationError) in throw EvaluationError.undeclared(name).at(span) }
        case .select(let operand, let field, let testOnly):
            let o = compile(operand)
            if testOnly { return Self.spanned(span) { f throws(EvaluationError) in try Builtins.has(try o(f), field) } }
            return Self.spanned(span) { f throws(EvaluationError) in try Builtins.select(try o(f), field) }
        case .index(let operand, let index):
            let o = compile(operand), i = compile(index)
            return Self.spanned(span) { f throws(EvaluationError) in try Builtins.index(try o(f), try i(f)) }
        case .list(let items):
            let evals = items.map { compile($0) }
            return { f throws(EvaluationError) in
                try f.charge(evals.count)
                var out: [Value] = []
                out.reserveCapacity(evals.count)
                for ev in evals { out.append(try ev(f)) }
                return .list(out)
            }
        case .map(let entries):
            let pairs = entries.map { (compile($0.key), compile($0.value)) }
            return Self.spanned(span) { f throws(EvaluationError) in
                try f.charge(pairs.count)
                var out: [(Value, Value)] = []
                for (k, v) in pairs { out.append((try k(f), try v(f))) }
                return try Builtins.makeMap(out)
            }
        case .comprehension(let c):
            return compileComprehension(c, span)
        case .call(let function, let target, let args):
            return compileCall(function, target, args, span)
        }
    }

    // MARK: - Macros

    mutating func compileComprehension(_ c: Comprehension, _ span: SourceSpan) -> Eval {
        let range = compile(c.range)
        let index = scope.count
        scope.append(c.variable)
        maxLocals = max(maxLocals, scope.count)
        let predicate = c.predicate.map { compile($0) }
        let transform = c.transform.map { compile($0) }
        scope.removeLast()
        let macro = c.macro
        return Self.spanned(span) { f throws(EvaluationError) in
            let items: [Value]
            switch try range(f) {
            case .list(let l): items = l
            case .map(let m): items = m.keys
            case let other: throw EvaluationError.noOverload(macro.rawValue, [other])
            }
            func test(_ item: Value) throws(EvaluationError) -> Bool {
                f.locals[index] = item
                let v = try predicate!(f)
                guard case .bool(let b) = v else { throw EvaluationError.noOverload(macro.rawValue, [v]) }
                return b
            }
            switch macro {
            case .all, .exists:
                // Commutative like && / ||: a decisive result wins over errors in other iterations.
                let decisive = macro == .exists
                var firstError: EvaluationError?
                for item in items {
                    try f.charge(1)
                    do throws(EvaluationError) {
                        if try test(item) == decisive { return .bool(decisive) }
                    } catch {
                        if error.isBudgetExceeded { throw error }
                        firstError = firstError ?? error
                    }
                }
                if let firstError { throw firstError }
                return .bool(!decisive)
            case .existsOne:
                var count = 0
                for item in items {
                    try f.charge(1)
                    if try test(item) { count += 1 }
                }
                return .bool(count == 1)
            case .filter:
                var out: [Value] = []
                for item in items {
                    try f.charge(1)
                    if try test(item) { out.append(item) }
                }
                return .list(out)
            case .map:
                var out: [Value] = []
                for item in items {
                    try f.charge(1)
                    if predicate != nil, !(try test(item)) { continue }
                    f.locals[index] = item
                    out.append(try transform!(f))
                }
                return .list(out)
            }
        }
    }

    // MARK: - Calls

    mutating func compileCall(_ function: String, _ target: Expr?, _ args: [Expr], _ span: SourceSpan) -> Eval {
        let t = target.map { compile($0) }
        let a = args.map { compile($0) }
        switch (function, a.count) {
        case (Operator.logicalAnd, 2), (Operator.logicalOr, 2):
            return Self.logical(function == Operator.logicalOr, a[0], a[1], span, evaluateBoth: tracing)
        case (Operator.conditional, 3):
            let (c, x, y) = (a[0], a[1], a[2])
            return Self.spanned(span) { f throws(EvaluationError) in
                switch try c(f) {
                case .bool(true): return try x(f)
                case .bool(false): return try y(f)
                case let other: throw EvaluationError.noOverload(Operator.conditional, [other])
                }
            }
        case (Operator.logicalNot, 1):
            let x = a[0]
            return Self.spanned(span) { f throws(EvaluationError) in try Builtins.not(try x(f)) }
        case (Operator.negate, 1):
            let x = a[0]
            return Self.spanned(span) { f throws(EvaluationError) in try Builtins.negate(try x(f)) }
        case (Operator.equal, 2), (Operator.notEqual, 2):
            let (x, y) = (a[0], a[1])
            let negate = function == Operator.notEqual
            return { f throws(EvaluationError) in .bool(celEquals(try x(f), try y(f)) != negate) }
        case (Operator.less, 2), (Operator.lessEqual, 2), (Operator.greater, 2), (Operator.greaterEqual, 2):
            let (x, y) = (a[0], a[1])
            return Self.spanned(span) { f throws(EvaluationError) in try Builtins.compare(function, try x(f), try y(f)) }
        case (Operator.in, 2):
            let (x, y) = (a[0], a[1])
            return Self.spanned(span) { f throws(EvaluationError) in try Builtins.contained(try x(f), in: try y(f)) }
        case (Operator.add, 2):
            let (x, y) = (a[0], a[1])
            return Self.spanned(span) { f throws(EvaluationError) in
                let r = try Builtins.add(try x(f), try y(f))
                switch r {
                case .string(let s): try f.charge(s.utf8.count / 16)
                case .bytes(let b): try f.charge(b.count / 16)
                case .list(let l): try f.charge(l.count)
                default: break
                }
                return r
            }
        case (Operator.subtract, 2), (Operator.multiply, 2), (Operator.divide, 2), (Operator.modulo, 2):
            let (x, y) = (a[0], a[1])
            let op: @Sendable (Value, Value) throws(EvaluationError) -> Value
            switch function {
            case Operator.subtract: op = Builtins.subtract
            case Operator.multiply: op = Builtins.multiply
            case Operator.divide: op = Builtins.divide
            default: op = Builtins.modulo
            }
            return Self.spanned(span) { f throws(EvaluationError) in try op(try x(f), try y(f)) }
        default:
            break
        }
        // Named functions: receiver form `x.f(y)` and global form `f(x, y)` share one list.
        let operands = (t.map { [$0] } ?? []) + a
        let unary: (@Sendable (Value) throws(EvaluationError) -> Value)?
        let binary: (@Sendable (Value, Value) throws(EvaluationError) -> Value)?
        switch (function, operands.count) {
        case ("size", 1): unary = Builtins.size; binary = nil
        case ("int", 1) where t == nil: unary = Builtins.toInt; binary = nil
        case ("uint", 1) where t == nil: unary = Builtins.toUInt; binary = nil
        case ("double", 1) where t == nil: unary = Builtins.toDouble; binary = nil
        case ("string", 1) where t == nil: unary = Builtins.toString; binary = nil
        case ("bool", 1) where t == nil: unary = Builtins.toBool; binary = nil
        case ("bytes", 1) where t == nil: unary = Builtins.toBytes; binary = nil
        case ("type", 1) where t == nil: unary = { v in Builtins.typeOf(v) }; binary = nil
        case ("dyn", 1) where t == nil: unary = { v in v }; binary = nil
        case ("contains", 2): unary = nil; binary = Builtins.contains
        case ("startsWith", 2): unary = nil; binary = Builtins.startsWith
        case ("endsWith", 2): unary = nil; binary = Builtins.endsWith
        case ("matches", 2):
            // Matching is linear in the text but also in the pattern's size (the Pike VM may run a thread
            // per instruction), so a match is charged text × pattern / 16 before it runs: a 100 KB
            // text against a 4,000-instruction pattern is refused at once, not searched for a minute.
            let (x, y) = (operands[0], operands[1])
            // A constant pattern is compiled once, here, not per evaluation.
            if case .literal(.string(let pattern))? = args.last?.kind, case .success(let re) = RegexProgram.compile(pattern) {
                return Self.spanned(span) { f throws(EvaluationError) in
                    let s = try x(f)
                    guard case .string(let text) = s else { throw EvaluationError.noOverload("matches", [s]) }
                    try f.charge(text.utf8.count * re.size / 16)
                    return .bool(re.matches(text))
                }
            }
            return Self.spanned(span) { f throws(EvaluationError) in
                let (text, pattern) = try Builtins.stringPair("matches", try x(f), try y(f))
                try f.charge(text.utf8.count / 64 + pattern.utf8.count)
                let re = try Builtins.regex(pattern)
                try f.charge(text.utf8.count * re.size / 16)
                return .bool(re.matches(text))
            }
        case ("min", _) where t == nil && !operands.isEmpty, ("max", _) where t == nil && !operands.isEmpty:
            return Self.spanned(span) { f throws(EvaluationError) in
                var values: [Value] = []
                for o in operands { values.append(try o(f)) }
                if values.count == 1, case .list(let l) = values[0] { try f.charge(l.count) }
                return try Builtins.extremum(function, values)
            }
        default:
            return { _ throws(EvaluationError) in throw EvaluationError.unknownFunction(function).at(span) }
        }
        if let unary {
            let x = operands[0]
            return Self.spanned(span) { f throws(EvaluationError) in try unary(try x(f)) }
        }
        let (x, y) = (operands[0], operands[1])
        let b = binary!
        return Self.spanned(span) { f throws(EvaluationError) in
            let lhs = try x(f)
            if case .string(let s) = lhs { try f.charge(s.utf8.count / 64) }
            return try b(lhs, try y(f))
        }
    }

    /// `&&` / `||` with CEL's commutative semantics: a decisive value on either side wins over
    /// an error on the other (`false && error` = `error && false` = false).
    /// With `evaluateBoth` (tracing), the right side runs even when the left decides, so an
    /// explanation can list every failing conjunct; the result is the same either way.
    static func logical(_ isOr: Bool, _ lhs: @escaping Eval, _ rhs: @escaping Eval, _ span: SourceSpan,
                        evaluateBoth: Bool = false) -> Eval {
        let function = isOr ? Operator.logicalOr : Operator.logicalAnd
        return { f throws(EvaluationError) in
            var pending: EvaluationError?
            do throws(EvaluationError) {
                let l = try lhs(f)
                if case .bool(let b) = l {
                    if b == isOr {
                        if evaluateBoth { _ = try? rhs(f) }
                        return .bool(isOr)
                    }
                } else {
                    pending = EvaluationError.noOverload(function, [l]).at(span)
                }
            } catch {
                if error.isBudgetExceeded { throw error }
                pending = error
            }
            let r: Value
            do throws(EvaluationError) { r = try rhs(f) } catch { throw pending ?? error }
            guard case .bool(let b) = r else { throw pending ?? EvaluationError.noOverload(function, [r]).at(span) }
            if b == isOr { return .bool(isOr) }
            if let pending { throw pending }
            return .bool(b)
        }
    }
}
