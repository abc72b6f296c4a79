// Reading rules/*.yaml.
extension FileReader {
    mutating func readRuleset(_ node: YAMLNode, file: String) -> Ruleset {
        let id = node["ruleset"]?.text ?? ""
        let rules = (node["rules"]?.sequence ?? []).compactMap { readRule($0, ruleset: id) }
        return Ruleset(
            id: id, doc: node["doc"]?.text, rules: rules, file: file, location: node["ruleset"]?.location ?? node.location)
    }

    private mutating func readRule(_ node: YAMLNode, ruleset: String) -> Rule? {
        guard let id = node["id"]?.locatedText else { return nil }
        // A rule whose `when` is broken is kept (with no condition) so that tests naming it do not
        // cascade into "unknown rule" errors; the broken `when` itself was reported.
        let when = node["when"].flatMap { readCondition($0) } ?? .all([])
        let actions = (node["then"]?.sequence ?? []).compactMap { readAction($0) }
        return Rule(
            id: id.value, ruleset: ruleset, when: when, why: node["why"]?.text ?? "", priority: node["priority"]?.integer ?? 0,
            actions: actions, offerings: node["offerings"]?.texts ?? [], location: id.location)
    }

    /// `when:` as one expression, a list (all of them), or `{all: […]}` / `{any: […]}`.
    private mutating func readCondition(_ node: YAMLNode) -> Condition? {
        if let scalar = node.scalar {
            guard node.text != nil else { return nil }
            return .expression(ExpressionSource(text: scalar.value, location: node.location, style: scalar.style))
        }
        if let items = node.sequence {
            return .all(items.compactMap { readCondition($0) })
        }
        guard let pairs = node.mapping else { return nil }
        if pairs.count != 1 {
            diagnostics.append(.error(
                .invalidValue, "a condition group is either all: or any:, not both", at: node.location,
                hint: "nest them: all: [\"a\", {any: [\"b\", \"c\"]}] is not supported; write one expression with && and ||"))
        }
        guard let pair = pairs.first, let items = pair.value.sequence else { return nil }
        let parts = items.compactMap { readCondition($0) }
        return pair.key == "any" ? .any(parts) : .all(parts)
    }

    private static let verbs = ["adjust", "emphasize", "pin", "say"]
    private static let companions: [String: String] = ["by": "adjust", "to": "adjust", "times": "emphasize", "about": "say"]

    private mutating func readAction(_ node: YAMLNode) -> Action? {
        guard let pairs = node.mapping else { return nil }
        let verbs = pairs.filter { Self.verbs.contains($0.key) }
        guard let verb = verbs.first else {
            diagnostics.append(.error(
                .missingKey, "this action does nothing", at: node.location,
                hint: "start it with adjust:, emphasize:, pin: or say:"))
            return nil
        }
        if verbs.count > 1 {
            diagnostics.append(.error(
                .invalidValue, "an action does one thing; this one has both '\(verbs[0].key)' and '\(verbs[1].key)'",
                at: verbs[1].keyLocation, hint: "split it into two list items, each starting with '- '"))
        }
        for pair in pairs {
            if let owner = Self.companions[pair.key], owner != verb.key {
                diagnostics.append(.error(
                    .invalidValue, "'\(pair.key)' goes with \(owner):, not with \(verb.key):", at: pair.keyLocation))
            }
        }
        switch verb.key {
        case "adjust":
            guard let lever = verb.value.locatedText else { return nil }
            let by = node.pair("by"), to = node.pair("to")
            switch (by, to) {
            case (nil, nil):
                diagnostics.append(.error(
                    .missingKey, "adjust: \(lever.value) says neither by how much nor to what", at: verb.keyLocation,
                    hint: "add by: -10% (or by: -40), or to: 390 (or to: standard)"))
                return nil
            case (.some, .some):
                diagnostics.append(.error(.invalidValue, "adjust takes by: or to:, not both", at: to!.keyLocation))
                return nil
            case (let by?, nil):
                guard let scalar = by.value.scalar, let change = try? ScalarReader.change(scalar).get() else { return nil }
                switch change {
                case .percent(let p): return .adjust(lever: lever, change: .byPercent(p))
                case .units(let u): return .adjust(lever: lever, change: .byUnits(u))
                }
            case (nil, let to?):
                guard let scalar = to.value.scalar, let text = to.value.text else { return nil }
                if !scalar.isQuoted, let value = try? ScalarReader.number(scalar).get() {
                    return .adjust(lever: lever, change: .toValue(value))
                }
                return .adjust(lever: lever, change: .toLevel(text))
            }
        case "emphasize":
            guard let target = verb.value.locatedText else { return nil }
            guard let timesNode = node["times"] else {
                diagnostics.append(.error(
                    .missingKey, "emphasize: \(target.value) needs times: (the factor on its importance)",
                    at: verb.keyLocation, hint: "add times: 1.5 to make it weigh half as much again"))
                return nil
            }
            guard let times = timesNode.number else { return nil }
            if !Driver.emphasisRange.contains(times) {
                diagnostics.append(.error(
                    .outOfRange, "times must be from 0.001 to 1000, found \(formatNumber(times))", at: timesNode.location,
                    hint: "below 1 weighs a driver less (0.5 halves it); above 1 weighs it more"))
                return nil
            }
            return .emphasize(target: Located(Self.driverTarget(target.value), at: target.location), factor: times)
        case "pin":
            return verb.value.locatedText.map { .pin(lever: $0) }
        default:
            guard let text = verb.value.text else { return nil }
            let about = node["about"]?.locatedText.map { Located(Self.driverTarget($0.value), at: $0.location) }
            return .say(text: text, about: about, location: verb.value.location)
        }
    }

    static func driverTarget(_ word: String) -> DriverTarget {
        Driver.Kind(rawValue: word).map(DriverTarget.kind) ?? .driver(word)
    }
}
