// Reading tests/*.yaml.
extension FileReader {
    mutating func readTests(_ node: YAMLNode, file: String) -> [RuleTest] {
        (node["tests"]?.sequence ?? []).compactMap { item in
            guard let name = item["name"]?.text, let expectNode = item["expect"] else { return nil }
            return RuleTest(
                name: name, scenarios: selection(item["scenario"]), offerings: selection(item["offering"]),
                segments: selection(item["segment"]), market: factValues(item["market"]),
                segmentFacts: factValues(item["segment_facts"]), expect: readExpectation(expectNode),
                sweep: item["sweep"].flatMap { readSweep($0) }, file: file, location: item["name"]!.location)
        }
    }

    private func selection(_ node: YAMLNode?) -> RuleTest.Selection {
        guard let node else { return .unspecified }
        if node.text == "all" { return .all(node.location) }
        return .ids(node.texts)
    }

    private func readExpectation(_ node: YAMLNode) -> Expectation {
        var expect = Expectation(location: node.location)
        expect.fired = node["fired"]?.texts ?? []
        expect.notFired = node["not_fired"]?.texts ?? []
        expect.held = node["held"].flatMap { n in n.bool.map { Located($0, at: n.location) } }
        expect.warnings = node["warnings"]?.texts ?? []
        expect.talkingPoints = (node["talking_points"]?.texts ?? []).map {
            Located(Self.driverTarget($0.value), at: $0.location)
        }
        for pair in node["levers"]?.mapping ?? [] {
            let lever = Located(pair.key, at: pair.keyLocation)
            if pair.value.mapping != nil {
                let bound = LeverExpectation.Bound.range(min: pair.value["min"]?.number, max: pair.value["max"]?.number)
                expect.levers.append(LeverExpectation(lever: lever, bound: bound))
            } else if let value = pair.value.factValue {
                expect.levers.append(LeverExpectation(lever: lever, bound: .exactly(value)))
            }
        }
        return expect
    }

    private mutating func readSweep(_ node: YAMLNode) -> Sweep? {
        guard let fact = node["fact"]?.locatedText else { return nil }
        let values = node["values"]?.sequence?.compactMap(\.number)
        let steps = node["steps"]?.integer ?? 11
        if let stepsNode = node["steps"], steps < 2 || steps > 1_000 {
            diagnostics.append(.error(.outOfRange, "steps must be between 2 and 1000", at: stepsNode.location))
        }
        var monotonic: (lever: Located<String>, direction: Sweep.Direction)?
        switch (node["lever"]?.locatedText, node["direction"]?.text.flatMap(Sweep.Direction.init(rawValue:))) {
        case let (lever?, direction?): monotonic = (lever, direction)
        case (.some, nil), (nil, .some):
            diagnostics.append(.error(
                .missingKey, "lever: and direction: go together", at: node.location,
                hint: "e.g. lever: price, direction: never-decreases"))
        case (nil, nil): break
        }
        return Sweep(fact: fact, values: values, steps: min(max(steps, 2), 1_000), monotonic: monotonic)
    }
}
