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
@usableFromInline
final class FastPlan: @unchecked Sendable {
    // @unchecked: the buffers are written once in init, read-only after, freed in deinit.

    @usableFromInline
    enum Code: UInt8 {
        /// `lo <= x <= hi` on the number (lo, hi in v0, v1); `!=` is a negated `[c, c]`.
        case interval
        /// The packed short string equals one of up to 4 strings (two words each in v0…v7).
        case stringSet
        /// The number equals one of up to 8 doubles in v0…v7 (padded with NaN).
        case numberSet
        /// Not specialized: always run the general conjunct.
        case general
    }

    /// One test, 80 bytes, self-contained so the loop reads one contiguous buffer.
    @usableFromInline
    struct Op {
        @usableFromInline var v: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (noString, noString, noString, noString, noString, noString, noString, noString)
        @usableFromInline var code: Code = .general
        /// The unboxed kind the slot must have for the test to decide (else: general path).
        @usableFromInline var expectedKind: UnboxedSlot.Kind.RawValue = 0xFF
        @usableFromInline var negate = false
        @usableFromInline var slot: Int32 = 0
        /// Index of the conjunct in `conjuncts`, for the general path.
        @usableFromInline var conjunct: Int32 = 0
    }

    /// A word no packed string has (its length byte would be 255), used as padding.
    static let noString: UInt64 = .max

    @usableFromInline let ops: UnsafeMutableBufferPointer<Op>
    /// The conjuncts as closures, for the tests the flat form cannot decide: made in init when a
    /// test is not specialized (it needs them on every evaluation), else on first use (a fact of
    /// an unexpected kind, or unset).
    private let conjuncts: OnFirstUse<Conjuncts>

    /// nil when no conjunct can be specialized (the general path is then just as good).
    init?(checked: CheckedExpression, declarations: Declarations) {
        var ops: [Op] = []
        for (index, part) in Self.conjuncts(of: checked.parsed.root).enumerated() {
            var op = Op()
            op.conjunct = Int32(index)
            Self.specialize(part, checked, declarations, &op)
            ops.append(op)
        }
        guard ops.contains(where: { $0.code != .general }), declarations.count < Int32.max else { return nil }
        self.ops = .allocate(capacity: ops.count)
        _ = self.ops.initialize(from: ops)
        let general = ops.contains { $0.code == .general }
        conjuncts = OnFirstUse(now: general ? Conjuncts(checked, declarations: declarations) : nil)
    }

    /// The operands of a top-level `&&` chain, in source order (the whole expression when it is
    /// not one).
    private static func conjuncts(of root: Expr) -> [Expr] {
        var parts: [Expr] = []
        func flatten(_ e: Expr) {
            if case .call(Operator.logicalAnd, nil, let args) = e.kind, args.count == 2 {
                flatten(args[0]); flatten(args[1])
            } else {
                parts.append(e)
            }
        }
        flatten(root)
        return parts
    }

    /// Every conjunct compiled to closures, and the comprehension variables the largest needs.
    struct Conjuncts: Sendable {
        let evals: [Eval]
        let localCount: Int

        init(_ checked: CheckedExpression, declarations: Declarations) {
            var evals: [Eval] = []
            var localCount = 0
            for part in FastPlan.conjuncts(of: checked.parsed.root) {
                var compiler = Compiler(checked: checked, declarations: declarations, tracing: false)
                evals.append(compiler.compile(part))
                localCount = max(localCount, compiler.maxLocals)
            }
            self.evals = evals
            self.localCount = localCount
        }
    }

    deinit {
        ops.deallocate()
    }

    /// Writes up to 8 words into the op's inline constants.
    private static func store(_ words: [UInt64], into op: inout Op) {
        withUnsafeMutableBytes(of: &op.v) { raw in
            let p = raw.bindMemory(to: UInt64.self)
            for (i, w) in words.prefix(8).enumerated() { p[i] = w }
        }
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
                                   _ op: inout Op) {
        guard case .call(let function, nil, let args) = e.kind, args.count == 2 else { return }
        if function == Operator.in {
            guard let slot = slot(args[0], checked, declarations), case .list(let items) = args[1].kind,
                  !items.isEmpty else { return }
            let nums = items.compactMap(exactNumber)
            let packed = items.compactMap { item -> (UInt64, UInt64)? in
                if case .literal(.string(let s)) = item.kind { return packShortString(s) } else { return nil }
            }
            op.slot = Int32(slot)
            if nums.count == items.count, nums.count <= 8 {
                op.code = .numberSet
                op.expectedKind = UnboxedSlot.Kind.number.rawValue
                store(nums.map(\.bitPattern) + Array(repeating: Double.nan.bitPattern, count: 8 - nums.count), into: &op)
            } else if packed.count == items.count, packed.count <= 4 {
                op.code = .stringSet
                op.expectedKind = UnboxedSlot.Kind.shortString.rawValue
                store(packed.flatMap { [$0.0, $0.1] }, into: &op)
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
        op.slot = Int32(slot)
        if let c = exactNumber(constant) {
            op.code = .interval
            op.expectedKind = UnboxedSlot.Kind.number.rawValue
            // For finite c, x < c ⇔ x <= c.nextDown exactly; NaN fails every interval.
            let (lo, hi): (Double, Double)
            switch fn {
            case Operator.less: (lo, hi) = (-.infinity, c.nextDown)
            case Operator.lessEqual: (lo, hi) = (-.infinity, c)
            case Operator.greater: (lo, hi) = (c.nextUp, .infinity)
            case Operator.greaterEqual: (lo, hi) = (c, .infinity)
            case Operator.equal: (lo, hi) = (c, c)
            default: (lo, hi) = (c, c); op.negate = true
            }
            store([lo.bitPattern, hi.bitPattern], into: &op)
            return
        }
        if case .literal(.string(let s)) = constant.kind, fn == Operator.equal || fn == Operator.notEqual,
           let (w0, w1) = packShortString(s) {
            op.code = .stringSet
            op.expectedKind = UnboxedSlot.Kind.shortString.rawValue
            op.negate = fn == Operator.notEqual
            store([w0, w1], into: &op)
        }
    }

    // MARK: - Evaluation

    /// Runs the flat tests: nil when some conjunct needs the general path and none was false.
    /// Every test computes all its candidate answers and selects one, so the only branches
    /// are the loop's; all data-dependent choices become selects.
    @inlinable
    static func evaluate(ops: UnsafeMutableBufferPointer<Op>, _ slots: UnsafeMutablePointer<UnboxedSlot>) -> Bool? {
        var allTrue: UInt8 = 1
        var needsGeneral: UInt8 = 0
        do {
            for i in 0..<ops.count {
                let op = ops[i]
                let s = slots[Int(op.slot)]
                let v = op.v
                let x = s.number
                let r: UInt8
                switch op.code {
                case .interval:
                    r = bit(x >= Double(bitPattern: v.0)) & bit(x <= Double(bitPattern: v.1))
                case .numberSet:
                    r = (bit(x == Double(bitPattern: v.0)) | bit(x == Double(bitPattern: v.1))
                        | bit(x == Double(bitPattern: v.2)) | bit(x == Double(bitPattern: v.3)))
                        | (bit(x == Double(bitPattern: v.4)) | bit(x == Double(bitPattern: v.5))
                        | bit(x == Double(bitPattern: v.6)) | bit(x == Double(bitPattern: v.7)))
                case .stringSet:
                    r = (bit(s.word0 == v.0) & bit(s.word1 == v.1)) | (bit(s.word0 == v.2) & bit(s.word1 == v.3))
                        | (bit(s.word0 == v.4) & bit(s.word1 == v.5)) | (bit(s.word0 == v.6) & bit(s.word1 == v.7))
                case .general:
                    r = 1
                }
                let undecided = bit(s.kind.rawValue != op.expectedKind)
                needsGeneral |= undecided
                allTrue &= (r ^ bit(op.negate)) | undecided
            }
        }
        if allTrue == 0 { return false }
        return needsGeneral != 0 ? nil : true
    }

    /// The conjuncts the flat form could not decide, through the general path.
    // Promises (releasenone) to release nothing the caller owns: its own retains of the
    // activation's storage are balanced within the call. The inlined caller, reading the
    // activation in place, then needs no retain of it, so the fast path touches no reference
    // counts at all.
    @usableFromInline @_effects(releasenone)
    func evaluateGeneral(_ activation: borrowing Activation, program: Program) -> Bool? {
        var errored = false
        let conjuncts = conjuncts.value { Conjuncts(program.checked, declarations: program.declarations) }
        for i in 0..<ops.count {
            let op = ops[i]
            if activation.unboxed[Int(op.slot)].kind.rawValue == op.expectedKind { continue }
            switch program.evaluateConjunct(conjuncts.evals[Int(op.conjunct)], localCount: conjuncts.localCount, activation) {
            case false?: return false
            case nil: errored = true
            case true?: break
            }
        }
        return errored ? nil : true
    }
}

// MARK: - Branch-free booleans

/// 0 or 1: lets the flat loop combine comparison results with `&`, `|`, `^` on integers,
/// which compile to plain instructions instead of the branches `&&` / `||` produce.
@inlinable @inline(__always)
func bit(_ b: Bool) -> UInt8 { unsafeBitCast(b, to: UInt8.self) }
