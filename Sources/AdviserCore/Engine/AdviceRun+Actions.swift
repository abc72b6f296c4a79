// What a fired rule does to one offering: which levers it owns, whether it counts for the
// offering at all, and what it emphasizes and says.

extension AdviceRun {
    /// Applies a rule whose condition held. Its lever actions come first: they decide whether the
    /// rule counts for this offering (docs/rules.md, "Which rules fire for which offering"). Only a
    /// rule that counts gives a reason, weighs drivers and adds talking points.
    mutating func apply(_ compiled: ConditionCompiler.Compiled, index ruleIndex: Int) {
        var touches = false, tookEffect = false, hasLeverActions = false
        // Actions are read in place rather than copied out of the rule (each copy retains its strings).
        for position in compiled.rule.actions.indices {
            switch compiled.rule.actions[position] {
            case .adjust(let leverID, let change):
                hasLeverActions = true
                guard let index = leverIndex(leverID.value), Self.fits(change, offering.levers[index]) else { continue }
                touches = true
                if adjust(index, change, at: leverID.location, by: compiled) { tookEffect = true }
            case .pin(let leverID):
                hasLeverActions = true
                guard let index = leverIndex(leverID.value) else { continue }
                touches = true
                pin(index, at: leverID.location, by: compiled)
                tookEffect = true
            case .emphasize, .say:
                break
            }
        }
        let counts = touches ? tookEffect : (!hasLeverActions || !compiled.rule.offerings.isEmpty)
        guard counts else {
            explainNotCounting(compiled.rule, touches: touches)
            return
        }
        fired.append(engine.prerendered.fired[ruleIndex])
        prerendered.firedRules?.append(ruleIndex)
        if let segmentIndex = options.prepared?.segmentIndex {
            for point in engine.prerendered.talkingPointPositions(rule: ruleIndex, segment: segmentIndex) {
                talkingPoints.append(engine.prerendered.talkingPoints[point])
                prerendered.talkingPoints?.append(point)
            }
        }
        for position in compiled.rule.actions.indices {
            switch compiled.rule.actions[position] {
            case .emphasize(let target, let factor):
                emphasize(target.value, factor, by: compiled.rule.id)
            case .say(let text, let about, _):
                if options.prepared == nil,
                   let point = TalkingPoint.make(text, about: about?.value, rule: compiled.rule.id, segment: segment) {
                    talkingPoints.append(point)
                }
                if let about { protect(about.value, .talkedAbout(rule: compiled.rule.id)) }
            case .adjust, .pin:
                break
            }
        }
    }

    private func leverIndex(_ id: String) -> Int? { offering.levers.firstIndex { $0.id == id } }

    /// Whether an adjustment means anything for this offering's lever of that id: a level it does
    /// not have (a lever id shared by offerings with different levels) does not.
    private static func fits(_ change: Adjustment, _ lever: Lever) -> Bool {
        if case .toLevel(let name) = change { return lever.kind == .level && lever.levels.contains(name) }
        return true
    }

    /// With `--explain`: why a rule whose condition held does not count for this offering.
    private mutating func explainNotCounting(_ rule: Rule, touches: Bool) {
        guard options.explain, let last = explanations.indices.last, explanations[last].rule == rule.id else { return }
        explanations[last].note = touches
            ? "every adjustment it makes here gave way to a higher-priority rule"
            : "its actions are about levers this offering does not have"
    }

    // MARK: - Levers

    /// Moves a lever as a rule asks, from today's setting, within the lever's and the segment's
    /// bounds, onto the grid. Returns whether the rule's setting stands (it owns the lever now, or
    /// the owner already has it there).
    private mutating func adjust(
        _ index: Int, _ change: Adjustment, at location: SourceLocation, by compiled: ConditionCompiler.Compiled
    ) -> Bool {
        let lever = offering.levers[index]
        let range = allowed[index]
        let asked = lever.asked(by: change, from: today[index])
        let setting = Self.nearestSetting(lever, to: asked, within: range)
        if let owner = ownedBy[index] {
            // Rules fire in priority order, so the owner wins.
            if abs(settings[index] - setting) < 1e-9 { return true }
            if owner.rule.rule.priority == compiled.rule.priority {
                warnings.append(.conflict(
                    lever, earlier: owner.rule.rule, at: owner.location, later: compiled.rule, at: location,
                    kept: settings[index], lost: setting))
            }
            overridden.append(OverriddenAdjustment(
                lever: lever.id, rule: compiled.rule.id, location: location, by: owner.rule.rule.id, byLocation: owner.location))
            return false
        }
        // Snapping to the grid is expected (10 % off 4800 is 4320, which becomes 4300); going past
        // a bound is not, so clamping earns a warning, and so does a change the grid undoes.
        if asked < range.lowerBound - 1e-9 || asked > range.upperBound + 1e-9 {
            let bySegment = range.lowerBound > lever.min || range.upperBound < lever.max
            warnings.append(.clamped(lever, by: compiled.rule, asked: asked, range: range, bySegment: bySegment ? segment : nil, using: setting, at: location))
            if bySegment {
                guardrails.append(GuardrailOutcome(
                    kind: .segmentBound, lever: lever.id, driver: nil,
                    message: "\(lever.name) stays within \(lever.display(range.lowerBound))..\(lever.display(range.upperBound)) for \(segment.name): rule '\(compiled.rule.id)' was held at \(lever.display(setting))"))
            }
        } else if setting == today[index], abs(asked - today[index]) > 1e-9 {
            warnings.append(.noChange(lever, by: compiled.rule, asked: asked, today: today[index], at: location))
        }
        if let limit = lever.maxMove, abs(setting - today[index]) > limit.allowance(from: today[index]) + 1e-9 {
            warnings.append(.beyondMoveLimit(lever, by: compiled.rule, today: today[index], setting: setting, limit: limit, at: location))
        }
        settings[index] = setting
        ownedBy[index] = (compiled, location)
        return true
    }

    /// A pin owns the lever where it is: today's setting, or where a higher-priority rule set it.
    private mutating func pin(_ index: Int, at location: SourceLocation, by compiled: ConditionCompiler.Compiled) {
        if ownedBy[index] == nil { ownedBy[index] = (compiled, location) }
        pinned[index] = true
    }

    /// The grid setting nearest to `value` within `range` (the segment's bounds may lie between
    /// grid settings).
    static func nearestSetting(_ lever: Lever, to value: Double, within range: ClosedRange<Double>) -> Double {
        let setting = lever.snapToGrid(min(max(value, range.lowerBound), range.upperBound))
        if setting >= range.lowerBound - 1e-9 && setting <= range.upperBound + 1e-9 { return setting }
        let inside = lever.gridCount(within: range) <= 1_000_000 ? lever.grid(within: range) : []
        return inside.min { abs($0 - value) < abs($1 - value) } ?? setting
    }

    // MARK: - Drivers

    private mutating func emphasize(_ target: DriverTarget, _ factor: Double, by rule: String) {
        for index in segment.drivers.indices where Self.targets(target, segment.drivers[index]) {
            // Changed in place: an entry taken out would share its list of rules, which the
            // append would then copy.
            if emphasis[index] == nil { emphasis[index] = (1, []) }
            emphasis[index]!.factor = min(max(emphasis[index]!.factor * factor, 1e-9), 1e9)
            emphasis[index]!.rules.append(rule)
            if factor > 1 { protection[index].append(.emphasized(rule: rule)) }
        }
    }

    /// Marks the drivers a talking point is about as protected.
    private mutating func protect(_ target: DriverTarget, _ reason: Protection) {
        for index in segment.drivers.indices where Self.targets(target, segment.drivers[index]) {
            protection[index].append(reason)
        }
    }

    static func targets(_ target: DriverTarget, _ driver: Driver) -> Bool {
        switch target {
        case .driver(let id): driver.id == id
        case .kind(let kind): driver.kind == kind
        }
    }
}
