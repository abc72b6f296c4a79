@testable import AdviserCore

/// What one advice should be, recomputed from the documentation alone (docs/rules.md: "Which
/// setting is a setting", "Which rules fire for which offering", "Priority, adjust and pin",
/// quantities, `buys:`, `bounds:`, `max_move`, `protected`; docs/value-model.md for the value
/// index), reading only the loaded workspace — never the engine. The balancer's optimum is
/// `ReferenceBalance`'s.
struct ReferenceAdvice {
    let offering: Offering
    let segment: Segment
    /// Each lever's settings (level levers: level positions), increasing.
    let grids: [[Double]]
    /// `buys:`, else the baseline.
    let today: [Double]
    /// The lever's bounds narrowed by the segment's.
    let allowed: [ClosedRange<Double>]
    /// For each lever, the position of the quantity it is `per`.
    let quantityOf: [Int?]
    /// The driver's curves over this offering's levers, by driver position.
    let curves: [[(lever: Int, curve: ReliefCurve)]]

    private(set) var afterRules: [Double]
    /// The rule that owns each lever (adjusted it first, or pinned it), with its priority.
    private(set) var owner: [(rule: String, priority: Int)?]
    private(set) var pinned: [Bool]
    /// Rules that count for the offering, in firing order.
    private(set) var fired: [String] = []
    /// Rules whose condition held that touched the offering, but every adjustment gave way.
    private(set) var overriddenOnly: Set<String> = []
    /// The rule of each talking point, in order.
    private(set) var talkingPoints: [String] = []
    /// Adjustments that gave way: lever, rule, owner.
    private(set) var overridden: [(lever: String, rule: String, by: String)] = []
    /// Warnings the rules' adjustments earn: code, rule, lever.
    private(set) var warnings: [(code: AdviceWarningCode, rule: String, lever: String)] = []
    /// Emphasis factor by driver position.
    private(set) var emphasis: [Double]
    /// Why each driver may not be relieved less, by driver position.
    private(set) var protection: [[Protection]]

    init(workspace: Workspace, offering: Offering, segment: Segment) {
        self.offering = offering
        self.segment = segment
        let levers = offering.levers
        grids = levers.map(Self.grid)
        var today = levers.map(\.baseline)  // a level lever's baseline is its level's position
        if let purchase = segment.buys?.first(where: { $0.offering.value == offering.id }) {
            for assignment in purchase.settings {
                let index = levers.firstIndex { $0.id == assignment.lever.value }!
                switch assignment.value.value {
                case .number(let n): today[index] = n
                case .level(let name): today[index] = Double(levers[index].levels.firstIndex(of: name)!)
                }
            }
        }
        self.today = today
        allowed = levers.map { lever in
            var low = lever.kind == .level ? 0 : lever.min, high = lever.kind == .level ? Double(lever.levels.count - 1) : lever.max
            for bound in segment.bounds where bound.lever.value == lever.id {
                if let min = bound.min?.value { low = max(low, Self.position(min, lever)) }
                if let max = bound.max?.value { high = min(high, Self.position(max, lever)) }
            }
            return low...high
        }
        quantityOf = levers.map { lever in lever.per.flatMap { id in levers.firstIndex { $0.id == id } } }
        // An `offering.lever` curve replaces the plain one for that offering, and reads nowhere else.
        curves = segment.drivers.map { driver in
            driver.reliefs.compactMap { relief in
                if let own = relief.offering, own != offering.id { return nil }
                if relief.offering == nil, driver.reliefs.contains(where: { $0.offering == offering.id && $0.lever.value == relief.lever.value }) { return nil }
                return levers.firstIndex { $0.id == relief.lever.value }.map { ($0, relief.curve) }
            }
        }
        afterRules = today
        owner = Array(repeating: nil, count: levers.count)
        pinned = Array(repeating: false, count: levers.count)
        emphasis = Array(repeating: 1, count: segment.drivers.count)
        protection = segment.drivers.map { $0.protected ? [.declared] : [] }
        // Highest priority first; among equals, the order written.
        let rules = workspace.rules.enumerated().sorted { ($1.element.priority, $0.offset) < ($0.element.priority, $1.offset) }.map(\.element)
        for rule in rules where rule.when.combinedText == "true" && (rule.offerings.isEmpty || rule.offerings.contains { $0.value == offering.id }) {
            apply(rule)
        }
    }

    private mutating func apply(_ rule: Rule) {
        var touches = false, tookEffect = false, hasLeverActions = false
        for action in rule.actions {
            switch action {
            case .adjust(let id, let change):
                hasLeverActions = true
                guard let index = offering.levers.firstIndex(where: { $0.id == id.value }) else { continue }
                touches = true
                if adjust(index, change, by: rule) { tookEffect = true }
            case .pin(let id):
                hasLeverActions = true
                guard let index = offering.levers.firstIndex(where: { $0.id == id.value }) else { continue }
                touches = true
                tookEffect = true
                if owner[index] == nil { owner[index] = (rule.id, rule.priority) }
                pinned[index] = true
            case .emphasize, .say:
                break
            }
        }
        guard touches ? tookEffect : (!hasLeverActions || !rule.offerings.isEmpty) else {
            if touches { overriddenOnly.insert(rule.id) }
            return
        }
        fired.append(rule.id)
        for action in rule.actions {
            switch action {
            case .emphasize(let target, let factor):
                for d in segment.drivers.indices where Self.targets(target.value, segment.drivers[d]) {
                    emphasis[d] *= factor
                    if factor > 1 { protection[d].append(.emphasized(rule: rule.id)) }
                }
            case .say(_, let about, _):
                talkingPoints.append(rule.id)
                for d in segment.drivers.indices where about.map({ Self.targets($0.value, segment.drivers[d]) }) ?? false {
                    protection[d].append(.talkedAbout(rule: rule.id))
                }
            case .adjust, .pin:
                break
            }
        }
    }

    /// Whether the rule's setting stands.
    private mutating func adjust(_ index: Int, _ change: Adjustment, by rule: Rule) -> Bool {
        let lever = offering.levers[index]
        let from = today[index]
        let asked: Double = switch change {
        case .byPercent(let p): from * (1 + p / 100)
        case .byUnits(let u): from + u
        case .toValue(let v): v
        case .toLevel(let name): Double(lever.levels.firstIndex(of: name)!)
        }
        let range = allowed[index]
        let setting = Self.nearest(grids[index], to: min(max(asked, range.lowerBound), range.upperBound), within: range)
        if let owner = owner[index] {
            if setting == afterRules[index] { return true }
            if owner.priority == rule.priority { warnings.append((.conflict, rule.id, lever.id)) }
            overridden.append((lever.id, rule.id, owner.rule))
            return false
        }
        if asked < range.lowerBound - 1e-9 || asked > range.upperBound + 1e-9 {
            warnings.append((.clamped, rule.id, lever.id))
        } else if setting == from, abs(asked - from) > 1e-9 {
            warnings.append((.noChange, rule.id, lever.id))
        }
        if let limit = lever.maxMove, abs(setting - from) > Self.allowance(limit, from: from) + 1e-9 {
            warnings.append((.beyondMoveLimit, rule.id, lever.id))
        }
        afterRules[index] = setting
        owner[index] = (rule.id, rule.priority)
        return true
    }

    // MARK: - Settings

    /// min, min + step, … up to max, and max itself when the step does not land on it.
    static func grid(_ lever: Lever) -> [Double] {
        lever.kind == .level ? lever.levels.indices.map(Double.init) : grid(min: lever.min, max: lever.max, step: lever.step)
    }

    static func grid(min: Double, max: Double, step: Double) -> [Double] {
        var grid: [Double] = []
        var k = 0.0
        while min + k * step <= max + 1e-9 {
            grid.append(min + k * step)
            k += 1
        }
        if grid.last! < max - 1e-9 { grid.append(max) }
        return grid
    }

    /// The setting nearest `value` among those within `range`; halfway, the higher.
    static func nearest(_ grid: [Double], to value: Double, within range: ClosedRange<Double>) -> Double {
        let inside = grid.filter { $0 >= range.lowerBound - 1e-9 && $0 <= range.upperBound + 1e-9 }
        return (inside.isEmpty ? grid : inside).min { a, b in
            abs(a - value) != abs(b - value) ? abs(a - value) < abs(b - value) : a > b
        }!
    }

    private static func position(_ setting: LeverSetting, _ lever: Lever) -> Double {
        switch setting {
        case .number(let n): n
        case .level(let name): Double(lever.levels.firstIndex(of: name)!)
        }
    }

    static func allowance(_ limit: Lever.MoveLimit, from today: Double) -> Double {
        switch limit {
        case .percent(let p): abs(today) * p / 100
        case .units(let u): u
        }
    }

    static func targets(_ target: DriverTarget, _ driver: Driver) -> Bool {
        switch target {
        case .driver(let id): driver.id == id
        case .kind(let kind): driver.kind == kind
        }
    }

    /// The quantity levers: what some lever of the offering is `per`.
    var quantities: Set<Int> { Set(quantityOf.compactMap { $0 }) }

    /// Levers the balancer may move: flex, owned by no rule, not a quantity.
    var free: [Int] {
        offering.levers.indices.filter { offering.levers[$0].flex && owner[$0] == nil && !quantities.contains($0) }
    }

    /// The settings the balancer may give a free lever: today's, and every other one within the
    /// segment's bounds and the move limit that relieves no protected driver's curve less than today.
    func room(_ index: Int) -> [Double] {
        let lever = offering.levers[index]
        let now = today[index]
        let guarded = curves.indices.filter { !protection[$0].isEmpty }.flatMap { d in curves[d].filter { $0.lever == index }.map(\.curve) }
        return grids[index].filter { setting in
            if setting == now { return true }
            guard allowed[index].lowerBound - 1e-9 <= setting, setting <= allowed[index].upperBound + 1e-9 else { return false }
            if let limit = lever.maxMove, abs(setting - now) > Self.allowance(limit, from: now) + 1e-9 { return false }
            return guarded.allSatisfy { Self.relief($0, lever: lever, at: setting) >= Self.relief($0, lever: lever, at: now) - 1e-12 }
        }
    }

    // MARK: - Value and margin

    /// A curve at a setting: straight lines between points, flat beyond the ends; a level left out, 0.
    static func relief(_ curve: ReliefCurve, lever: Lever, at setting: Double) -> Double {
        switch curve {
        case .points(let points):
            if setting <= points.first!.value { return points.first!.relief }
            if setting >= points.last!.value { return points.last!.relief }
            let b = points.firstIndex { $0.value >= setting }!
            let a = points[b - 1], c = points[b]
            return a.relief + (c.relief - a.relief) * (setting - a.value) / (c.value - a.value)
        case .levels(let points):
            return points.first { $0.level == lever.levels[Int(setting)] }?.relief ?? 0
        }
    }

    /// The mean of the driver's curves at these settings (0 when no lever of the offering relieves it).
    func relief(ofDriver d: Int, at settings: [Double]) -> Double {
        guard !curves[d].isEmpty else { return 0 }
        return curves[d].reduce(0) { $0 + Self.relief($1.curve, lever: offering.levers[$1.lever], at: settings[$1.lever]) } / Double(curves[d].count)
    }

    /// Weights after the rules' emphasis, summing to 1.
    var weights: [Double] {
        let importance = segment.drivers.indices.map { segment.drivers[$0].importance * emphasis[$0] }
        let total = importance.reduce(0, +)
        return importance.map { $0 / total }
    }

    /// The value index (0…1) at these settings, under the emphasized weights.
    func value(_ settings: [Double]) -> Double {
        let weights = weights
        return segment.drivers.indices.reduce(0) { $0 + weights[$1] * relief(ofDriver: $1, at: settings) }
    }

    /// Lever `index`'s share of the value at `setting` (value is a sum of one term per lever:
    /// each driver's weight, shared among its curves, times the curve).
    func term(lever index: Int, at setting: Double, weights: [Double]) -> Double {
        let lever = offering.levers[index]
        return curves.indices.reduce(0) { sum, d in
            curves[d].reduce(sum) { $1.lever == index ? $0 + weights[d] / Double(curves[d].count) * Self.relief($1.curve, lever: lever, at: setting) : $0 }
        }
    }

    /// How far a setting is from today's, against today's setting (a level's position from 1), as
    /// `AdviceRun+Balance.swift` measures a move.
    func move(lever index: Int, to setting: Double) -> Double {
        let lever = offering.levers[index]
        let now = today[index]
        let scale = lever.kind == .level ? now + 1 : max(abs(now), lever.step)
        return abs(setting - now) / max(scale, 1e-12)
    }

    /// Revenue − cost to serve per client, each lever's times the quantity it is `per`.
    func margin(_ settings: [Double]) -> Double {
        offering.levers.indices.reduce(0) { sum, index in
            let lever = offering.levers[index]
            let units = quantityOf[index].map { settings[$0] } ?? 1
            let cost = lever.kind == .level ? lever.levelCosts[lever.levels[Int(settings[index])]] ?? 0 : (lever.costPerUnit ?? 0) * settings[index]
            return sum + ((lever.kind == .price ? settings[index] : 0) - cost) * units
        }
    }
}
