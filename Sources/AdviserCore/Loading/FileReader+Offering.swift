// Reading offerings/*.yaml.
extension FileReader {
    /// `max_move: 10%` or `max_move: 2`: never negative; a level lever moves by whole levels.
    private mutating func readMoveLimit(_ node: YAMLNode?, lever: String, kind: Lever.Kind) -> Lever.MoveLimit? {
        guard let node, let scalar = node.scalar, let change = try? ScalarReader.change(scalar).get() else { return nil }
        switch change {
        case .percent(let p) where p >= 0 && kind != .level:
            return .percent(p)
        case .units(let u) where u >= 0 && (kind != .level || u.rounded() == u):
            return .units(u)
        case .percent where kind == .level:
            diagnostics.append(.error(
                .invalidValue, "'\(lever)' is a level lever: its max_move is a number of levels, not a percentage",
                at: node.location, hint: "write max_move: 1 to allow one level up or down in a review"))
        default:
            diagnostics.append(.error(
                .outOfRange, "max_move of '\(lever)' must be a positive amount, found '\(scalar.value)'", at: node.location,
                hint: kind == .level ? "write a whole number of levels: max_move: 1" : "write max_move: 10% (of today's setting) or max_move: 2 (units)"))
        }
        return nil
    }

    mutating func readOffering(_ node: YAMLNode) -> Offering {
        let levers = (node["levers"]?.sequence ?? []).compactMap { readLever($0) }
        return Offering(
            id: node["id"]?.text ?? "", name: node["name"]?.text ?? "", doc: node["doc"]?.text, levers: levers,
            location: node["id"]?.location ?? node.location)
    }

    private mutating func readLever(_ node: YAMLNode) -> Lever? {
        guard let id = node["id"]?.locatedText, let kindText = node["kind"]?.text, let kind = Lever.Kind(rawValue: kindText),
              let baselineNode = node["baseline"]
        else { return nil }
        let name = node["name"]?.text ?? id.value
        let flex = node["flex"]?.bool ?? false
        var lever = Lever(
            id: id.value, name: name, kind: kind, unit: node["unit"]?.text, doc: node["doc"]?.text, baseline: 0, min: 0,
            max: 0, step: 0, flex: flex, location: id.location)
        let costNode = node["cost"]
        lever.per = node["per"]?.text
        lever.maxMove = readMoveLimit(node["max_move"], lever: id.value, kind: kind)

        if kind == .level {
            for key in ["min", "max", "step", "unit"] {
                if let pair = node.pair(key) {
                    diagnostics.append(.error(
                        .invalidValue, "'\(key)' does not apply to a level lever ('\(id.value)')", at: pair.keyLocation,
                        hint: "a level lever lists its levels: levels: [basic, standard, premium]"))
                }
            }
            let levels = node["levels"]?.texts ?? []
            guard !levels.isEmpty else {
                diagnostics.append(.error(
                    .missingKey, "the level lever '\(id.value)' needs its levels", at: node.location,
                    hint: "add levels: [basic, standard, premium] (lowest first)"))
                return lever  // kept, without levels, so references to it do not cascade into more errors
            }
            lever.levels = levels.map(\.value)
            for (index, level) in levels.enumerated() where levels[..<index].contains(where: { $0.value == level.value }) {
                diagnostics.append(.error(.duplicateID, "the level '\(level.value)' is listed twice", at: level.location))
            }
            lever.max = Double(levels.count - 1)
            lever.step = 1
            let baseline = baselineNode.text ?? ""
            if let index = lever.levels.firstIndex(of: baseline) {
                lever.baseline = Double(index)
            } else {
                diagnostics.append(.error(
                    .unknownLevel, "the baseline '\(baseline)' is not one of the levels of '\(id.value)'",
                    at: baselineNode.location, hint: Suggestion.hint(for: baseline, in: lever.levels)
                        ?? "levels: " + lever.levels.joined(separator: ", ")))
            }
            if let costNode {
                if let costs = costNode.mapping {
                    for pair in costs {
                        if !lever.levels.contains(pair.key) {
                            diagnostics.append(.error(
                                .unknownLevel, "'\(pair.key)' is not a level of '\(id.value)'", at: pair.keyLocation,
                                hint: Suggestion.hint(for: pair.key, in: lever.levels)))
                        } else if let value = pair.value.number {
                            lever.levelCosts[pair.key] = value
                        }
                    }
                } else if costNode.scalar != nil {
                    diagnostics.append(.error(
                        .wrongType, "a level lever's cost is a mapping from level to cost", at: costNode.location,
                        hint: "write cost: {basic: 0, standard: 40, premium: 120}"))
                }
            }
            return lever
        }

        if let pair = node.pair("levels") {
            diagnostics.append(.error(
                .invalidValue, "'levels' only applies to level levers ('\(id.value)' is a \(kind.rawValue) lever)",
                at: pair.keyLocation, hint: "set kind: level, or use min, max and step"))
        }
        var missing = false
        for key in ["min", "max", "step"] where node[key] == nil {
            diagnostics.append(.error(
                .missingKey, "the \(kind.rawValue) lever '\(id.value)' is missing '\(key)'", at: node.location,
                hint: "a \(kind.rawValue) lever needs min, max and step"))
            missing = true
        }
        guard !missing, let min = node["min"]?.number, let max = node["max"]?.number, let step = node["step"]?.number,
              let baseline = baselineNode.number
        else {
            if baselineNode.scalar != nil, baselineNode.number == nil {
                diagnostics.append(.error(
                    .wrongType, "the baseline of the \(kind.rawValue) lever '\(id.value)' must be a number", at: baselineNode.location))
            }
            return nil
        }
        lever.min = min
        lever.max = max
        lever.step = step
        lever.baseline = baseline
        if min > max {
            diagnostics.append(.error(
                .outOfRange, "the lever '\(id.value)' has min \(formatNumber(min)) above max \(formatNumber(max))",
                at: node["min"]!.location))
            return nil
        }
        if step <= 0 {
            diagnostics.append(.error(.outOfRange, "the step of '\(id.value)' must be above 0", at: node["step"]!.location))
            return nil
        }
        func written(_ key: String) -> String { node[key]?.scalar?.value ?? "?" }
        if lever.flex, lever.gridCount > limits.maxGridPoints {
            diagnostics.append(.error(
                .outOfRange,
                "the flex lever '\(id.value)' has \(lever.gridCount) settings (\(written("min")) to \(written("max")) in steps of \(written("step"))), more than the \(limits.maxGridPoints) the balancer searches",
                at: node["step"]!.location, hint: "use a coarser step, or raise limits.max_grid_points in adviser.yaml (docs/limits.md)"))
        }
        if baseline < min || baseline > max {
            diagnostics.append(.error(
                .outOfRange,
                "the baseline \(formatNumber(baseline)) of '\(id.value)' is outside \(formatNumber(min))..\(formatNumber(max))",
                at: baselineNode.location))
        } else if !lever.isOnGrid(baseline) {
            diagnostics.append(.error(
                .offGrid,
                "the baseline \(formatNumber(baseline)) of '\(id.value)' is not on its grid (\(formatNumber(min)) in steps of \(formatNumber(step)))",
                at: baselineNode.location, hint: "the nearest grid value is \(formatNumber(lever.snapToGrid(baseline)))"))
        }
        if let costNode {
            if let value = costNode.number {
                lever.costPerUnit = value
            } else if costNode.mapping != nil {
                diagnostics.append(.error(
                    .wrongType, "the cost of a \(kind.rawValue) lever is one number per unit", at: costNode.location,
                    hint: "write cost: 35 (cost to serve per \(lever.unit ?? "unit"))"))
            }
        }
        return lever
    }
}
