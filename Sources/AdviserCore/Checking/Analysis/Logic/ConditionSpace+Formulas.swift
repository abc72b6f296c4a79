import AdviserExpression

extension ConditionSpace {
    /// A rule's condition as a formula, and every variable it reads anywhere (also inside undecided
    /// parts).
    /// - Parameter checked: each of `condition.expressions`, in order, as the checker gives it
    ///   (parsed within the workspace's limits, its names resolved to variables), nil when it has
    ///   errors.
    func analyse(
        _ condition: Condition, checked: ArraySlice<CheckedExpression?>
    ) -> (formula: Formula, reads: VariableSet) {
        var next = checked.startIndex
        return analyse(condition, checked: checked, next: &next)
    }

    private func analyse(
        _ condition: Condition, checked: ArraySlice<CheckedExpression?>, next: inout Int
    ) -> (formula: Formula, reads: VariableSet) {
        switch condition {
        case .expression(let source):
            let expression = next < checked.endIndex ? checked[next] : nil
            next += 1
            guard let expression else {
                return (.atom(.undecided(text: source.text, positive: true)), VariableSet())
            }
            var reads = VariableSet()
            return (formula(expression.parsed.root, positive: true, expression, reads: &reads), reads)
        case .all(let parts), .any(let parts):
            var formulas: [Formula] = []
            var reads = VariableSet()
            for part in parts {
                let analysed = analyse(part, checked: checked, next: &next)
                formulas.append(analysed.formula)
                reads = reads.union(analysed.reads)
            }
            if case .all = condition { return (.and(formulas), reads) }
            return (.or(formulas), reads)
        }
    }

    /// - Parameter reads: gets every variable `e` reads: those of its atoms, and any inside the
    ///   parts left undecided (the other parts hold only literals).
    func formula(_ e: Expr, positive: Bool, _ checked: CheckedExpression, reads: inout VariableSet) -> Formula {
        var opaque: Formula {
            var stack = [e]
            while let e = stack.popLast() {
                if let v = variable(e, checked) {
                    reads.insert(v)
                } else {
                    stack += e.children
                }
            }
            return .atom(.undecided(text: checked.parsed.text(of: e).trimmingCharacters(in: .whitespaces), positive: positive))
        }
        switch e.kind {
        case .literal(.bool(let b)):
            return .constant(b == positive)
        case .call(let function, nil, let args):
            switch function {
            case Operator.logicalAnd where args.count == 2:
                let parts = args.map { formula($0, positive: positive, checked, reads: &reads) }
                return positive ? .and(parts) : .or(parts)
            case Operator.logicalOr where args.count == 2:
                let parts = args.map { formula($0, positive: positive, checked, reads: &reads) }
                return positive ? .or(parts) : .and(parts)
            case Operator.logicalNot where args.count == 1:
                return formula(args[0], positive: !positive, checked, reads: &reads)
            case Operator.in where args.count == 2:
                guard let v = variable(args[0], checked), case .list(let items) = args[1].kind else { return opaque }
                if isNumeric[v] {
                    let numbers = items.compactMap(\.numberLiteral)
                    guard numbers.count == items.count else { return opaque }
                    reads.insert(v)
                    let atoms = numbers.map { Formula.atom(.compare(variable: v, positive ? .equal : .notEqual, $0)) }
                    return positive ? .or(atoms) : .and(atoms)
                }
                let words = items.compactMap(\.wordLiteral)
                guard words.count == items.count else { return opaque }
                reads.insert(v)
                return .atom(.member(variable: v, values: words, negated: !positive))
            default:
                guard let op = Comparison(function: function), args.count == 2 else { return opaque }
                var (lhs, rhs, comparison) = (args[0], args[1], op)
                if variable(lhs, checked) == nil { (lhs, rhs, comparison) = (rhs, lhs, op.mirrored) }
                guard let v = variable(lhs, checked) else { return opaque }
                if isNumeric[v] {
                    guard let value = rhs.numberLiteral else { return opaque }
                    reads.insert(v)
                    return .atom(.compare(variable: v, positive ? comparison : comparison.negated, value))
                }
                guard comparison == .equal || comparison == .notEqual, let value = rhs.wordLiteral else { return opaque }
                reads.insert(v)
                return .atom(.member(variable: v, values: [value], negated: (comparison == .notEqual) == positive))
            }
        case .identifier, .select:
            if let v = variable(e, checked), isBool(v) {
                reads.insert(v)
                return .atom(.member(variable: v, values: ["true"], negated: !positive))
            }
            return opaque
        default:
            return opaque
        }
    }

    /// The variable a name (`market.phase`, `.market.phase`) reads, as the checker resolved it;
    /// `has(market.phase)` reads none (it asks whether a value is set).
    func variable(_ e: Expr, _ checked: CheckedExpression) -> Int? {
        if case .select(_, _, true) = e.kind { return nil }
        guard case .variable(let name)? = checked.references[e.id] else { return nil }
        return index[name]
    }
}

extension Expr {
    /// A number literal, possibly negated (`-0.5`).
    var numberLiteral: Double? {
        switch kind {
        case .literal(.int(let i)): Double(i)
        case .literal(.uint(let u)): Double(u)
        case .literal(.double(let d)): d
        case .call(Operator.negate, nil, let args) where args.count == 1: args[0].numberLiteral.map { -$0 }
        default: nil
        }
    }

    /// A string or bool literal, as the word a value set holds.
    var wordLiteral: String? {
        switch kind {
        case .literal(.string(let s)): s
        case .literal(.bool(let b)): String(b)
        default: nil
        }
    }
}
