import Testing
@testable import AdviserExpression

struct LexerTests {
    func kinds(_ s: String) -> [Token.Kind] {
        var lexer = Lexer(s)
        guard case .success(let tokens) = lexer.tokenize() else { return [] }
        return tokens.map(\.kind)
    }

    @Test func numbers() {
        #expect(kinds("1 1u 0x1F 2.5 1e3 .5") == [.int(1), .uint(1), .int(31), .double(2.5), .double(1000), .double(0.5), .endOfInput])
    }

    @Test func stringEscapesAndForms() {
        #expect(kinds(#"'a\n\x41\u00e9\U0001F600\101'"#) == [.string("a\nAé😀A"), .endOfInput])
        #expect(kinds(#"r'a\n'"#) == [.string(#"a\n"#), .endOfInput])
        #expect(kinds("'''two\nlines'''") == [.string("two\nlines"), .endOfInput])
        #expect(kinds(#"b'\xff\000a'"#) == [.bytes([0xFF, 0, 0x61]), .endOfInput])
    }

    @Test func operatorsAndIdentifiers() {
        #expect(kinds("a.b >= 2 && !c || d in [x]") == [
            .identifier("a"), .symbol("."), .identifier("b"), .symbol(">="), .int(2), .symbol("&&"), .symbol("!"),
            .identifier("c"), .symbol("||"), .identifier("d"), .identifier("in"), .symbol("["), .identifier("x"),
            .symbol("]"), .endOfInput,
        ])
    }

    @Test func spansAreScalarOffsets() {
        var lexer = Lexer("'é😀' == x")
        guard case .success(let tokens) = lexer.tokenize() else { Issue.record("lex failed"); return }
        #expect(tokens[0].span == SourceSpan(start: 0, end: 4))
        #expect(tokens[1].span == SourceSpan(start: 5, end: 7))
        #expect(tokens[2].span == SourceSpan(start: 8, end: 9))
    }

    @Test func errors() {
        var lexer = Lexer("'open")
        guard case .failure(let d) = lexer.tokenize() else { Issue.record("expected failure"); return }
        #expect(d.code == "expr-syntax")
        #expect(d.message == "syntax error: unterminated string literal")
        var bad = Lexer("a # b")
        guard case .failure(let d2) = bad.tokenize() else { Issue.record("expected failure"); return }
        #expect(d2.message == "syntax error: unexpected character '#'")
        #expect(d2.span == SourceSpan(start: 2, end: 3))
    }
}
