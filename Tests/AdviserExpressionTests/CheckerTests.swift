import Testing
import AdviserExpression

struct CheckerTests {
    func check(_ source: String) -> Result<CheckedExpression, ExpressionDiagnostics> {
        let parsed = try! Parser.parse(source).get()
        return Checker(declarations: sampleDeclarations()).check(parsed)
    }

    @Test func resolvesDottedFactsAndTypes() throws {
        let c = try check("segment.price_sensitivity >= 0.5 && market.phase == 'boom'").get()
        #expect(c.resultType == .bool)
        #expect(c.referencedVariables == ["segment.price_sensitivity", "market.phase"])
        #expect(try check("offering.price * 2.0").get().resultType == .double)
        #expect(try check("tags.map(t, size(t))").get().resultType == .list(.int))
        #expect(try check("[1, 'a']").get().resultType == .list(.dyn))
        #expect(try check("segment.tier < 2.5").get().resultType == .bool)   // heterogeneous numbers are fine
    }

    @Test func undeclaredReferenceWithSuggestion() {
        let d = diagnostics("segment.price_sensitivty > 0.5")
        #expect(d == [ExpressionDiagnostic(code: "undeclared-reference", message: "unknown fact 'segment.price_sensitivty'",
                                            span: SourceSpan(start: 0, end: 24),
                                            hint: "did you mean 'segment.price_sensitivity'?")])
        let plain = diagnostics("pricee > 1")
        #expect(plain.map(\.code) == ["undeclared-reference"])
        #expect(plain[0].message == "unknown fact 'pricee'")
        #expect(plain[0].hint == nil)
        // A namespace alone points to a fact inside it.
        #expect(diagnostics("market == 1").map(\.hint) == ["did you mean 'market.phase'?"])
    }

    @Test func unknownFunctionWithSuggestion() {
        let d = diagnostics("segment.channel.startWith('re')")
        #expect(d == [ExpressionDiagnostic(code: "unknown-function", message: "unknown function 'startWith'",
                                            span: SourceSpan(start: 0, end: 31), hint: "did you mean 'startsWith'?")])
        #expect(diagnostics("frobnicate(1)").map(\.message) == ["unknown function 'frobnicate'"])
    }

    @Test func enumValues() {
        let d = diagnostics("market.phase == 'expnasion'")
        #expect(d == [ExpressionDiagnostic(
            code: "unknown-enum-value",
            message: "'expnasion' is not a value of 'market.phase' (expected one of: boom, expansion, slowdown, recession)",
            span: SourceSpan(start: 16, end: 27), hint: "did you mean 'expansion'?")])
        #expect(diagnostics("market.phase in ['boom', 'bust']").map(\.code) == ["unknown-enum-value"])
        #expect(diagnostics("market.phase != 'recession'").isEmpty)
        let mismatch = diagnostics("market.phase == 3")
        #expect(mismatch == [ExpressionDiagnostic(code: "type-mismatch", message: "cannot compare string with int using '=='",
                                                   span: SourceSpan(start: 0, end: 17),
                                                   hint: "a text value is compared with text in double quotes, e.g. \"downturn\"")])
        #expect(diagnostics("2.5 * 2").first?.hint == "a whole number and a decimal do not mix: write 2.0 instead of 2, or convert with double(…)")
    }

    @Test func overloadsAndTypes() {
        #expect(diagnostics("size(1)") == [ExpressionDiagnostic(code: "no-matching-overload",
            message: "no matching overload for 'size' applied to (int)", span: SourceSpan(start: 0, end: 7))])
        #expect(diagnostics("'a' + 1").map(\.message) == ["no matching overload for '+' applied to (string, int)"])
        #expect(diagnostics("segment.tier && true").map(\.message) == ["each side of '&&' must be bool, not int"])
        #expect(diagnostics("segment.tier.foo").map(\.message) == ["type int has no field 'foo'"])
    }

    @Test func invalidRegex() {
        #expect(diagnostics("segment.channel.matches('(a')") == [ExpressionDiagnostic(code: "invalid-regex",
            message: "invalid regular expression: missing ')'", span: SourceSpan(start: 24, end: 28))])
        #expect(diagnostics("segment.channel.matches('(a)\\\\1')").map(\.message)
                == ["invalid regular expression: backreferences are not supported"])
    }

    @Test func reportsEveryErrorSortedByPosition() {
        let d = diagnostics("foo(1) && segment.tierr > 1 && market.phase == 'boon'")
        #expect(d.map(\.code) == ["unknown-function", "undeclared-reference", "unknown-enum-value"])
        #expect(d.map(\.span.start) == [0, 10, 47])
    }

    @Test func comprehensionVariablesShadowFacts() throws {
        #expect(try check("tags.exists(t, t == 'eco')").get().resultType == .bool)
        #expect(diagnostics("tags.exists(t, u == 'eco')").map(\.message) == ["unknown fact 'u'"])
    }
}
