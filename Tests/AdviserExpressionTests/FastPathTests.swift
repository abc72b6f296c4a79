import Dispatch
import Testing
import AdviserExpression

/// The flat condition form must agree with the general evaluator on every input.
struct FastPathTests {
    @Test func agreesWithGeneralEvaluation() throws {
        let d = sampleDeclarations()
        let conditions = [
            "segment.price_sensitivity >= 0.5 && segment.channel != 'direct' && segment.tier in [3, 4]",
            "segment.tier > 2 && market.phase == 'slowdown'",
            "0.5 < segment.price_sensitivity && segment.tier != 3",
            "market.phase in ['boom', 'slowdown'] && offering.price <= 19.5",
            "segment.tier == 3.0 && segment.price_sensitivity < 1",
            "big > 9007199254740993 && segment.tier > 0",
        ]
        let activations: [Activation] = [
            sampleActivation(d),
            sampleActivation(d, ["segment.tier": .double(3.5), "segment.channel": .string("direct")]),
            sampleActivation(d, ["segment.price_sensitivity": .double(.nan), "market.phase": .string("boom")]),
            sampleActivation(d, ["segment.tier": .string("three")]),               // wrong type → error
            sampleActivation(d, ["market.phase": .string("a much longer phase name")]),
            Activation(declarations: d),                                            // unset → error
        ]
        for source in conditions {
            let p = try Expression.compile(source, declarations: d).get()
            var batch: [Bool?] = []
            p.forEachCondition(in: activations, range: 0..<activations.count) { _, r in batch.append(r) }
            for (i, a) in activations.enumerated() {
                let general: Bool?
                if case .success(.bool(let b)) = p.evaluate(a) { general = b } else { general = nil }
                #expect(p.evaluateCondition(a) == general, "\(source) on activation \(i)")
                #expect(batch[i] == general, "\(source) on activation \(i) (batch)")
            }
        }
    }

    /// Many conditions in one table, on one activation at a time: each as the program alone.
    @Test func conditionTableAgreesWithEachProgram() throws {
        let d = sampleDeclarations()
        let sources = [
            "segment.price_sensitivity >= 0.5 && segment.channel != 'direct' && segment.tier in [3, 4]",
            "segment.tier > 5 || market.phase == 'slowdown'",                    // no flat form
            "segment.tier > 2 && market.phase == 'slowdown'",
            "segment.tier + 1",                                                    // not a condition
            "market.phase in ['boom', 'slowdown'] && offering.price <= 19.5",
            "segment.tier > 1 && segment.price_sensitivity > 5.0",
        ]
        let programs = try sources.map { try Expression.compile($0, declarations: d).get() }
        let table = ConditionTable(programs)
        #expect(table.count == programs.count)
        let activations: [Activation] = [
            sampleActivation(d),
            sampleActivation(d, ["segment.tier": .double(3.5), "segment.channel": .string("direct")]),
            sampleActivation(d, ["segment.tier": .string("three"), "market.phase": .string("boom")]),
            Activation(declarations: d),
        ]
        for (a, activation) in activations.enumerated() {
            var results: [Bool?] = []
            table.forEachCondition(activation) { i, result in
                #expect(i == results.count)
                results.append(result)
            }
            #expect(results == programs.map { $0.evaluateCondition(activation) }, "activation \(a)")
        }
    }

    @Test func generalPathForOtherShapes() throws {
        let d = sampleDeclarations()
        let p = try Expression.compile("segment.tier > 5 || market.phase == 'slowdown'", declarations: d).get()
        let activations = [sampleActivation(d), sampleActivation(d, ["market.phase": .string("boom")])]
        #expect(activations.map { p.evaluateCondition($0) } == [true, false])
        var batch: [Bool?] = []
        p.forEachCondition(in: activations, range: 0..<2) { _, r in batch.append(r) }
        #expect(batch == [true, false])
        let notBool = try Expression.compile("segment.tier + 1", declarations: d).get()
        #expect(notBool.evaluateCondition(activations[0]) == nil)
    }

    @Test func falseConjunctWinsOverError() throws {
        let d = sampleDeclarations()
        let p = try Expression.compile("segment.tier > 1 && segment.price_sensitivity > 5.0", declarations: d).get()
        let a = sampleActivation(d, ["segment.tier": .string("x")])
        #expect(p.evaluateCondition(a) == false)
    }

    /// A program with a flat form makes its closures when first needed: threads that all need
    /// them at once (facts of an unexpected kind, unset, `evaluate`) get the same answers as one
    /// thread alone.
    @Test func closuresMadeOnFirstUseAnswerAlikeOnEveryThread() throws {
        let d = sampleDeclarations()
        let source = "segment.tier > 2 && market.phase == 'slowdown' && segment.price_sensitivity >= 0.5"
        let activations = [
            sampleActivation(d, ["segment.tier": .string("three")]), Activation(declarations: d), sampleActivation(d),
            sampleActivation(d, ["market.phase": .string("boom")]),
        ]
        @Sendable func answers(_ p: Program) -> [String] {
            activations.map { "\(String(describing: p.evaluateCondition($0))) \(p.evaluate($0))" }
        }
        let alone = answers(try Expression.compile(source, declarations: d).get())
        for _ in 0..<20 {
            let shared = try Expression.compile(source, declarations: d).get()
            nonisolated(unsafe) var byThread = Array(repeating: [String](), count: 8)
            byThread.withUnsafeMutableBufferPointer { slots in
                nonisolated(unsafe) let slots = slots
                DispatchQueue.concurrentPerform(iterations: slots.count) { slots[$0] = answers(shared) }
            }
            #expect(byThread.allSatisfy { $0 == alone })
        }
    }
}
