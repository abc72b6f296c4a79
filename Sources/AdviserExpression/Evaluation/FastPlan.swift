/// The flat form of a condition that is an `&&` chain of `fact <op> constant` tests, e.g.
/// `segment.growth >= 0.0 && segment.channel != "direct" && market.competitor_count in [6, 7]`.
///
/// Every test is a few loads and compares on the activation's unboxed view, evaluated
/// without branching on the data (`&&` is commutative in CEL, so evaluating all conjuncts
/// changes nothing observable; short-circuiting would cost more in mispredicted branches
/// than the compares it saves). Numeric comparisons become interval tests
/// (`x < c` ⇔ `x ∈ [-∞, c.nextDown]`). Anything the flat form cannot decide exactly (a
/// fact holding a string where a number is compared, an unset fact, an int too large to be
/// exact as a double) goes to the general compiled conjunct, so results always equal
/// `Program.evaluate`.
final class FastPlan: @unchecked Sendable {
    // @unchecked: the buffers are written once in init, read-only after, freed in deinit.

    enum Code: UInt8 {
        /// `lo <= x <= hi` (negated for `!=`).
        case interval
        /// Packed short string equal to (word0, word1) (negated for `!=`).
        case stringEqual
        case inNumbers
        case inStrings
        /// Not specialized: always run the general conjunct.
        case general
    }

    struct Op {
        var code: Code = .general
        var negate = false
        var slot = 0
        var lo = 0.0
        var hi = 0.0
        var word0: UInt64 = 0
        var word1: UInt64 = 0
        /// Into `numbers` (inNumbers) or `words` (inStrings, two words per string).
        var start = 0
        var count = 0
        /// Index of the conjunct in `conjuncts`, for the general path.
        var conjunct = 0
    }

    let ops: UnsafeMutableBufferPointer<Op>
    let numbers: UnsafeMutableBufferPointer<Double>
    let words: UnsafeMutableBufferPointer<UInt64>
    let conjuncts: [Eval]

    /// nil when no conjunct can be specialized (the general path is then just as good).
    init?(checked: CheckedExpression, declarations: Declarations) {
        var parts: [Expr] = []
        func flatten(_ e: Expr) {
            if case .call(Operator.logicalAnd, nil, let args) = e.kind, args.count == 2 {
                flatten(args[0]); flatten(args[1])
            } else {
                parts.append(e)
            }
        }
        flatten(checked.parsed.root)
        var ops: [Op] = [], numbers: [Double] = [], words: [UInt64] = [], conjuncts: [Eval] = []
        for (index, part) in parts.enumerated() {
            var compiler = Compiler(checked: checked, declarations: declarations, tracing: false)
            conjuncts.append(compiler.compile(part))
            var op = Op()
            op.conjunct = index
            Self.specialize(part, checked, declarations, &op, &numbers, &words)
            ops.append(op)
        }
        guard ops.contains(where: { $0.code != .general }) else { return nil }
        self.ops = .allocate(capacity: ops.count)
        _ = self.ops.initialize(from: ops)
        self.numbers = .allocate(capacity: max(numbers.count, 1))
        _ = self.numbers.initialize(from: numbers)
        self.words = .allocate(capacity: max(words.count, 1))
        _ = self.words.initialize(from: words)
        self.conjuncts = conjuncts
    }

    deinit {
        ops.deallocate()
        numbers.deallocate()
        words.deallocate()
    }

    // MARK: - Building

    private static func slot(_ e: Expr, _ checked: CheckedExpression, _ declarations: Declarations) -> Int? {
        guard case .variable(let name)? = checked.references[e.id] else { return nil }
        return declarations.slot(of: name)
    }

    /// A finite numeric literal that is exactly representable as a double.
    private static func exactNumber(_ e: Expr) -> Double? {
        guard case .literal(let lit) = e.kind else { return nil }
        switch lit {
        case .double(let d) where d.isFinite: return d
        case .int(let i) where i.magnitude <= 1 << 53: return Double(i)
        case .uint(let u) where u <= 1 << 53: return Double(u)
        default: return nil
        }
    }

    private static func specialize(_ e: Expr, _ checked: CheckedExpression, _ declarations: Declarations,
                                   _ op: inout Op, _ numbers: inout [Double], _ words: inout [UInt64]) {
        guard case .call(let function, nil, let args) = e.kind, args.count == 2 else { return }
        if function == Operator.in {
            guard let slot = slot(args[0], checked, declarations), case .list(let items) = args[1].kind else { return }
            let nums = items.compactMap(exactNumber)
            let packed = items.compactMap { item -> (UInt64, UInt64)? in
                if case .literal(.string(let s)) = item.kind { return packShortString(s) } else { return nil }
            }
            op.slot = slot
            if nums.count == items.count {
                op.code = .inNumbers; op.start = numbers.count; op.count = nums.count
                numbers += nums
            } else if packed.count == items.count {
                op.code = .inStrings; op.start = words.count; op.count = packed.count
                for (a, b) in packed { words += [a, b] }
            }
            return
        }
        guard Operator.comparisons.contains(function) else { return }
        var fn = function
        var (fact, constant) = (args[0], args[1])
        if slot(fact, checked, declarations) == nil {
            (fact, constant) = (constant, fact)
            // Mirror the operator: `0.5 < x` is `x > 0.5`.
            switch function {
            case Operator.less: fn = Operator.greater
            case Operator.lessEqual: fn = Operator.greaterEqual
            case Operator.greater: fn = Operator.less
            case Operator.greaterEqual: fn = Operator.lessEqual
            default: break
            }
        }
        guard let slot = slot(fact, checked, declarations) else { return }
        op.slot = slot
        if let c = exactNumber(constant) {
            op.code = .interval
            // For finite c, x < c ⇔ x <= c.nextDown exactly; NaN fails every interval.
            switch fn {
            case Operator.less: (op.lo, op.hi) = (-.infinity, c.nextDown)
            case Operator.lessEqual: (op.lo, op.hi) = (-.infinity, c)
            case Operator.greater: (op.lo, op.hi) = (c.nextUp, .infinity)
            case Operator.greaterEqual: (op.lo, op.hi) = (c, .infinity)
            case Operator.equal: (op.lo, op.hi) = (c, c)
            default: (op.lo, op.hi, op.negate) = (c, c, true)
            }
            return
        }
        if case .literal(.string(let s)) = constant.kind, fn == Operator.equal || fn == Operator.notEqual,
           let (w0, w1) = packShortString(s) {
            op.code = .stringEqual
            op.negate = fn == Operator.notEqual
            (op.word0, op.word1) = (w0, w1)
        }
    }

    // MARK: - Evaluation

    /// Runs the flat tests. Takes the raw buffers rather than `self` so the caller (a
    /// `Program`, holding them in plain stored properties) touches no reference counts.
    @inline(__always)
    static func evaluate(ops: UnsafeMutableBufferPointer<Op>, numbers: UnsafeMutableBufferPointer<Double>,
                         words: UnsafeMutableBufferPointer<UInt64>, _ activation: Activation) -> Bool? {
        var allTrue = true
        var needsGeneral = false
        activation.unboxed.withUnsafeBufferPointer { slots in
            for i in 0..<ops.count {
                let op = ops[i]
                let s = slots[op.slot]
                var r: Bool
                switch op.code {
                case .interval:
                    guard s.kind == .number else { needsGeneral = true; continue }
                    r = (s.number >= op.lo) & (s.number <= op.hi)
                case .stringEqual:
                    guard s.kind == .shortString else { needsGeneral = true; continue }
                    r = (s.word0 == op.word0) & (s.word1 == op.word1)
                case .inNumbers:
                    guard s.kind == .number else { needsGeneral = true; continue }
                    r = false
                    for j in op.start..<(op.start + op.count) { r = r | (numbers[j] == s.number) }
                case .inStrings:
                    guard s.kind == .shortString else { needsGeneral = true; continue }
                    r = false
                    for j in stride(from: op.start, to: op.start + 2 * op.count, by: 2) {
                        r = r | ((words[j] == s.word0) & (words[j + 1] == s.word1))
                    }
                case .general:
                    needsGeneral = true
                    continue
                }
                allTrue = allTrue & (r != op.negate)
            }
        }
        if !allTrue { return false }
        return needsGeneral ? nil : true
    }

    /// The conjuncts the flat form could not decide, through the general path.
    func evaluateGeneral(_ activation: Activation, program: Program) -> Bool? {
        var errored = false
        for i in 0..<ops.count {
            let op = ops[i]
            let decided: Bool
            let kind = activation.unboxed[op.slot].kind
            switch op.code {
            case .interval, .inNumbers: decided = kind == .number
            case .stringEqual, .inStrings: decided = kind == .shortString
            case .general: decided = false
            }
            if decided { continue }
            switch program.evaluateConjunct(conjuncts[op.conjunct], activation) {
            case false?: return false
            case nil: errored = true
            case true?: break
            }
        }
        return errored ? nil : true
    }
}

// MARK: - Non-short-circuit boolean operators

// Both operands are already computed, so these compile to plain `and`/`or` instructions:
// no data-dependent branches in the flat evaluation loop.
extension Bool {
    @inline(__always) fileprivate static func & (a: Bool, b: Bool) -> Bool { a && b }
    @inline(__always) fileprivate static func | (a: Bool, b: Bool) -> Bool { a || b }
}
