/// The flat form of a condition that is an `&&` chain of `fact <op> constant` tests, e.g.
/// `segment.growth >= 0.0 && segment.channel != "direct" && market.competitor_count in [6, 7]`.
/// Each test reads the activation's unboxed numeric view; anything the flat form cannot
/// decide exactly (a fact holding a string where a number is compared, an unset fact, an
/// int too large to be exact as a double) is handed to the general compiled conjunct, so
/// results are identical to `evaluate`.
struct FastPlan: @unchecked Sendable {
    // @unchecked: `ops` and `numbers` point to immutable buffers owned by `Storage`.

    enum Code: UInt8 {
        case less, lessEqual, greater, greaterEqual, equal, notEqual, inNumbers
        case stringEqual, stringNotEqual, inStrings
        /// Not specialized: always run the general conjunct.
        case general
    }

    struct Op {
        var code: Code
        var slot: Int
        var constant: Double
        /// Into `numbers` (inNumbers) or `strings` (string tests).
        var start: Int
        var count: Int
        /// Index of the conjunct in `conjuncts`, for the general path.
        var conjunct: Int
    }

    final class Storage: @unchecked Sendable {
        let ops: UnsafeMutableBufferPointer<Op>
        let numbers: UnsafeMutableBufferPointer<Double>
        init(ops: [Op], numbers: [Double]) {
            self.ops = .allocate(capacity: max(ops.count, 1))
            _ = self.ops.initialize(from: ops)
            self.numbers = .allocate(capacity: max(numbers.count, 1))
            _ = self.numbers.initialize(from: numbers)
        }
        deinit {
            ops.deallocate()
            numbers.deallocate()
        }
    }

    let storage: Storage
    let opCount: Int
    let strings: [String]
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
        var ops: [Op] = [], numbers: [Double] = [], strings: [String] = [], conjuncts: [Eval] = []
        var specialized = 0
        for (index, part) in parts.enumerated() {
            var compiler = Compiler(checked: checked, declarations: declarations, tracing: false)
            conjuncts.append(compiler.compile(part))
            var op = Op(code: .general, slot: 0, constant: 0, start: 0, count: 0, conjunct: index)
            if Self.specialize(part, checked, declarations, &op, &numbers, &strings) { specialized += 1 }
            ops.append(op)
        }
        guard specialized > 0 else { return nil }
        // Cheap numeric tests first would change nothing observable (&& is commutative), but
        // keeping source order makes the flat form easy to reason about; leave it.
        storage = Storage(ops: ops, numbers: numbers)
        opCount = ops.count
        self.strings = strings
        self.conjuncts = conjuncts
    }

    private static func slot(_ e: Expr, _ checked: CheckedExpression, _ declarations: Declarations) -> Int? {
        guard case .variable(let name)? = checked.references[e.id] else { return nil }
        return declarations.slot(of: name)
    }

    /// A numeric literal that is exactly representable as a double.
    private static func exactNumber(_ e: Expr) -> Double? {
        guard case .literal(let lit) = e.kind else { return nil }
        switch lit {
        case .double(let d) where !d.isNaN: return d
        case .int(let i) where i.magnitude <= 1 << 53: return Double(i)
        case .uint(let u) where u <= 1 << 53: return Double(u)
        default: return nil
        }
    }

    private static func specialize(_ e: Expr, _ checked: CheckedExpression, _ declarations: Declarations,
                                   _ op: inout Op, _ numbers: inout [Double], _ strings: inout [String]) -> Bool {
        guard case .call(let function, nil, let args) = e.kind, args.count == 2 else { return false }
        if function == Operator.in {
            guard let slot = slot(args[0], checked, declarations), case .list(let items) = args[1].kind else { return false }
            let nums = items.compactMap(exactNumber)
            let strs = items.compactMap { item -> String? in
                if case .literal(.string(let s)) = item.kind { return s } else { return nil }
            }
            op.slot = slot
            if nums.count == items.count {
                op.code = .inNumbers; op.start = numbers.count; op.count = nums.count
                numbers += nums
                return true
            }
            if strs.count == items.count {
                op.code = .inStrings; op.start = strings.count; op.count = strs.count
                strings += strs
                return true
            }
            return false
        }
        guard Operator.comparisons.contains(function) else { return false }
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
        guard let slot = slot(fact, checked, declarations) else { return false }
        op.slot = slot
        if let c = exactNumber(constant) {
            op.constant = c
            switch fn {
            case Operator.less: op.code = .less
            case Operator.lessEqual: op.code = .lessEqual
            case Operator.greater: op.code = .greater
            case Operator.greaterEqual: op.code = .greaterEqual
            case Operator.equal: op.code = .equal
            default: op.code = .notEqual
            }
            return true
        }
        if case .literal(.string(let s)) = constant.kind, fn == Operator.equal || fn == Operator.notEqual {
            op.code = fn == Operator.equal ? .stringEqual : .stringNotEqual
            op.start = strings.count
            strings.append(s)
            return true
        }
        return false
    }

    @inline(__always)
    func evaluate(_ activation: Activation, program: Program) -> Bool? {
        var errored = false
        let ops = storage.ops
        let table = storage.numbers
        return activation.numbers.withUnsafeBufferPointer { nums -> Bool? in
            activation.kinds.withUnsafeBufferPointer { kinds -> Bool? in
                for i in 0..<opCount {
                    let op = ops[i]
                    var result: UInt8 = 2   // 0 false, 1 true, 2 undecided here
                    if op.code.rawValue <= Code.inNumbers.rawValue {
                        if kinds[op.slot] == Activation.Kind.exactNumber.rawValue {
                            let x = nums[op.slot], c = op.constant
                            let r: Bool
                            switch op.code {
                            case .less: r = x < c
                            case .lessEqual: r = x <= c
                            case .greater: r = x > c
                            case .greaterEqual: r = x >= c
                            case .equal: r = x == c
                            case .notEqual: r = x != c
                            default:
                                var found = false
                                for j in op.start..<(op.start + op.count) where table[j] == x { found = true; break }
                                r = found
                            }
                            result = r ? 1 : 0
                        }
                    } else if op.code != .general, kinds[op.slot] == Activation.Kind.string.rawValue,
                              case .string(let s)? = activation.value(slot: op.slot) {
                        switch op.code {
                        case .stringEqual: result = scalarEquals(s, strings[op.start]) ? 1 : 0
                        case .stringNotEqual: result = scalarEquals(s, strings[op.start]) ? 0 : 1
                        default:
                            var found = false
                            for j in op.start..<(op.start + op.count) where scalarEquals(strings[j], s) { found = true; break }
                            result = found ? 1 : 0
                        }
                    }
                    if result == 2 { result = program.evaluateConjunct(op.conjunct, activation) }
                    if result == 0 { return false }
                    if result == 2 { errored = true }
                }
                return errored ? nil : true
            }
        }
    }
}
