@_spi(Fuzzing) @testable import AdviserCore

/// A small workspace as plain values — offerings, one segment, one ruleset, settings — written
/// out as the YAML files a user would write and loaded the way `adviser` loads them. Random
/// workspaces are made of these (`RandomWorkspace`), and a failing one is shrunk
/// (`WorkspaceSpec+Shrinking.swift`) and printed as YAML, ready to drop into a folder.
struct WorkspaceSpec: Sendable {
    struct LeverSpec: Sendable {
        var id: String
        var kind: Lever.Kind
        var unit: String?
        /// Number and price levers.
        var min = 0.0, max = 0.0, step = 1.0
        /// Level levers, lowest first.
        var levels: [String] = []
        /// A number, or a level's name.
        var baseline: String
        var cost: Double?
        var levelCosts: [String: Double] = [:]
        var flex: Bool
        var per: String?
        /// As written: `10%` or `2`.
        var maxMove: String?
    }

    struct OfferingSpec: Sendable {
        var id: String
        var levers: [LeverSpec]
    }

    struct ReliefSpec: Sendable {
        var lever: String
        /// Setting (a number or a level, as written) → relief, in the order written.
        var points: [(String, Double)]
    }

    struct DriverSpec: Sendable {
        var id: String
        var kind: Driver.Kind
        var importance: Double
        var protected: Bool
        var reliefs: [ReliefSpec]
    }

    struct BoundSpec: Sendable {
        var lever: String
        var min: String?
        var max: String?
    }

    struct SegmentSpec: Sendable {
        var id = "seg"
        var drivers: [DriverSpec]
        /// Offering id → lever id → setting as written; nil: no `buys:` (every offering, at its baseline).
        var buys: [(offering: String, settings: [(lever: String, setting: String)])]?
        var bounds: [BoundSpec]
    }

    enum ActionSpec: Sendable {
        /// `by:` or `to:` as written (`-10%`, `+4`, `20`, `plus`).
        case adjust(lever: String, by: String?, to: String?)
        case pin(lever: String)
        case emphasize(target: String, times: Double)
        case say(text: String, about: String?)

        var lever: String? {
            switch self {
            case .adjust(let lever, _, _), .pin(let lever): lever
            case .emphasize, .say: nil
            }
        }
    }

    struct RuleSpec: Sendable {
        var id: String
        var when: String
        var priority: Int
        var offerings: [String]
        var actions: [ActionSpec]
    }

    var tolerance: Double
    /// `balance.hold` and `balance.prefer` as written; nil: left out.
    var hold: String?
    var prefer: [String]?
    var offerings: [OfferingSpec]
    var segment: SegmentSpec
    var rules: [RuleSpec]

    // MARK: - Files

    /// The workspace's files, by path inside the workspace.
    var files: [(path: String, text: String)] {
        var files: [(path: String, text: String)] = []
        var settings = "name: Random\ndefault_scenario: now\nvalue_tolerance: \(Self.number(tolerance))\n"
        if hold != nil || prefer != nil {
            settings += "balance:\n"
            if let hold { settings += "  hold: \(hold)\n" }
            if let prefer { settings += "  prefer: [\(prefer.joined(separator: ", "))]\n" }
        }
        files.append(("adviser.yaml", settings))
        files.append(("facts.yaml", "facts: []\n"))
        files.append(("scenarios/now.yaml", "id: now\nname: Now\nmarket: {}\n"))
        for offering in offerings {
            files.append(("offerings/\(offering.id).yaml", Self.yaml(offering)))
        }
        files.append(("segments/\(segment.id).yaml", Self.yaml(segment)))
        files.append(("rules/random.yaml", Self.yaml(rules)))
        return files
    }

    /// Every file, each under a `# path` line: a reproduction to read or to split into a folder.
    var yaml: String {
        files.map { "# \($0.path)\n\($0.text)" }.joined(separator: "\n")
    }

    /// Loads the files as `adviser` does (read, then checked); nil with the errors when they have any.
    func load() -> Result<Workspace, LoadFailure> {
        var bytes: [String: [UInt8]] = [:]
        for file in files { bytes[file.path] = Array(file.text.utf8) }
        let outcome = WorkspaceLoader().load(files: bytes, root: "random")
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { return .failure(LoadFailure(errors: errors.map { "\($0.location): \($0.message)" })) }
        return .success(outcome.workspace)
    }

    struct LoadFailure: Error {
        var errors: [String]
    }

    // MARK: - Writing YAML

    /// A number as a workspace file writes it: `20`, `2.5`, `-10`.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func yaml(_ offering: OfferingSpec) -> String {
        var text = "id: \(offering.id)\nname: Offering \(offering.id)\nlevers:\n"
        for lever in offering.levers {
            text += "  - id: \(lever.id)\n    kind: \(lever.kind.rawValue)\n"
            if let unit = lever.unit { text += "    unit: \(unit)\n" }
            if lever.kind == .level {
                text += "    levels: [\(lever.levels.joined(separator: ", "))]\n"
            } else {
                text += "    min: \(number(lever.min))\n    max: \(number(lever.max))\n    step: \(number(lever.step))\n"
            }
            text += "    baseline: \(lever.baseline)\n"
            if let cost = lever.cost { text += "    cost: \(number(cost))\n" }
            if !lever.levelCosts.isEmpty {
                let costs = lever.levels.compactMap { level in lever.levelCosts[level].map { "\(level): \(number($0))" } }
                text += "    cost: {\(costs.joined(separator: ", "))}\n"
            }
            if lever.flex { text += "    flex: true\n" }
            if let per = lever.per { text += "    per: \(per)\n" }
            if let maxMove = lever.maxMove { text += "    max_move: \(maxMove)\n" }
        }
        return text
    }

    private static func yaml(_ segment: SegmentSpec) -> String {
        var text = "id: \(segment.id)\nname: Segment \(segment.id)\nsize: sme\n"
        if let buys = segment.buys {
            text += "buys:\n"
            for purchase in buys {
                let settings = purchase.settings.map { "\($0.lever): \($0.setting)" }
                text += "  \(purchase.offering): {\(settings.joined(separator: ", "))}\n"
            }
        }
        if !segment.bounds.isEmpty {
            text += "bounds:\n"
            for bound in segment.bounds {
                let parts = [bound.min.map { "min: \($0)" }, bound.max.map { "max: \($0)" }].compactMap { $0 }
                text += "  \(bound.lever): {\(parts.joined(separator: ", "))}\n"
            }
        }
        text += "drivers:\n"
        for driver in segment.drivers {
            text += "  - id: \(driver.id)\n    kind: \(driver.kind.rawValue)\n    importance: \(number(driver.importance))\n"
            if driver.protected { text += "    protected: true\n" }
            text += "    relieved_by:\(driver.reliefs.isEmpty ? " {}" : "")\n"
            for relief in driver.reliefs {
                let points = relief.points.map { "\($0.0): \(number($0.1))" }
                text += "      \(relief.lever): {\(points.joined(separator: ", "))}\n"
            }
        }
        return text
    }

    private static func yaml(_ rules: [RuleSpec]) -> String {
        var text = "ruleset: random\nrules:\(rules.isEmpty ? " []" : "")\n"
        for rule in rules {
            text += "  - id: \(rule.id)\n    when: \(rule.when)\n    why: Because of \(rule.id).\n"
            if rule.priority != 0 { text += "    priority: \(rule.priority)\n" }
            if !rule.offerings.isEmpty { text += "    offerings: [\(rule.offerings.joined(separator: ", "))]\n" }
            text += "    then:\n"
            for action in rule.actions {
                switch action {
                case .adjust(let lever, let by, let to):
                    text += "      - adjust: \(lever)\n"
                    if let by { text += "        by: \(by)\n" }
                    if let to { text += "        to: \(to)\n" }
                case .pin(let lever):
                    text += "      - pin: \(lever)\n"
                case .emphasize(let target, let times):
                    text += "      - emphasize: \(target)\n        times: \(number(times))\n"
                case .say(let words, let about):
                    text += "      - say: \(words)\n"
                    if let about { text += "        about: \(about)\n" }
                }
            }
        }
        return text
    }
}
