import Testing
import AdviserExpression

struct RegexTests {
    func matches(_ text: String, _ pattern: String) -> Bool? {
        guard case .success(let re) = RegexProgram.compile(pattern) else { return nil }
        return re.matches(text)
    }

    @Test func basics() {
        #expect(matches("hubba", "ubb") == true)
        #expect(matches("grey", "^gr(a|e)y$") == true)
        #expect(matches("gray", "^gr[^a]y$") == false)
        #expect(matches("abc123", "\\d{3}$") == true)
        #expect(matches("abc12", "\\d{3}$") == false)
        #expect(matches("ABC", "(?i)abc") == true)
        #expect(matches("", "") == true)
        #expect(matches("mañana", "a+ñ+a+") == true)
        #expect(matches("x.y", "x\\.y") == true)
        #expect(matches("xzy", "x\\.y") == false)
    }

    @Test func unsupportedConstructsAreRejected() {
        for (pattern, message) in [("(a)\\1", "backreferences are not supported"),
                                   ("(?=a)", "lookaround assertions are not supported"),
                                   ("a**", "repetition of a repetition is not supported"),
                                   ("(a", "missing ')'"), ("[a", "missing ']'")] {
            guard case .failure(let e) = RegexProgram.compile(pattern) else { Issue.record("\(pattern) compiled"); continue }
            #expect(e.message == message)
        }
    }

    @Test func catastrophicPatternIsLinear() {
        let text = String(repeating: "a", count: 20_000) + "b"
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(matches(text, "(a+)+$") == false)
            #expect(matches(text, "(a|a)*c") == false)
        }
        #expect(elapsed < .seconds(5))
    }

    @Test func matchesFunction() {
        #expect(value("segment.channel.matches('^re')") == .bool(true))
        #expect(value("matches('abc', 'b+')") == .bool(true))
        #expect(errorMessage("'a'.matches(dyn('('))") == "invalid regular expression: missing ')'")
    }
}
