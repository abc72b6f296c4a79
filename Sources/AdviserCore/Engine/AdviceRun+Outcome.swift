// The advice as reported: value held or not, every lever and driver today and recommended,
// margin with what it is made of.

extension AdviceRun {
    mutating func conclude() -> Advice {
        let model = ValueModel(
            offering: offering, segment: segment, emphasis: emphasis.map { $0?.factor ?? 1 }, curves: options.prepared?.curves)
        let afterRules = settings
        warnAboutLoweredDrivers(model)
        let (value, sources) = holdValue(model)
        let rivals = RivalValuation(offering: offering, segment: segment, margins: margins).outcome(
            rivals: engine.workspace.rivals(of: offering.id, for: segment.id), model: model, today: today, recommended: settings,
            currency: engine.workspace.settings.currency)
        for rival in rivals?.betterValueForLess ?? [] {
            warnings.append(.rivalBetterValue(rival, offering: offering, segment: segment, ours: rivals!))
        }
        // Weights before emphasis are importance shares; no second value model is needed for them.
        let totalImportance = segment.drivers.reduce(0) { $0 + $1.importance }
        let weightsBefore = segment.drivers.map { totalImportance > 0 ? $0.importance / totalImportance : 0 }
        var advice = Advice(
            offering: .init(id: offering.id, name: offering.name), segment: .init(id: segment.id, name: segment.name),
            segmentSize: segment.size, scenario: .init(id: scenario.id, name: scenario.name), fired: fired,
            levers: leverOutcomes(sources), value: value, margin: marginOutcome(),
            emphasized: emphasizedDrivers(model, weightsBefore: weightsBefore),
            unaddressed: model.unaddressed.map { index in
                let driver = segment.drivers[index]
                return DriverReference(id: driver.id, name: driver.name, kind: driver.kind)
            },
            drivers: driverOutcomes(model, afterRules: afterRules, weightsBefore: weightsBefore),
            talkingPoints: talkingPoints, warnings: warnings, overridden: overridden, explanations: explanations,
            prerendered: prerendered)
        advice.guardrails = guardrails
        advice.rivals = rivals
        return advice
    }

    /// Holds the value of today's offering (under the emphasized weights): when the rules'
    /// settings leave the hold region, the free levers are balanced within their guardrails, and
    /// when the client still gets less than today a warning says why. Returns the value outcome
    /// and what set each lever.
    private mutating func holdValue(_ model: ValueModel) -> (ValueOutcome, [LeverOutcome.Source]) {
        let target = model.value(today)
        let afterRules = model.value(settings)
        let tolerance = engine.workspace.settings.valueTolerance
        var sources = ownedBy.map { owner in owner.map { .rule($0.rule.rule.id) } ?? LeverOutcome.Source.today }
        let moved = balance(model, target: target)
        for index in moved { sources[index] = .balance }
        let final = model.value(settings)
        if !moved.isEmpty || !inHoldRegion(final, target: target) {
            recordBindingGuardrails(model, moved: moved, target: target, final: final)
        }
        // Held: the client gets no less than today. More than today is held too, whatever the
        // balancer aimed for.
        let held = final >= target - tolerance - 1e-12
        let shortfall = held ? nil : shortfallSentence(model, target: target, final: final)
        if let shortfall { warnings.append(.valueNotHeld(offering, shortfall: shortfall)) }
        let value = ValueOutcome(
            target: target, afterRules: afterRules, final: final, tolerance: tolerance,
            hold: engine.workspace.settings.balance.hold, held: held, shortfall: shortfall)
        return (value, sources)
    }

    /// Warns when a rule's adjustment relieves a protected, emphasized or talked-about driver less
    /// than today: the balancer never does, so the rules must not contradict each other quietly.
    private mutating func warnAboutLoweredDrivers(_ model: ValueModel) {
        for d in segment.drivers.indices {
            guard let why = protection[d].first else { continue }
            for (index, curve) in model.curves(ofDriverAt: d) {
                // A lever the rules left at today's setting relieves the driver as today.
                guard let owner = ownedBy[index], settings[index] != today[index] else { continue }
                guard curve.relief(at: settings[index]) < curve.relief(at: today[index]) - 1e-9 else { continue }
                // The rule lowering it, and a reason that is not that same rule's own word.
                let other = protection[d].first { reason in
                    switch reason {
                    case .declared: true
                    case .emphasized(let rule), .talkedAbout(let rule): rule != owner.rule.rule.id
                    }
                } ?? why
                guard let prepared = options.prepared else {
                    warnings.append(loweredDriverWarning(driverAt: d, leverAt: index, by: owner, protection: other))
                    continue
                }
                let key = WordedWarnings.Key(
                    rule: ObjectIdentifier(owner.rule), offering: prepared.offeringIndex, segment: prepared.segmentIndex,
                    lever: index, driver: d, today: today[index], setting: settings[index], protection: other)
                let worded = engine.wordedWarnings.warning(key) {
                    loweredDriverWarning(driverAt: d, leverAt: index, by: owner, protection: other)
                }
                prerendered.warnings.append((warnings.count, worded.json))
                warnings.append(worded.warning)
            }
        }
    }

    private func loweredDriverWarning(
        driverAt d: Int, leverAt index: Int, by owner: (rule: ConditionCompiler.Compiled, location: SourceLocation),
        protection: Protection
    ) -> AdviceWarning {
        .lowersProtectedDriver(
            segment.drivers[d], by: owner.rule.rule, lever: offering.levers[index], today: today[index],
            setting: settings[index], protection: protection, at: owner.location)
    }

    private func leverOutcomes(_ sources: [LeverOutcome.Source]) -> [LeverOutcome] {
        offering.levers.enumerated().map { index, lever in
            let fromText = options.prepared?.todayTexts[index] ?? lever.display(today[index])
            var outcome = LeverOutcome(
                lever: lever.id, name: lever.name, kind: lever.kind, unit: lever.unit, from: today[index], to: settings[index],
                fromText: fromText, toText: settings[index] == today[index] ? fromText : lever.display(settings[index]),
                source: sources[index], pinned: pinned[index], flex: lever.flex)
            if let q = margins.quantityOf[index] {
                let quantity = offering.levers[q]
                outcome.quantity = QuantityOutcome(
                    lever: quantity.id, name: quantity.name, unit: quantity.unit, from: today[q], to: settings[q])
            }
            return outcome
        }
    }

    /// Drivers whose weight rules changed.
    private func emphasizedDrivers(_ model: ValueModel, weightsBefore: [Double]) -> [EmphasizedDriver] {
        segment.drivers.indices.compactMap { index -> EmphasizedDriver? in
            guard let entry = emphasis[index], entry.factor != 1 else { return nil }
            let driver = segment.drivers[index]
            return EmphasizedDriver(
                driver: driver.id, name: driver.name, kind: driver.kind, factor: entry.factor,
                weightBefore: weightsBefore[index], weightAfter: model.weights[index], rules: entry.rules)
        }
    }

    private func driverOutcomes(_ model: ValueModel, afterRules: [Double], weightsBefore: [Double]) -> [DriverOutcome] {
        segment.drivers.indices.map { index in
            let driver = segment.drivers[index]
            return DriverOutcome(
                id: driver.id, name: driver.name, kind: driver.kind,
                weightBefore: weightsBefore[index], weightAfter: model.weights[index],
                reliefBefore: model.relief(ofDriverAt: index, at: today),
                reliefAfterRules: model.relief(ofDriverAt: index, at: afterRules),
                reliefAfter: model.relief(ofDriverAt: index, at: settings),
                addressed: model.addresses(driverAt: index), protectedBy: protection[index])
        }
    }

    /// Margin per client today and recommended, when the offering declares costs to serve.
    private func marginOutcome() -> MarginOutcome? {
        guard margins.hasCosts else { return nil }
        let revenueBefore = margins.revenue(today), revenueAfter = margins.revenue(settings)
        let costBefore = margins.cost(today), costAfter = margins.cost(settings)
        return MarginOutcome(
            before: revenueBefore - costBefore, after: revenueAfter - costAfter, currency: engine.workspace.settings.currency,
            revenueBefore: revenueBefore, revenueAfter: revenueAfter, costBefore: costBefore, costAfter: costAfter)
    }
}
