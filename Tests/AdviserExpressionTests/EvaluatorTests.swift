import Testing
import AdviserExpression

struct EvaluatorTests {
    @Test func arithmeticAndOverflow() {
        #expect(value("1 + 2 * 3 - 4 / 2 % 3") == .int(5))
        #expect(value("2u * 3u") == .uint(6))
        #expect(value("7.0 / 2.0") == .double(3.5))
        #expect(errorMessage("big + 1") == "int overflow")
        #expect(errorMessage("-9223372036854775808 - 1") == "int overflow")
        #expect(errorMessage("0u - 1u") == "uint overflow")
        #expect(errorMessage("-9223372036854775808 / -1") == "int overflow")
        #expect(errorMessage("1 / 0") == "division by zero")
        #expect(errorMessage("1 % 0") == "modulus by zero")
        #expect(value("1.0 / 0.0") == .double(.infinity))
    }

    @Test func errorsCarryTheirSpan() {
        guard case .failure(let e) = evaluate("segment.tier + (1 / 0)") else { Issue.record("expected error"); return }
        #expect(e.span == SourceSpan(start: 16, end: 21))
    }

    @Test func heterogeneousComparison() {
        #expect(value("2 < 2.5") == .bool(true))
        #expect(value("1 == 1.0") == .bool(true))
        #expect(value("dyn(1u) == 1") == .bool(true))
        #expect(value("dyn(-1) < 1u") == .bool(true))
        #expect(value("segment.tier >= 3.0") == .bool(true))
        #expect(value("[1, 2] == [1.0, 2u]") == .bool(true))
        #expect(value("dyn('a') == 1") == .bool(false))
        #expect(errorMessage("dyn('a') < 1") == "no matching overload for '<' applied to (string, int)")
    }

    @Test func logicalAbsorption() {
        #expect(value("false && (1 / 0 > 0)") == .bool(false))
        #expect(value("(1 / 0 > 0) && false") == .bool(false))
        #expect(value("true || (1 / 0 > 0)") == .bool(true))
        #expect(value("(1 / 0 > 0) || true") == .bool(true))
        #expect(errorMessage("(1 / 0 > 0) && true") == "division by zero")
        #expect(errorMessage("true && (1 / 0 > 0)") == "division by zero")
        #expect(errorMessage("(1 / 0 > 0) || false") == "division by zero")
        #expect(value("true ? 1 : 1 / 0") == .int(1))
    }

    @Test func stringsListsMaps() {
        #expect(value("segment.channel.startsWith('re') && segment.channel.endsWith('il')") == .bool(true))
        #expect(value("'hello'.contains('ll')") == .bool(true))
        #expect(value("size('héllo')") == .int(5))
        #expect(value("size(tags)") == .int(2))
        #expect(value("'eco' in tags") == .bool(true))
        #expect(value("tags[1]") == .string("eco"))
        #expect(errorMessage("tags[5]") == "index 5 out of range for a list of size 2")
        #expect(value("{'a': 1, 'b': 2}['b']") == .int(2))
        #expect(value("{'a': 1}.a") == .int(1))
        #expect(errorMessage("{'a': 1}.c") == "no such key: \"c\"")
        #expect(value("has({'a': 1}.a)") == .bool(true))
        #expect(value("[1, 2] + [3]") == .list([.int(1), .int(2), .int(3)]))
    }

    @Test func conversions() {
        #expect(value("int('42')") == .int(42))
        #expect(value("uint(3.9)") == .uint(3))
        #expect(value("double(2)") == .double(2))
        #expect(value("string(2.5)") == .string("2.5"))
        #expect(value("bool('true')") == .bool(true))
        #expect(value("bytes('a')") == .bytes([0x61]))
        #expect(value("type(1) == int") == .bool(true))
        #expect(errorMessage("int(1e99)") == "range error: 1e+99 does not fit in int")
        #expect(errorMessage("uint(-1)") == "range error: -1 does not fit in uint")
    }

    @Test func macros() {
        #expect(value("[1, 2, 3].all(x, x > 0)") == .bool(true))
        #expect(value("[1, 2, 3].exists(x, x > 2)") == .bool(true))
        #expect(value("[1, 2, 3].exists_one(x, x > 1)") == .bool(false))
        #expect(value("[1, 2, 3].map(x, x * 2)") == .list([.int(2), .int(4), .int(6)]))
        #expect(value("[1, 2, 3].map(x, x > 1, x * 10)") == .list([.int(20), .int(30)]))
        #expect(value("[1, 2, 3].filter(x, x != 2)") == .list([.int(1), .int(3)]))
        #expect(value("[0, 1].exists(x, 1 / x == 1)") == .bool(true))        // error absorbed by a true
        #expect(errorMessage("[0, 1].all(x, 1 / x == 1)") == "division by zero")
    }

    @Test func minMax() {
        #expect(value("min(3, 1.5, 2u)") == .double(1.5))
        #expect(value("max([4, 9, 2])") == .int(9))
        #expect(value("max(segment.tier, 1)") == .int(3))
        #expect(errorMessage("max(dyn([]))") == "max() needs at least one number")
    }

    @Test func costLimit() {
        let huge = "[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, [1,2,3,4,5,6,7,8,9,10].all(c, "
            + "[1,2,3,4,5,6,7,8,9,10].all(d, [1,2,3,4,5,6,7,8,9,10].all(e, [1,2,3,4,5,6,7,8,9,10].all(f, true))))))"
        #expect(errorMessage(huge, costLimit: 10_000) == "evaluation cost limit of 10000 exceeded")
        #expect(value("[1, 2, 3].all(x, x > 0)") == .bool(true))
        // The budget is not absorbed by || (it is not an ordinary error).
        #expect(errorMessage("true || " + huge, costLimit: 10_000) == nil)
        #expect(errorMessage(huge + " || true", costLimit: 10_000) == "evaluation cost limit of 10000 exceeded")
    }

    @Test func unsetFact() {
        let d = sampleDeclarations()
        let p = try! Expression.compile("segment.tier > 1", declarations: d).get()
        let empty = Activation(declarations: d)
        #expect(p.evaluate(empty) == .failure(EvaluationError(message: "no value for fact 'segment.tier'",
                                                                span: SourceSpan(start: 0, end: 12))))
        #expect(p.evaluateCondition(empty) == nil)
        let presence = try! Expression.compile("has(segment.tier) && segment.tier > 1", declarations: d).get()
        #expect(presence.evaluate(empty) == .success(.bool(false)))
        #expect(presence.evaluate(sampleActivation(d)) == .success(.bool(true)))
    }
}
