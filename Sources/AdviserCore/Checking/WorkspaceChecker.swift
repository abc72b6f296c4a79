import Dispatch

/// Cross-file checks: unique ids, references between files, fact values against their
/// declarations. Expressions are checked by `ConditionCompiler`, which this runs too.
package struct WorkspaceChecker: Sendable {
    package let workspace: Workspace
    /// `workspace.rules`, flattened once: it copies every rule, and several checks walk them all.
    private let rules: [Rule]
    private var diagnostics: [Diagnostic] = []

    package init(workspace: Workspace) {
        self.workspace = workspace
        self.rules = workspace.rules
    }

    /// Every diagnostic, and with `keepingConditions` the rules' conditions as checked (see
    /// `CheckedConditions`).
    package func check(keepingConditions: Bool = false) -> (diagnostics: [Diagnostic], conditions: CheckedConditions?) {
        // The cross-file checks run on a thread of their own beside the conditions (most of the
        // work, checked on all cores) instead of before them: nothing either needs from the other.
        nonisolated(unsafe) var crossFile: [Diagnostic] = []
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            crossFile = self.crossFileDiagnostics()
        }
        let (conditions, diagnostics) = ConditionCompiler(workspace: workspace).check(workspace, keeping: keepingConditions)
        group.wait()
        return (crossFile + diagnostics, conditions)
    }

    private func crossFileDiagnostics() -> [Diagnostic] {
        var checker = self
        checker.checkIDs()
        checker.checkSettings()
        checker.checkSegments()
        checker.checkScenarios()
        checker.checkRules()
        checker.checkTests()
        var modelling = ModellingCheck(workspace: workspace)
        return checker.diagnostics + modelling.run()
    }

    // MARK: - Lookups

    /// Every lever id across offerings, with the first lever of that id (for its kind and levels).
    private var leversByID: [String: Lever] {
        var levers: [String: Lever] = [:]
        for offering in workspace.offerings {
            for lever in offering.levers where levers[lever.id] == nil { levers[lever.id] = lever }
        }
        return levers
    }

    private var driverIDs: Set<String> { Set(workspace.segments.flatMap { $0.drivers.map(\.id) }) }

    private mutating func unknown(
        _ code: DiagnosticCode, _ what: String, _ name: Located<String>, among candidates: some Sequence<String>, hint: String? = nil
    ) {
        diagnostics.append(.error(
            code, "unknown \(what) '\(name.value)'", at: name.location,
            hint: Suggestion.hint(for: name.value, in: candidates) ?? hint))
    }

    // MARK: - Ids

    private mutating func checkIDs() {
        duplicates(workspace.facts.map { Located($0.name, at: $0.location) }, what: "fact")
        duplicates(workspace.offerings.map { Located($0.id, at: $0.location) }, what: "offering")
        duplicates(workspace.segments.map { Located($0.id, at: $0.location) }, what: "segment")
        duplicates(workspace.rivals.map { Located($0.id, at: $0.location) }, what: "rival")
        duplicates(workspace.scenarios.map { Located($0.id, at: $0.location) }, what: "scenario")
        duplicates(workspace.rulesets.map { Located($0.id, at: $0.location) }, what: "ruleset")
        duplicates(rules.map { Located($0.id, at: $0.location) }, what: "rule")
        for offering in workspace.offerings {
            duplicates(offering.levers.map { Located($0.id, at: $0.location) }, what: "lever in offering '\(offering.id)'")
        }
        for segment in workspace.segments {
            duplicates(segment.drivers.map { Located($0.id, at: $0.location) }, what: "driver in segment '\(segment.id)'")
        }
    }

    private mutating func duplicates(_ ids: [Located<String>], what: String) {
        var first: [String: SourceLocation] = [:]
        for id in ids where !id.value.isEmpty {
            if let earlier = first[id.value] {
                diagnostics.append(.error(
                    .duplicateID, "the \(what) id '\(id.value)' is used twice", at: id.location,
                    hint: "ids must be unique; rename one of them (the other is at \(earlier))",
                    related: [Located("first used here", at: earlier)]))
            } else {
                first[id.value] = id.location
            }
        }
    }

    // MARK: - Settings

    private mutating func checkSettings() {
        if let id = workspace.settings.defaultScenario, workspace.scenario(id.value) == nil {
            unknown(.unknownScenario, "scenario", id, among: workspace.scenarios.map(\.id))
        }
    }

    // MARK: - Facts in segments and scenarios

    private mutating func checkFactValues(
        _ values: [String: FactAssignment], scope: String, owner: String, ownerLocation: SourceLocation, requireAll: Bool
    ) {
        let declared = workspace.facts.filter { $0.scope == scope }
        for (name, assignment) in values.sorted(by: { $0.key < $1.key }) {
            let value = assignment.value
            guard let fact = declared.first(where: { $0.shortName == name }) else {
                diagnostics.append(.error(
                    .unknownFact, "'\(scope).\(name)' is not declared in facts.yaml", at: assignment.name.location,
                    hint: Suggestion.hint(for: name, in: declared.map(\.shortName))
                        ?? "declare it in facts.yaml as \(scope).\(name), with its type and doc"))
                continue
            }
            if let problem = FactCheck.problem(value.value, for: fact) {
                diagnostics.append(.error(problem.code, problem.message, at: value.location, hint: problem.hint))
            }
        }
        guard requireAll else { return }
        for fact in declared where values[fact.shortName] == nil {
            diagnostics.append(.error(
                .missingFact, "\(owner) gives no value for \(fact.name)", at: ownerLocation,
                hint: "add \(fact.shortName): … (\(fact.doc))"))
        }
    }

    /// Checks a scenario read from outside the workspace (`--scenario FILE`) against its facts.
    package func check(scenario: Scenario) -> [Diagnostic] {
        var checker = self
        checker.diagnostics = []
        checker.checkFactValues(
            scenario.market, scope: "market", owner: "the scenario '\(scenario.id)'", ownerLocation: scenario.location,
            requireAll: true)
        return checker.diagnostics
    }

    private mutating func checkScenarios() {
        for scenario in workspace.scenarios {
            checkFactValues(
                scenario.market, scope: "market", owner: "the scenario '\(scenario.id)'", ownerLocation: scenario.location,
                requireAll: true)
        }
    }

    // MARK: - Segments and drivers

    private mutating func checkSegments() {
        let levers = leversByID
        for segment in workspace.segments {
            checkFactValues(
                segment.facts, scope: "segment", owner: "the segment '\(segment.id)'", ownerLocation: segment.location,
                requireAll: true)
            for driver in segment.drivers {
                for relief in driver.reliefs {
                    if let offering = relief.offering {
                        // One offering's lever: ModellingCheck reports an unknown offering or lever.
                        if let lever = workspace.offering(offering)?.lever(relief.lever.value) { checkCurve(relief.curve, lever: lever) }
                        continue
                    }
                    guard let lever = levers[relief.lever.value] else {
                        unknown(
                            .unknownLever, "lever", relief.lever, among: levers.keys.sorted(),
                            hint: "no offering has a lever with this id")
                        continue
                    }
                    checkCurve(relief.curve, lever: lever)
                }
            }
        }
    }

    private mutating func checkCurve(_ curve: ReliefCurve, lever: Lever) {
        guard lever.kind != .level || !lever.levels.isEmpty else { return }  // already reported
        switch (curve, lever.kind) {
        case (.points(let points), .number), (.points(let points), .price):
            for (previous, point) in zip(points, points.dropFirst()) where point.value <= previous.value {
                diagnostics.append(.error(
                    .curveOrder,
                    "curve points must go up in lever value: \(formatNumber(point.value)) comes after \(formatNumber(previous.value))",
                    at: point.location, hint: "list the points from the lowest setting of '\(lever.id)' to the highest"))
            }
        case (.levels(let points), .level):
            for point in points where !lever.levels.contains(point.level) {
                diagnostics.append(.error(
                    .unknownLevel, "'\(point.level)' is not a level of '\(lever.id)'", at: point.location,
                    hint: Suggestion.hint(for: point.level, in: lever.levels) ?? "levels: " + lever.levels.joined(separator: ", ")))
            }
        case (.points(let points), .level):
            diagnostics.append(.error(
                .wrongType, "'\(lever.id)' is a level lever: its curve maps levels to relief, not numbers",
                at: points.first?.location ?? lever.location, hint: "e.g. {" + lever.levels.map { "\($0): 0.5" }.joined(separator: ", ") + "}"))
        case (.levels(let points), _):
            diagnostics.append(.error(
                .wrongType, "'\(lever.id)' is a \(lever.kind.rawValue) lever: its curve maps numbers to relief",
                at: points.first?.location ?? lever.location,
                hint: "e.g. {\(formatNumber(lever.min)): 1.0, \(formatNumber(lever.max)): 0.2}"))
        }
    }

    // MARK: - Rules

    private mutating func checkRules() {
        let levers = leversByID
        let drivers = driverIDs
        for rule in rules {
            if rule.why.allSatisfy(\.isWhitespace) {
                diagnostics.append(.error(.missingKey, "the rule '\(rule.id)' needs a why", at: rule.location))
            }
            for action in rule.actions {
                switch action {
                case .adjust(let leverID, let change):
                    guard let lever = levers[leverID.value] else {
                        unknown(.unknownLever, "lever", leverID, among: levers.keys.sorted(), hint: "no offering has a lever with this id")
                        continue
                    }
                    checkAdjustment(change, lever: lever, at: leverID.location)
                case .pin(let leverID):
                    if levers[leverID.value] == nil {
                        unknown(.unknownLever, "lever", leverID, among: levers.keys.sorted(), hint: "no offering has a lever with this id")
                    }
                case .emphasize(let target, _):
                    checkDriverTarget(target, drivers: drivers)
                case .say(_, let about, _):
                    if let about { checkDriverTarget(about, drivers: drivers) }
                }
            }
        }
    }

    private mutating func checkDriverTarget(_ target: Located<DriverTarget>, drivers: Set<String>) {
        if case .driver(let id) = target.value, !drivers.contains(id) {
            unknown(
                .unknownDriver, "driver", Located(id, at: target.location), among: drivers.sorted() + Driver.Kind.allCases.map(\.rawValue),
                hint: "name a driver id of a segment, or a kind: want, need, pain, fear")
        }
    }

    private mutating func checkAdjustment(_ change: Adjustment, lever: Lever, at location: SourceLocation) {
        guard lever.kind != .level || !lever.levels.isEmpty else { return }  // already reported
        switch (change, lever.kind) {
        case (.byPercent, .level):
            diagnostics.append(.error(
                .invalidValue, "'\(lever.id)' is a level lever: adjust it by whole levels (by: -1) or to a level", at: location))
        case (.byUnits(let units), .level) where units.rounded() != units:
            diagnostics.append(.error(.invalidValue, "a level lever moves by whole levels, not \(formatNumber(units))", at: location))
        case (.toLevel(let level), .level) where !lever.levels.contains(level):
            diagnostics.append(.error(
                .unknownLevel, "'\(level)' is not a level of '\(lever.id)'", at: location,
                hint: Suggestion.hint(for: level, in: lever.levels) ?? "levels: " + lever.levels.joined(separator: ", ")))
        case (.toLevel, .level):
            break  // a level this lever has
        case (.toValue, .level):
            diagnostics.append(.error(
                .invalidValue, "'\(lever.id)' is a level lever: adjust it to a level (" + lever.levels.joined(separator: ", ") + ")",
                at: location))
        case (.toLevel(let word), _):
            diagnostics.append(.error(
                .wrongType, "'\(lever.id)' is a \(lever.kind.rawValue) lever: adjust it to a number, not '\(word)'", at: location))
        case (.toValue(let value), _) where value < lever.min || value > lever.max:
            diagnostics.append(.warning(
                .outOfRange,
                "adjusting '\(lever.id)' to \(formatNumber(value)) goes outside \(formatNumber(lever.min))..\(formatNumber(lever.max)); it will be clamped",
                at: location))
        default:
            break
        }
    }

    // MARK: - Tests

    private mutating func checkTests() {
        let levers = leversByID
        let drivers = driverIDs
        let ruleIDs = Set(rules.map(\.id))
        for test in workspace.tests {
            checkSelection(test.scenarios, .unknownScenario, "scenario", workspace.scenarios.map(\.id))
            checkSelection(test.offerings, .unknownOffering, "offering", workspace.offerings.map(\.id))
            checkSelection(test.segments, .unknownSegment, "segment", workspace.segments.map(\.id))
            checkFactValues(test.market, scope: "market", owner: "", ownerLocation: test.location, requireAll: false)
            checkFactValues(test.segmentFacts, scope: "segment", owner: "", ownerLocation: test.location, requireAll: false)
            for id in test.expect.fired + test.expect.notFired where !ruleIDs.contains(id.value) {
                unknown(.unknownRule, "rule", id, among: ruleIDs)
            }
            for expectation in test.expect.levers where levers[expectation.lever.value] == nil {
                unknown(.unknownLever, "lever", expectation.lever, among: levers.keys.sorted())
            }
            for target in test.expect.talkingPoints { checkDriverTarget(target, drivers: drivers) }
            if let sweep = test.sweep {
                if let fact = workspace.fact(sweep.fact.value) {
                    if !fact.isNumeric {
                        diagnostics.append(.error(.wrongType, "only number facts can be swept; \(fact.name) is not one", at: sweep.fact.location))
                    } else if sweep.values == nil && (fact.min == nil || fact.max == nil) {
                        diagnostics.append(.error(
                            .missingKey, "\(fact.name) declares no min and max to sweep across", at: sweep.fact.location,
                            hint: "give the values: [..] to sweep, or declare min and max in facts.yaml"))
                    }
                } else {
                    unknown(.unknownFact, "fact", sweep.fact, among: workspace.facts.map(\.name))
                }
                if let monotonic = sweep.monotonic, levers[monotonic.lever.value] == nil {
                    unknown(.unknownLever, "lever", monotonic.lever, among: levers.keys.sorted())
                }
            }
        }
    }

    private mutating func checkSelection(_ selection: RuleTest.Selection, _ code: DiagnosticCode, _ what: String, _ ids: [String]) {
        guard case .ids(let names) = selection else { return }
        for name in names where !ids.contains(name.value) { unknown(code, what, name, among: ids) }
    }
}
