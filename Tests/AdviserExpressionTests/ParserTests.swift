import Testing
import AdviserExpression

struct ParserTests {
    /// A compact rendering of the tree, to assert shape and precedence.
    func shape(_ e: Expr) -> String {
        switch e.kind {
        case .literal(let l):
            switch l {
            case .int(let v): return String(v)
            case .uint(let v): return "\(v)u"
            case .double(let v): return String(v)
            case .string(let s): return "'\(s)'"
            case .bytes: return "b''"
            case .bool(let b): return String(b)
            case .null: return "null"
            }
        case .identifier(let n): return n
        case .select(let o, let f, let t): return t ? "has(\(shape(o)).\(f))" : "\(shape(o)).\(f)"
        case .index(let o, let i): return "\(shape(o))[\(shape(i))]"
        case .call(let f, let t, let args):
            return (t.map { shape($0) + "." } ?? "") + f + "(" + args.map(shape).joined(separator: ", ") + ")"
        case .list(let items): return "[" + items.map(shape).joined(separator: ", ") + "]"
        case .map(let entries): return "{" + entries.map { "\(shape($0.key)): \(shape($0.value))" }.joined(separator: ", ") + "}"
        case .comprehension(let c):
            return "\(c.macro.rawValue)(\(shape(c.range)), \(c.variable), \(c.predicate.map(shape) ?? "-"), \(c.transform.map(shape) ?? "-"))"
        }
    }

    func parse(_ s: String) -> String {
        switch Parser.parse(s) {
        case .success(let p): return shape(p.root)
        case .failure(let d): return "error: " + d.map(\.message).joined(separator: "; ")
        }
    }

    @Test func precedence() {
        #expect(parse("1 + 2 * 3") == "_+_(1, _*_(2, 3))")
        #expect(parse("a || b && c") == "_||_(a, _&&_(b, c))")
        #expect(parse("a < b == c") == "_==_(_<_(a, b), c)")
        #expect(parse("!a && -b < c") == "_&&_(!_(a), _<_(-_(b), c))")
        #expect(parse("a ? b : c ? d : e") == "_?_:_(a, b, _?_:_(c, d, e))")
        #expect(parse("x in [1, 2] || y") == "_||_(@in(x, [1, 2]), y)")
        #expect(parse("(1 + 2) * 3") == "_*_(_+_(1, 2), 3)")
        #expect(parse("10 - 4 - 3") == "_-_(_-_(10, 4), 3)")
    }

    @Test func membersAndMacros() {
        #expect(parse("market.phase") == "market.phase")
        #expect(parse("a.b[0]['k'].size()") == "a.b[0]['k'].size()")
        #expect(parse("has(a.b)") == "has(a.b)")
        #expect(parse("xs.all(x, x > 0)") == "all(xs, x, _>_(x, 0), -)")
        #expect(parse("xs.map(x, x > 0, x * 2)") == "map(xs, x, _>_(x, 0), _*_(x, 2))")
        #expect(parse("{'a': 1}") == "{'a': 1}")
        #expect(parse("-9223372036854775808") == "-9223372036854775808")
    }

    @Test func spans() throws {
        let p = try Parser.parse("segment.tier >= 2 && x").get()
        guard case .call(_, _, let args) = p.root.kind else { Issue.record("not a call"); return }
        #expect(p.text(of: args[0]) == "segment.tier >= 2")
        #expect(args[0].span == SourceSpan(start: 0, end: 17))
        #expect(p.root.span == SourceSpan(start: 0, end: 22))
    }

    @Test func longConjunctionsStayShallow() throws {
        let source = Array(repeating: "a", count: 1000).joined(separator: " && ")
        let p = try Parser.parse(source).get()
        #expect(p.root.height <= 12)
    }

    @Test func depthLimit() {
        for source in [String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
                       String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
                       String(repeating: "(", count: 10_000)] {
            guard case .failure(let d) = Parser.parse(source) else { Issue.record("expected failure"); continue }
            #expect(d.count == 1)
            #expect(d[0].code == "expr-too-deep")
            #expect(d[0].message == "expression is nested too deeply (more than 100 levels)")
        }
        // Long unary and operator chains are bounded by the tree-height limit instead.
        guard case .failure(let d) = Parser.parse(String(repeating: "!", count: 10_000) + "true") else {
            Issue.record("expected failure"); return
        }
        #expect(d[0].code == "expr-too-deep")
        // Within the limit is fine.
        #expect(parse(String(repeating: "(", count: 50) + "7" + String(repeating: ")", count: 50)) == "7")
    }

    /// Expressions at the limits still check, compile and evaluate without exhausting the stack.
    @Test func deepButAllowedExpressionsRun() throws {
        let chain = Array(repeating: "1", count: 450).joined(separator: " + ")
        #expect(value(chain) == .int(450))
        let nested = String(repeating: "[", count: 99) + "1" + String(repeating: "]", count: 99)
        #expect(value("size(\(nested))") == nil)   // nesting 100 with size( ): one level too deep
        #expect(value(String(repeating: "(", count: 99) + "2" + String(repeating: ")", count: 99)) == .int(2))
        #expect(value(String(repeating: "-", count: 400) + "3") == .int(3))
    }

    @Test func lengthLimit() {
        guard case .failure(let d) = Parser.parse("1 + 1", limits: ParseLimits(maxLength: 3)) else {
            Issue.record("expected failure"); return
        }
        #expect(d[0].code == "expr-too-long")
        #expect(d[0].message == "expression is too long (5 characters, at most 3)")
    }

    @Test func syntaxErrors() {
        #expect(parse("1 +") == "error: syntax error: unexpected end of expression")
        #expect(parse("(1") == "error: syntax error: expected ')' to close '(', found end of expression")
        #expect(parse("a b") == "error: syntax error: unexpected 'b'")
        #expect(parse("has(a)") == "error: syntax error: has() needs a field selection, e.g. has(a.b)")
        #expect(parse("9223372036854775808") == "error: syntax error: integer literal is out of range")
    }
}
