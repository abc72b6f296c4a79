@testable import AdviserCore
import Testing

/// Invariants of advice over random workspaces (`RandomWorkspace`), each checked against what the
/// documentation says, recomputed independently of the engine (`ReferenceAdvice`,
/// `ReferenceBalance`). A failure names its seed and prints the failing workspace shrunk to a few
/// lines of YAML.
@Suite("Advice engine properties over random workspaces")
struct AdviceEnginePropertyTests {
    /// Made once for every property: loading and advising is most of the cost. On one core, so
    /// that the suite's timed end-to-end tests running beside it keep a core.
    static let samples: [AdviceSample] = (1...800).map { AdviceSample(seed: $0) }

    /// "Today" is what the segment buys (`buys:`, else the baseline) everywhere the advice says
    /// it: each change's `from`, the value to hold, and the margin before (and after, recomputed
    /// with quantities).
    @Test func todayIsWhatTheSegmentBuys() {
        verify { c in
            var problems: [String] = []
            let r = c.reference
            for (index, outcome) in c.advice.levers.enumerated() where outcome.from != r.today[index] {
                problems.append("\(c.offering.levers[index].id) is \(outcome.from) today, not \(r.today[index])")
            }
            if abs(c.advice.value.target - r.value(r.today)) > 1e-9 {
                problems.append("value to hold \(c.advice.value.target), today's is \(r.value(r.today))")
            }
            switch (c.advice.margin, c.offering.levers.contains(where: \.declaresCost)) {
            case (nil, false): break
            case (nil, true): problems.append("no margin, although levers declare costs")
            case (.some, false): problems.append("a margin, although no lever declares a cost")
            case (.some(let margin), true):
                let before = r.margin(r.today), after = r.margin(c.advice.levers.map(\.to))
                if abs(margin.before - before) > 1e-6 || abs(margin.after - after) > 1e-6 {
                    problems.append("margin \(margin.before) → \(margin.after), recomputed \(before) → \(after)")
                }
            }
            return problems
        }
    }

    /// Every lever ends within the segment's bounds. The balancer never moves a lever beyond its
    /// move limit from today's setting, nor a lever a rule set or pinned, a non-flex lever or a
    /// quantity; every other lever is where the rules left it.
    @Test func guardrailsAreNeverCrossed() {
        verify { c in
            var problems: [String] = []
            let r = c.reference
            for (index, outcome) in c.advice.levers.enumerated() {
                let lever = c.offering.levers[index]
                if !r.allowed[index].contains(outcome.to) { problems.append("\(lever.id) = \(outcome.to) is outside \(r.allowed[index])") }
                guard outcome.source == .balance else {
                    if outcome.to != r.afterRules[index] { problems.append("\(lever.id) ends at \(outcome.to), the rules set \(r.afterRules[index])") }
                    continue
                }
                if !r.free.contains(index) {
                    problems.append("the balancer moved \(lever.id), which is \(r.owner[index].map { "owned by rule \($0.rule)" } ?? (lever.flex ? "a quantity" : "not flex"))")
                }
                if let limit = lever.maxMove, abs(outcome.to - outcome.from) > ReferenceAdvice.allowance(limit, from: outcome.from) + 1e-9 {
                    problems.append("the balancer moved \(lever.id) \(outcome.from) → \(outcome.to), beyond its max_move \(limit)")
                }
            }
            return problems
        }
    }

    /// No driver that is protected, emphasized (above 1) by a rule that counts, or the subject of
    /// a talking point ends with less relief after balancing than after the rules: as the advice
    /// reports it, and recomputed from the curves.
    @Test func balancingNeverLowersAProtectedDriver() {
        verify { c in
            var problems: [String] = []
            let r = c.reference
            let recommended = c.advice.levers.map(\.to)
            for (d, outcome) in c.advice.drivers.enumerated() {
                if Set(outcome.protectedBy) != Set(r.protection[d]) {
                    problems.append("\(outcome.id) is protected by \(outcome.protectedBy), expected \(r.protection[d])")
                }
                guard !r.protection[d].isEmpty else { continue }
                if outcome.reliefAfter < outcome.reliefAfterRules - 1e-9 {
                    problems.append("\(outcome.id) (\(r.protection[d])) reported relief \(outcome.reliefAfterRules) after the rules, \(outcome.reliefAfter) recommended")
                }
                let afterRules = r.relief(ofDriver: d, at: r.afterRules), after = r.relief(ofDriver: d, at: recommended)
                if after < afterRules - 1e-9 {
                    problems.append("\(outcome.id) (\(r.protection[d])) relief \(afterRules) after the rules, \(after) recommended (recomputed)")
                }
                if abs(outcome.reliefAfterRules - afterRules) > 1e-9 || abs(outcome.reliefAfter - after) > 1e-9 {
                    problems.append("\(outcome.id) relief reported \(outcome.reliefAfterRules) → \(outcome.reliefAfter), recomputed \(afterRules) → \(after)")
                }
            }
            return problems
        }
    }

    /// When a rule's own adjustment relieves such a driver less than today, the advice says so,
    /// naming the rule, the driver and what protects it; and it says so only then.
    @Test func rulesLoweringAProtectedDriverAreWarnedAbout() {
        verify { c in
            var problems: [String] = []
            let r = c.reference
            let warnings = c.advice.warnings.filter { $0.code == .lowersProtectedDriver }
            var expected = 0
            for d in r.curves.indices where !r.protection[d].isEmpty {
                let driver = c.segment.drivers[d]
                for (index, curve) in r.curves[d] {
                    let lever = c.offering.levers[index]
                    guard let owner = r.owner[index],
                          ReferenceAdvice.relief(curve, lever: lever, at: r.afterRules[index]) < ReferenceAdvice.relief(curve, lever: lever, at: r.today[index]) - 1e-9
                    else { continue }
                    expected += 1
                    let others = r.protection[d].filter { $0 != .emphasized(rule: owner.rule) && $0 != .talkedAbout(rule: owner.rule) }
                    let named = warnings.contains { w in
                        w.message.contains("rule '\(owner.rule)'") && w.message.contains("'\(driver.name)'") && w.message.contains(lever.name)
                            && (others.isEmpty || others.contains { w.message.contains($0.description) })
                    }
                    if !named { problems.append("rule \(owner.rule) lowers \(driver.id) (\(r.protection[d])) through \(lever.id) without a warning naming both") }
                }
                if r.relief(ofDriver: d, at: r.afterRules) < r.relief(ofDriver: d, at: r.today) - 1e-9,
                   !warnings.contains(where: { $0.message.contains("'\(driver.name)'") }) {
                    problems.append("the rules lower \(driver.id) (\(r.protection[d])) below today without a warning")
                }
            }
            if warnings.count != expected { problems.append("\(warnings.count) lowers-protected-driver warnings, expected \(expected): \(warnings.map(\.message))") }
            return problems
        }
    }

    /// Batch mode advises from what it prepared once per offering × segment (today's settings,
    /// bounds, curves, margins) and copies warnings it worded for an earlier client: what it writes
    /// is, byte for byte, the advice worked out from scratch.
    @Test func batchAdviceIsAdviceFromScratch() {
        func json(_ advice: Advice) -> String {
            var writer = JSONWriter()
            AdviceJSON.write(advice, explain: false, to: &writer)
            return String(decoding: writer.bytes, as: UTF8.self)
        }
        verify { c in
            let (batched, plain) = (json(c.batched), json(c.advice))
            return batched == plain ? [] : ["batch mode writes\n\(batched)\nfrom scratch\n\(plain)"]
        }
        #expect(Self.samples.contains { $0.cases.contains { !$0.batched.prerendered.warnings.isEmpty } },
                "no sample copied a worded warning")
    }

    /// The recommendation is the documented optimum over every combination of the settings the
    /// balancer may use (`ReferenceBalance`): in the hold region (band or at-least) by the configured
    /// order of margin per client, levers moved and move against today's setting; in band mode with
    /// nothing in the band, above its lower edge; when nothing reaches it, the closest, fewest
    /// levers first. And `value.held` is exactly "no less than today's value − tolerance", in both
    /// modes (docs/rules.md, `balance.hold`): a client given more than today is served.
    @Test func recommendationIsTheOptimumAndHeldMeansNoLessThanToday() {
        verify { c in
            var problems: [String] = []
            let r = c.reference
            let recommended = c.advice.levers.map(\.to)
            let target = r.value(r.today), final = r.value(recommended)
            for (name, reported, recomputed) in [("after rules", c.advice.value.afterRules, r.value(r.afterRules)), ("final", c.advice.value.final, final)]
            where abs(reported - recomputed) > 1e-9 {
                problems.append("value \(name) reported \(reported), recomputed \(recomputed)")
            }
            let margin = final - (target - c.tolerance)
            if abs(margin) > 1e-9, c.advice.value.held != (margin > 0) {
                problems.append("held is \(c.advice.value.held) with value \(final) against today's \(target) ± \(c.tolerance)")
            }
            // Not held: the advice says why, once, in words.
            let notHeld = c.advice.warnings.count { $0.code == .valueNotHeld }
            if c.advice.value.held ? c.advice.value.shortfall != nil || notHeld != 0 : c.advice.value.shortfall?.isEmpty != false || notHeld != 1 {
                problems.append("held \(c.advice.value.held), shortfall \(c.advice.value.shortfall ?? "none"), \(notHeld) value-not-held warnings")
            }
            // No search may give up on these small problems.
            if c.advice.warnings.contains(where: { $0.code == .balanceIncomplete || $0.code == .gridTooLarge }) {
                problems.append("the balancer gave up: \(c.advice.warnings.map(\.message))")
            }
            if let verdict = ReferenceBalance(r, objective: c.objective, tolerance: c.tolerance).verdict(recommended) {
                problems.append(verdict + " (\(c.objective.hold.rawValue), \(c.objective.order.map(\.rawValue)))")
            }
            return problems
        }
    }

    /// Rules and the balancer share one grid: every recommended setting is one of the lever's
    /// settings (min, min + step, …, and an off-step max), and the off-step max is reached both by
    /// rules (`to:` it) and by the balancer across the samples.
    @Test func rulesAndBalancerUseOneGrid() {
        var setByRule = 0, chosenByBalancer = 0
        verify { c in
            var problems: [String] = []
            for (index, outcome) in c.advice.levers.enumerated() {
                let lever = c.offering.levers[index]
                if !c.reference.grids[index].contains(outcome.to) { problems.append("\(lever.id) = \(outcome.to) is not a setting of \(c.reference.grids[index])") }
                guard lever.kind != .level, outcome.to == lever.max, (lever.max - lever.min).truncatingRemainder(dividingBy: lever.step) != 0,
                      outcome.from != outcome.to else { continue }
                if outcome.source == .balance { chosenByBalancer += 1 } else { setByRule += 1 }
            }
            return problems
        }
        #expect(setByRule > 0 && chosenByBalancer > 0, "off-step maxima set by rules \(setByRule), by the balancer \(chosenByBalancer)")
    }

    /// Reasons fit: a rule is listed as fired only if it counts for the offering; no reason,
    /// talking point or emphasis comes from a rule whose every adjustment on the offering gave
    /// way; overridden adjustments and the rules' own warnings are the documented ones.
    @Test func reasonsAndTalkingPointsFitTheOffering() {
        verify { c in
            var problems: [String] = []
            let r = c.reference
            let fired = c.advice.fired.map(\.rule)
            if fired != r.fired { problems.append("fired \(fired), expected \(r.fired)") }
            let points = c.advice.talkingPoints.map(\.rule)
            if points != r.talkingPoints { problems.append("talking points of \(points), expected \(r.talkingPoints)") }
            for rule in r.overriddenOnly {
                if fired.contains(rule) || points.contains(rule) || c.advice.emphasized.contains(where: { $0.rules.contains(rule) }) {
                    problems.append("rule \(rule), every adjustment of which gave way, still speaks")
                }
            }
            let overridden = c.advice.overridden.map { "\($0.lever):\($0.rule)<\($0.by)" }
            let expectedOverridden = r.overridden.map { "\($0.lever):\($0.rule)<\($0.by)" }
            if overridden != expectedOverridden { problems.append("overridden \(overridden), expected \(expectedOverridden)") }
            for (d, driver) in c.segment.drivers.enumerated() {
                let factor = c.advice.emphasized.first { $0.driver == driver.id }?.factor ?? 1
                if abs(factor - r.emphasis[d]) > 1e-9 * r.emphasis[d] { problems.append("\(driver.id) emphasized ×\(factor), expected ×\(r.emphasis[d])") }
            }
            let codes: Set<AdviceWarningCode> = [.clamped, .noChange, .beyondMoveLimit, .conflict]
            let warned = c.advice.warnings.filter { codes.contains($0.code) }
            for expected in r.warnings where !warned.contains(where: { $0.code == expected.code && $0.message.contains("'\(expected.rule)'") && $0.message.contains(expected.lever) }) {
                problems.append("no \(expected.code) warning for rule \(expected.rule) on \(expected.lever): \(warned.map(\.message))")
            }
            if warned.count != r.warnings.count { problems.append("rule warnings \(warned.map(\.message)), expected \(r.warnings.map { "\($0.code) \($0.rule) \($0.lever)" })") }
            return problems
        }
    }

    /// The samples exercise what the properties are about, often enough to matter.
    @Test func samplesCoverTheModel() {
        var seen: [String: Int] = [:]
        for sample in Self.samples {
            let spec = sample.spec
            let levers = spec.offerings.flatMap(\.levers)
            func count(_ what: String, _ holds: Bool) { seen[what, default: 0] += holds ? 1 : 0 }
            count("buys", spec.segment.buys != nil)
            count("bounds between settings", spec.segment.bounds.contains { b in [b.min, b.max].contains { $0.map { Double($0).map { $0.truncatingRemainder(dividingBy: 0.5) != 0 } ?? false } ?? false } })
            count("max_move %", levers.contains { $0.maxMove?.hasSuffix("%") == true })
            count("max_move units", levers.contains { $0.maxMove.map { !$0.hasSuffix("%") } ?? false })
            count("per", levers.contains { $0.per != nil })
            count("lever id in both offerings", Set(levers.map(\.id)).count < levers.count)
            count("curve for one offering", spec.segment.drivers.contains { $0.reliefs.contains { $0.lever.contains(".") } })
            count("level lever", levers.contains { $0.kind == .level })
            count("protected", spec.segment.drivers.contains(where: \.protected))
            count("offerings:", spec.rules.contains { !$0.offerings.isEmpty })
            count("at-least", spec.hold == "at-least")
            for c in sample.cases {
                count("advice", true)
                let balance = ReferenceBalance(c.reference, objective: c.objective, tolerance: c.tolerance)
                count("to balance", balance.settingCount > 1)
                let optimum = balance.problem.map(BruteForce.solve)
                count("nothing in the band, some above it", optimum.map { !$0.held && $0.distance == 0 } ?? false)
                count("nothing reaches the hold region", optimum.map { $0.distance > 0 } ?? false)
                count("balanced", c.advice.levers.contains { $0.source == .balance })
                let balanced = c.advice.levers.contains { $0.source == .balance }
                count("balanced, hold: \(c.objective.hold.rawValue)", balanced)
                for criterion in BalanceObjective.Criterion.allCases {
                    count("balanced, \(criterion.rawValue) first", balanced && c.objective.order.first == criterion)
                }
                count("several levers balanced", c.advice.levers.count { $0.source == .balance } > 1)
                count("not held", !c.advice.value.held)
                count("emphasis > 1", c.reference.emphasis.contains { $0 > 1 })
                count("emphasis < 1", c.reference.emphasis.contains { $0 < 1 })
                count("talked about", c.reference.protection.joined().contains { if case .talkedAbout = $0 { true } else { false } })
                count("overridden", !c.advice.overridden.isEmpty)
                count("rule not counting", !c.reference.overriddenOnly.isEmpty)
                count("conflict", c.advice.warnings.contains { $0.code == .conflict })
                count("lowers-protected-driver", c.advice.warnings.contains { $0.code == .lowersProtectedDriver })
                count("beyond-move-limit", c.advice.warnings.contains { $0.code == .beyondMoveLimit })
                count("protected-driver guardrail", c.advice.guardrails.contains { $0.kind == .protectedDriver })
                count("move-limit guardrail", c.advice.guardrails.contains { $0.kind == .moveLimit })
                count("segment-bound guardrail", c.advice.guardrails.contains { $0.kind == .segmentBound })
            }
        }
        let advice = seen["advice"] ?? 0
        for (what, times) in seen.sorted(by: { $0.key < $1.key }) where what != "advice" {
            #expect(times >= advice / 50, "\(what): \(times) of \(advice) advices; \(seen.sorted { $0.key < $1.key })")
        }
    }

    /// Same workspace, same bytes, in every format.
    @Test(arguments: Array(UInt64(1)...30))
    func sameInputSameBytes(seed: UInt64) throws {
        var a = RandomWorkspace(seed: seed), b = RandomWorkspace(seed: seed)
        let render = { (workspace: Workspace) throws -> String in
            let engine = try AdviceEngine(workspace: workspace)
            let report = try engine.report(for: AdviceRequest(scenario: workspace.scenarios[0], options: .init(explain: true)))
            return AdviceJSONReporter().render(report) + AdviceTextReporter().render(report) + AdviceMarkdownReporter().render(report)
        }
        #expect(try render(a.workspace()) == render(b.workspace()))
    }

    // MARK: - Running a property

    /// Checks `property` on every advice of every sample; records each failing seed, and the first
    /// failure shrunk to its smallest workspace.
    private func verify(_ property: (AdviceSample.Case) -> [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var shrunk = false
        for sample in Self.samples {
            let problems = sample.cases.flatMap { c in property(c).map { "\(c.offering.id): \($0)" } }
            guard !problems.isEmpty else { continue }
            var report = "seed \(sample.seed): " + problems.joined(separator: "; ")
            if !shrunk {
                shrunk = true
                let small = sample.spec.shrunk { spec in AdviceSample(seed: sample.seed, spec: spec).cases.contains { !property($0).isEmpty } }
                let again = AdviceSample(seed: sample.seed, spec: small).cases.flatMap { c in property(c).map { "\(c.offering.id): \($0)" } }
                report += "\nShrunk to:\n" + small.yaml + "\nwhere: " + again.joined(separator: "; ")
            }
            Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
        }
    }
}
