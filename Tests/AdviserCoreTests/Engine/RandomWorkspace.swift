@testable import AdviserCore
import AdviserTestSupport

/// Random workspaces within the documented format, for property tests of the engine: two
/// offerings with small grids (so brute force over every setting stays cheap), one segment that
/// says what it buys and bounds some levers, and rules that adjust, pin, emphasize and talk.
/// Seeded, so every failure replays; written as YAML and loaded as `adviser` loads it, so every
/// workspace is one a user could write (and validates without errors).
///
/// What it mixes in, each often enough to matter: a segment's `buys:` (or none), `bounds:` on or
/// between grid settings, levers with `max_move` (percent and units), off-step maxima (min 2,
/// step 4, max 20), quantity levers with prices and costs `per:` them, level levers, protected
/// drivers, emphasis above and below 1, talking points about drivers and kinds, `to:` at an
/// off-step maximum, rules naming `offerings:`, pins and adjustments of one lever at the same
/// and different priorities, conditions that do not hold, and every `balance:` objective.
struct RandomWorkspace {
    var rng: SplitMix64
    static let here = SourceLocation(file: "random.yaml", line: 1, column: 1)

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
    }

    mutating func double(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &rng) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func bool() -> Bool { Bool.random(using: &rng) }
    /// True once in `n` times.
    mutating func oneIn(_ n: Int) -> Bool { int(1...n) == 1 }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }

    /// A random workspace, loaded.
    mutating func workspace() -> Workspace {
        let spec = spec()
        switch spec.load() {
        case .success(let workspace): return workspace
        case .failure(let failure): fatalError("a random workspace does not load: \(failure.errors)\n\(spec.yaml)")
        }
    }

    mutating func spec() -> WorkspaceSpec {
        var offerings = [offering("a"), offering("b")]
        // Now and then offering b has a lever of a's id on its own scale: one id, two ranges.
        if oneIn(4), let lever = offerings[0].levers.first(where: { $0.kind != .level && $0.per == nil && $0.unit != "users" }) {
            offerings[1].levers.append(rescaled(lever))
        }
        let shared = Set(offerings[0].levers.map(\.id)).intersection(offerings[1].levers.map(\.id))
        var segment = WorkspaceSpec.SegmentSpec(drivers: [], buys: nil, bounds: [])
        // What the segment has today, then bounds around it (validate wants today within them).
        var today: [String: String] = [:]
        if !oneIn(3) {
            var buys: [(offering: String, settings: [(lever: String, setting: String)])] = []
            for offering in offerings where buys.isEmpty || !oneIn(4) {
                var settings: [(lever: String, setting: String)] = []
                for lever in offering.levers where bool() {
                    let setting = pick(Self.grid(lever))
                    settings.append((lever.id, setting))
                    today[lever.id] = setting
                }
                buys.append((offering.id, settings))
            }
            segment.buys = buys
        }
        for offering in offerings {
            for lever in offering.levers where !shared.contains(lever.id) && oneIn(4) {
                segment.bounds.append(bound(lever, today: today[lever.id] ?? lever.baseline))
            }
        }
        let plain = offerings[0].levers + offerings[1].levers.filter { !shared.contains($0.id) }
        let own = offerings[1].levers.filter { shared.contains($0.id) }.map { (offering: offerings[1].id, lever: $0) }
        segment.drivers = (1...int(3...6)).map { driver($0, levers: plain, own: own) }
        let rules = (1...int(1...8)).map { rule($0, offerings: offerings, drivers: segment.drivers) }
        // Now and then one lever shape that rules and the balancer must read alike.
        if oneIn(3) {
            let index = int(0...offerings[0].levers.count - 1)
            if offerings[0].levers[index].kind != .level, offerings[0].levers[index].per == nil, segment.buys == nil,
               !segment.bounds.contains(where: { $0.lever == offerings[0].levers[index].id }) {
                offerings[0].levers[index].min = 2
                offerings[0].levers[index].step = 4
                offerings[0].levers[index].max = 20
                offerings[0].levers[index].baseline = pick(["14", "18", "20"])
                return finish(offerings: offerings, segment: regrid(segment, offerings), rules: rules)
            }
        }
        return finish(offerings: offerings, segment: segment, rules: rules)
    }

    private mutating func finish(
        offerings: [WorkspaceSpec.OfferingSpec], segment: WorkspaceSpec.SegmentSpec, rules: [WorkspaceSpec.RuleSpec]
    ) -> WorkspaceSpec {
        let orders = [["margin", "fewest-levers", "smallest-move"], ["margin", "smallest-move", "fewest-levers"],
                      ["fewest-levers", "margin", "smallest-move"], ["fewest-levers", "smallest-move", "margin"],
                      ["smallest-move", "margin", "fewest-levers"], ["smallest-move", "fewest-levers", "margin"]]
        let written = oneIn(5)
        let prefer: [String]? = written ? nil : Array(pick(orders).prefix(int(1...3)))
        return WorkspaceSpec(
            tolerance: pick([0.002, 0.005, 0.01, 0.03]), hold: written ? nil : pick(["band", "at-least"]), prefer: prefer,
            offerings: offerings, segment: segment, rules: rules)
    }

    /// Curves and settings re-read after a lever's grid changed under them.
    private mutating func regrid(_ segment: WorkspaceSpec.SegmentSpec, _ offerings: [WorkspaceSpec.OfferingSpec]) -> WorkspaceSpec.SegmentSpec {
        var segment = segment
        let levers = offerings.flatMap(\.levers)
        for d in segment.drivers.indices {
            for r in segment.drivers[d].reliefs.indices {
                // `offering.lever` for one offering's own curve, else the lever id.
                let name = segment.drivers[d].reliefs[r].lever.split(separator: ".").map(String.init)
                let lever = name.count == 2
                    ? offerings.first { $0.id == name[0] }!.levers.first { $0.id == name[1] }!
                    : levers.first { $0.id == name[0] }!
                segment.drivers[d].reliefs[r].points = curve(lever)
            }
        }
        return segment
    }

    // MARK: - Offerings

    private mutating func offering(_ id: String) -> WorkspaceSpec.OfferingSpec {
        var levers: [WorkspaceSpec.LeverSpec] = []
        let quantity = oneIn(2) ? "\(id)-seats" : nil
        if let quantity {
            let max = Double(int(3...40))
            levers.append(.init(
                id: quantity, kind: .number, unit: "users", min: 1, max: max, step: 1, baseline: WorkspaceSpec.number(Double(int(1...Int(max)))),
                cost: oneIn(3) ? Double(int(0...4)) : nil, flex: bool()))
        }
        for n in 1...int(2...5) {
            levers.append(lever("\(id)\(n)", quantity: quantity))
        }
        return .init(id: "offer-\(id)", levers: levers)
    }

    private mutating func lever(_ id: String, quantity: String?) -> WorkspaceSpec.LeverSpec {
        if oneIn(4) {
            let levels = Array(["basic", "plus", "pro", "max"].prefix(int(2...4)))
            var lever = WorkspaceSpec.LeverSpec(id: id, kind: .level, levels: levels, baseline: pick(levels), flex: !oneIn(4))
            if bool() { lever.levelCosts = Dictionary(uniqueKeysWithValues: levels.map { ($0, Double(int(0...40))) }) }
            if oneIn(4) { lever.maxMove = "1" }
            if let quantity, oneIn(3) { lever.per = quantity }
            return lever
        }
        let kind: Lever.Kind = bool() ? .price : .number
        let step = pick([1.0, 0.5, 5, 10, 4])
        let count = int(2...6)
        let min = step * Double(int(0...10))
        var max = min + Double(count) * step
        // The maximum between two steps: a setting of its own.
        if oneIn(4) { max += step / 2 }
        var lever = WorkspaceSpec.LeverSpec(
            id: id, kind: kind, unit: kind == .price ? "EUR" : "hours", min: min, max: max, step: step, baseline: "", flex: !oneIn(4))
        lever.baseline = pick(Self.grid(lever))
        if kind == .number || oneIn(3) { lever.cost = bool() ? Double(int(0...6)) / 2 : nil }
        if oneIn(3) { lever.maxMove = bool() ? "\(pick([10, 25, 50]))%" : WorkspaceSpec.number(step * Double(int(1...2))) }
        if let quantity, kind == .price ? !oneIn(3) : oneIn(3) { lever.per = quantity }
        return lever
    }

    /// The same lever ten times larger (a price per user and per site, say): one id, two ranges.
    private mutating func rescaled(_ lever: WorkspaceSpec.LeverSpec) -> WorkspaceSpec.LeverSpec {
        var copy = lever
        copy.min *= 10
        copy.max *= 10
        copy.step *= 10
        copy.baseline = pick(Self.grid(copy))
        if copy.maxMove?.hasSuffix("%") == false { copy.maxMove = WorkspaceSpec.number(Double(copy.maxMove!)! * 10) }
        return copy
    }

    /// Every setting of a lever as written: min, min + step, … and an off-step max.
    static func grid(_ lever: WorkspaceSpec.LeverSpec) -> [String] {
        lever.kind == .level ? lever.levels : ReferenceAdvice.grid(min: lever.min, max: lever.max, step: lever.step).map(WorkspaceSpec.number)
    }

    /// A segment's bound that keeps `today` inside: on a grid setting, or between two.
    private mutating func bound(_ lever: WorkspaceSpec.LeverSpec, today: String) -> WorkspaceSpec.BoundSpec {
        let grid = Self.grid(lever)
        let at = grid.firstIndex(of: today)!
        var bound = WorkspaceSpec.BoundSpec(lever: lever.id)
        let between = lever.kind != .level && oneIn(3)
        if bool() || at == grid.count - 1 {
            let low = int(0...at)
            if low < at || !oneIn(2) {
                bound.min = between && low < at ? WorkspaceSpec.number(Double(grid[low])! + lever.step / 2) : grid[low]
            }
        }
        if bound.min == nil || bool() {
            let high = int(at...grid.count - 1)
            bound.max = between && high > at ? WorkspaceSpec.number(Double(grid[high])! - lever.step / 4) : grid[high]
        }
        return bound
    }

    // MARK: - Segment

    /// A driver relieved by some of `levers` (one curve per id) and of `own`, the levers an
    /// offering shares by id but reads on its own scale (an `offering.lever` curve).
    private mutating func driver(
        _ n: Int, levers: [WorkspaceSpec.LeverSpec], own: [(offering: String, lever: WorkspaceSpec.LeverSpec)]
    ) -> WorkspaceSpec.DriverSpec {
        var reliefs: [WorkspaceSpec.ReliefSpec] = []
        for lever in levers where bool() {
            reliefs.append(.init(lever: lever.id, points: curve(lever)))
        }
        for (offering, lever) in own where bool() {
            reliefs.append(.init(lever: "\(offering).\(lever.id)", points: curve(lever)))
        }
        return .init(id: "d\(n)", kind: pick(Driver.Kind.allCases), importance: Double(int(1...5)), protected: oneIn(5), reliefs: reliefs)
    }

    /// Relief on a lever: one for every level, or 2–4 points inside the lever's range, mostly
    /// rising or falling, with flat stretches now and then (ties for the tie-breaks).
    private mutating func curve(_ lever: WorkspaceSpec.LeverSpec) -> [(String, Double)] {
        let grid = Self.grid(lever)
        let rising = bool()
        let xs = lever.kind == .level
            ? grid
            : Array(Set((0..<int(2...4)).map { _ in int(0...grid.count - 1) })).sorted().map { grid[$0] }
        let count = max(xs.count - 1, 1)
        return xs.enumerated().map { i, x in
            let trend = Double(rising ? i : count - i) / Double(count)
            let relief = oneIn(5) ? 0.5 : min(1, max(0, ((trend * 0.8 + double(0...0.2)) * 100).rounded() / 100))
            return (x, relief)
        }
    }

    // MARK: - Rules

    private mutating func rule(_ n: Int, offerings: [WorkspaceSpec.OfferingSpec], drivers: [WorkspaceSpec.DriverSpec]) -> WorkspaceSpec.RuleSpec {
        let levers = offerings.flatMap(\.levers)
        var actions: [WorkspaceSpec.ActionSpec] = []
        var used: Set<String> = []
        for _ in 1...int(1...3) {
            switch int(0...9) {
            case 0...4:
                // Mostly levers the balancer leaves alone, so that it has levers to move.
                let fixed = levers.filter { !$0.flex }
                let lever = fixed.isEmpty || bool() ? pick(levers) : pick(fixed)
                guard used.insert(lever.id).inserted else { continue }
                actions.append(adjustment(lever))
            case 5:
                let lever = pick(levers)
                guard used.insert(lever.id).inserted else { continue }
                actions.append(.pin(lever: lever.id))
            case 6...7:
                actions.append(.emphasize(target: target(drivers), times: pick([0.5, 0.8, 1.5, 2, 3])))
            default:
                actions.append(.say(text: "Point \(n).\(actions.count + 1).", about: oneIn(4) ? nil : target(drivers)))
            }
        }
        if actions.isEmpty { actions.append(.say(text: "Point \(n).", about: nil)) }
        let named: [String] = switch int(0...7) {
        case 0: [offerings[0].id]
        case 1: [offerings[1].id]
        case 2: offerings.map(\.id)
        default: []
        }
        return .init(id: "r\(n)", when: oneIn(8) ? "false" : "true", priority: int(0...2), offerings: named, actions: actions)
    }

    private mutating func target(_ drivers: [WorkspaceSpec.DriverSpec]) -> String {
        bool() ? pick(drivers).id : pick(Driver.Kind.allCases).rawValue
    }

    private mutating func adjustment(_ lever: WorkspaceSpec.LeverSpec) -> WorkspaceSpec.ActionSpec {
        if lever.kind == .level {
            return bool() ? .adjust(lever: lever.id, by: pick(["-2", "-1", "1", "2"]), to: nil) : .adjust(lever: lever.id, by: nil, to: pick(lever.levels))
        }
        switch int(0...5) {
        case 0, 1:
            return .adjust(lever: lever.id, by: "\(pick([-50, -25, -10, -5, 10, 25, 50]))%", to: nil)
        case 2:
            return .adjust(lever: lever.id, by: WorkspaceSpec.number(lever.step * Double(pick([-3, -2, -1, 1, 2, 3]))), to: nil)
        case 3:
            // The maximum (off-step or not) and beyond it: clamped.
            return .adjust(lever: lever.id, by: nil, to: WorkspaceSpec.number(bool() ? lever.max : lever.max + lever.step))
        default:
            // A grid setting, or between two.
            let grid = Self.grid(lever)
            let setting = Double(pick(grid))! + (oneIn(3) ? lever.step / 2 : 0)
            return .adjust(lever: lever.id, by: nil, to: WorkspaceSpec.number(setting))
        }
    }
}
