// Reading adviser.yaml and facts.yaml.
extension FileReader {
    mutating func readSettings(_ node: YAMLNode, file: String) -> WorkspaceSettings {
        var settings = WorkspaceSettings(name: node["name"]?.text ?? "", location: .file(file))
        settings.defaultScenario = node["default_scenario"]?.locatedText
        if let tolerance = node["value_tolerance"] {
            if let value = tolerance.number {
                if value >= 0 && value < 1 {
                    settings.valueTolerance = value
                } else {
                    diagnostics.append(.error(
                        .outOfRange, "value_tolerance must be at least 0 and below 1, found \(formatNumber(value))",
                        at: tolerance.location, hint: "0.005 holds value within half a point on the 0–100 index"))
                }
            }
        }
        if let currency = node["currency"]?.text { settings.currency = currency }
        if let locale = node["locale"]?.locatedText {
            if let named = WorkspaceSettings.locale(named: locale.value) {
                settings.locale = named
            } else {
                let unknown = WorkspaceSettings.unknownLocale(locale.value)
                diagnostics.append(.error(.unknownLocale, unknown.message, at: locale.location, hint: unknown.hint))
            }
        }
        if let days = node["stale_after_days"] {
            if let value = days.integer {
                if value > 0 {
                    settings.staleAfterDays = value
                } else {
                    diagnostics.append(.error(.outOfRange, "stale_after_days must be above 0", at: days.location))
                }
            }
        }
        if let balance = node["balance"] {
            let hold = balance["hold"]?.text.flatMap(BalanceObjective.Hold.init(rawValue:)) ?? .band
            var order: [BalanceObjective.Criterion] = []
            for item in balance["prefer"]?.texts ?? [] {
                guard let criterion = BalanceObjective.Criterion(rawValue: item.value) else { continue }
                if order.contains(criterion) {
                    diagnostics.append(.error(.invalidValue, "'\(item.value)' is listed twice in prefer", at: item.location))
                }
                order.append(criterion)
            }
            settings.balance = BalanceObjective(hold: hold, order: order)
        }
        if let limits = node["limits"]?.mapping {
            for pair in limits {
                guard let key = WorkspaceLimits.keys.first(where: { $0.name == pair.key }), let value = pair.value.integer else { continue }
                if value < 1 {
                    diagnostics.append(.error(.outOfRange, "limits.\(key.name) must be at least 1, found \(value)", at: pair.value.location))
                } else if value > key.cap {
                    diagnostics.append(.error(
                        .outOfRange, "limits.\(key.name) may be at most \(key.cap) (its hard cap), found \(value)", at: pair.value.location,
                        hint: "the hard caps keep even a raised limit safe; see docs/limits.md"))
                } else {
                    settings.limits[keyPath: key.keyPath] = value
                }
            }
        }
        return settings
    }

    mutating func readFacts(_ node: YAMLNode) -> [Fact] {
        (node["facts"]?.sequence ?? []).compactMap { item in
            guard let name = item["name"]?.locatedText, let typeName = item["type"]?.text else { return nil }
            let kind: Fact.Kind
            switch typeName {
            case "number": kind = .number
            case "integer": kind = .integer
            case "bool": kind = .bool
            case "string": kind = .string
            case "enum":
                let values = item["values"]?.texts.map(\.value) ?? []
                if values.isEmpty {
                    diagnostics.append(.error(
                        .missingKey, "the enum fact '\(name.value)' needs its values", at: item.location,
                        hint: "add values: [first, second, …]"))
                }
                kind = .enumeration(values)
            default: return nil
            }
            if case .enumeration = kind {} else if let pair = item.pair("values") {
                diagnostics.append(.error(.invalidValue, "values only apply to facts of type enum", at: pair.keyLocation))
            }
            let parts = name.value.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count != 2 || !["market", "segment"].contains(parts[0]) || !ShapeChecker.isIdentifier(String(parts[1])) {
                diagnostics.append(.error(
                    .invalidValue, "a fact name must be market.<name> or segment.<name>, found '\(name.value)'",
                    at: name.location, hint: "market.* facts come from scenarios, segment.* facts from segments"))
            }
            let min = item["min"]?.number, max = item["max"]?.number
            if let min, let max, min > max {
                diagnostics.append(.error(
                    .outOfRange, "the fact '\(name.value)' has min \(formatNumber(min)) above max \(formatNumber(max))",
                    at: item["min"]!.location))
            }
            if (min != nil || max != nil) && !(kind == .number || kind == .integer) {
                diagnostics.append(.error(
                    .invalidValue, "min and max only apply to number and integer facts", at: item.location))
            }
            return Fact(
                name: name.value, kind: kind, unit: item["unit"]?.text, min: min, max: max, doc: item["doc"]?.text ?? "",
                location: name.location)
        }
    }
}
