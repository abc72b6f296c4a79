import Testing
import AdviserExpression

struct TraceTests {
    @Test func rendersComparisonsWithValues() throws {
        let d = sampleDeclarations()
        let p = try Expression.compile("segment.price_sensitivity >= 0.5 && market.phase == 'boom' && segment.tier < 2",
                                       declarations: d).get()
        let trace = p.trace(sampleActivation(d))
        #expect(trace.result == .success(.bool(false)))
        #expect(trace.renderLines() == [
            "segment.price_sensitivity (0.7) >= 0.5 → true",
            "market.phase (\"slowdown\") == 'boom' → false",
            "segment.tier (3) < 2 → false",
            // && chains are balanced trees: a && (b && c).
            "market.phase == 'boom' && segment.tier < 2 → false",
            "segment.price_sensitivity >= 0.5 && market.phase == 'boom' && segment.tier < 2 → false",
        ])
        #expect(trace.failingConjuncts.map(\.text) == ["market.phase == 'boom'", "segment.tier < 2"])
        #expect(trace.renderFailingConjuncts() == ["market.phase (\"slowdown\") == 'boom' → false",
                                                   "segment.tier (3) < 2 → false"])
    }

    @Test func rendersErrors() throws {
        let d = sampleDeclarations()
        let p = try Expression.compile("segment.tier / 0 > 1", declarations: d).get()
        let trace = p.trace(sampleActivation(d))
        #expect(trace.renderLines() == ["segment.tier / 0 → error: division by zero",
                                        "segment.tier / 0 (error: division by zero) > 1 → error: division by zero"])
    }
}
