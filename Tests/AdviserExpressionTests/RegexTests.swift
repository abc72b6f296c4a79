import AdviserExpression
import Foundation
import Testing

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

    /// The Pike VM once left splits and jumps marked as visited between steps, so a thread could not
    /// pass through an alternation it had passed before: 'aaaaab' did not match '(a|b){3}b'.
    @Test func alternationsAreRevisitedAtEveryPosition() {
        #expect(matches("aaaaab", "(a|b){3}b") == true)
        #expect(matches(String(repeating: "a", count: 70) + "b", "(a|b){3}b") == true)
        #expect(matches("xxabab", "(ab|cd)+$") == true)
    }

    /// Random small patterns and texts against Foundation's engine (same answers on this subset).
    @Test func agreesWithFoundationOnRandomPatterns() throws {
        var seed: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        func atom(_ depth: Int) -> String {
            switch next(depth > 2 ? 3 : 5) {
            case 0: return ["a", "b", "c"][next(3)]
            case 1: return "[ab]"
            case 2: return "."
            case 3: return "(" + pattern(depth + 1) + ")"
            default: return "(" + pattern(depth + 1) + "|" + pattern(depth + 1) + ")"
            }
        }
        func pattern(_ depth: Int) -> String {
            (0..<(1 + next(3))).map { _ in atom(depth) + ["", "*", "+", "?", "{2}", "{1,3}"][next(6)] }.joined()
        }
        for _ in 0..<400 {
            let p = (next(4) == 0 ? "^" : "") + pattern(0) + (next(4) == 0 ? "$" : "")
            let text = String((0..<next(12)).map { _ in ["a", "b", "c"][next(3)] })
            let reference = try NSRegularExpression(pattern: p)
            let expected = reference.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
            #expect(matches(text, p) == expected, "'\(text)'.matches('\(p)')")
        }
    }

    /// A match is charged text length × pattern size / 16 up front: this one took 95 s before.
    @Test func costlyMatchIsRefusedByTheBudget() {
        let text = String(repeating: "ab", count: 25_000)
        let start = ContinuousClock.now
        #expect(errorMessage("'\(text)'.matches('(a|b|ab|ba){900}c')") == "evaluation cost limit of 1000000 exceeded")
        #expect(errorMessage("'\(text)'.matches(dyn('(a|b|ab|ba){900}c'))") == "evaluation cost limit of 1000000 exceeded")
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(value("'\(String(repeating: "ab", count: 500))'.matches('(a|b)+$')") == .bool(true))
    }
}
