// Reading segments/*.yaml.
extension FileReader {
    mutating func readSegment(_ node: YAMLNode) -> Segment {
        let size = node["size"]?.text.flatMap(Segment.Size.init(rawValue:)) ?? .sme
        return Segment(
            id: node["id"]?.text ?? "", name: node["name"]?.text ?? "", size: size, doc: node["doc"]?.text,
            facts: factValues(node["facts"]), drivers: (node["drivers"]?.sequence ?? []).compactMap { readDriver($0) },
            buys: node["buys"].map(readPurchases), bounds: readBounds(node["bounds"]),
            location: node["id"]?.location ?? node.location)
    }

    /// `buys: {offering: {lever: setting}}`; an offering with no settings (`crm: {}`) is bought at
    /// its baseline. Whether ids, levels and numbers fit is checked across files.
    private func readPurchases(_ node: YAMLNode) -> [Purchase] {
        (node.mapping ?? []).map { pair in
            Purchase(offering: Located(pair.key, at: pair.keyLocation), settings: Self.settingAssignments(pair.value))
        }
    }

    /// `{lever: setting}`, each located.
    static func settingAssignments(_ node: YAMLNode?) -> [SettingAssignment] {
        (node?.mapping ?? []).compactMap { setting in
            leverSetting(setting.value).map { SettingAssignment(lever: Located(setting.key, at: setting.keyLocation), value: $0) }
        }
    }

    /// `bounds: {lever: {min: …, max: …}}`.
    private func readBounds(_ node: YAMLNode?) -> [LeverBound] {
        (node?.mapping ?? []).map { pair in
            let (offering, lever) = Self.qualified(Located(pair.key, at: pair.keyLocation))
            return LeverBound(
                lever: lever, offering: offering, min: pair.value["min"].flatMap(Self.leverSetting),
                max: pair.value["max"].flatMap(Self.leverSetting))
        }
    }

    /// `offering-id.lever-id` as the offering and the lever (located at its own first character),
    /// or a plain lever id.
    static func qualified(_ key: Located<String>) -> (offering: String?, lever: Located<String>) {
        let parts = key.value.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return (nil, key) }
        var location = key.location
        location.column += parts[0].count + 1
        return (String(parts[0]), Located(String(parts[1]), at: location))
    }

    /// A plain number is a number setting; anything else (a quoted number too) names a level.
    static func leverSetting(_ node: YAMLNode) -> Located<LeverSetting>? {
        guard let scalar = node.scalar, let text = node.text else { return nil }
        if !scalar.isQuoted, let n = try? ScalarReader.number(scalar).get() { return Located(.number(n), at: node.location) }
        return Located(.level(text), at: node.location)
    }

    /// A mapping of short fact names to values (segment facts, scenario market, test overrides).
    /// A value may be `{value: …, source: …}`; sources are returned separately.
    func factValues(_ node: YAMLNode?) -> [String: FactAssignment] {
        var values: [String: FactAssignment] = [:]
        for pair in node?.mapping ?? [] {
            let valueNode = pair.value["value"] ?? pair.value
            if let value = valueNode.factValue {
                values[pair.key] = FactAssignment(
                    name: Located(pair.key, at: pair.keyLocation), value: Located(value, at: valueNode.location))
            }
        }
        return values
    }

    private mutating func readDriver(_ node: YAMLNode) -> Driver? {
        guard let id = node["id"]?.locatedText, let kind = node["kind"]?.text.flatMap(Driver.Kind.init(rawValue:)) else {
            return nil
        }
        let importance = node["importance"]?.number ?? 1
        if let importanceNode = node["importance"], importance <= 0 {
            diagnostics.append(.error(
                .outOfRange, "the importance of '\(id.value)' must be above 0, found \(formatNumber(importance))",
                at: importanceNode.location, hint: "remove a driver that does not matter, or give it a small importance"))
        } else if let importanceNode = node["importance"], importance > Driver.maxImportance {
            // Importances are weighed against each other; beyond this their sum could leave the
            // doubles and make every value index NaN (printed as a 'held' 0.0).
            diagnostics.append(.error(
                .outOfRange, "the importance of '\(id.value)' may be at most 1000000, found \(formatNumber(importance))",
                at: importanceNode.location, hint: "importances only weigh drivers against each other: 1 to 10 is plenty"))
        }
        var reliefs: [Relief] = []
        for pair in node["relieved_by"]?.mapping ?? [] {
            let points = pair.value.mapping ?? []
            if points.isEmpty {
                diagnostics.append(.error(
                    .missingKey, "the curve for '\(pair.key)' has no points", at: pair.value.location,
                    hint: "write setting: relief pairs, e.g. {2400: 1.0, 7200: 0.2}"))
                continue
            }
            for point in points {
                if let relief = point.value.number, relief < 0 || relief > 1 {
                    diagnostics.append(.error(
                        .reliefOutOfRange, "relief must be between 0 and 1, found \(formatNumber(relief))",
                        at: point.value.location, hint: "0 means no relief at all, 1 means fully relieved"))
                }
            }
            // Whether the keys are numbers or levels depends on the lever, known only across files:
            // numeric keys make a point curve, anything else a level curve; the checker verifies.
            let numeric = points.allSatisfy { (try? ScalarReader.number($0.key).get()) != nil }
            let curve: ReliefCurve
            if numeric {
                curve = .points(points.compactMap { point in
                    guard let x = try? ScalarReader.number(point.key).get(), let y = point.value.number else { return nil }
                    return ReliefCurve.CurvePoint(value: x, relief: y, location: point.keyLocation)
                })
            } else {
                curve = .levels(points.compactMap { point in
                    point.value.number.map { ReliefCurve.LevelPoint(level: point.key, relief: $0, location: point.keyLocation) }
                })
            }
            // `offering-id.lever-id` gives one offering's lever a curve of its own.
            let (offering, lever) = Self.qualified(Located(pair.key, at: pair.keyLocation))
            reliefs.append(Relief(lever: lever, offering: offering, curve: curve))
        }
        return Driver(
            id: id.value, name: node["name"]?.text ?? id.value, kind: kind, importance: importance, reliefs: reliefs,
            protected: node["protected"]?.bool ?? false, location: id.location)
    }
}
