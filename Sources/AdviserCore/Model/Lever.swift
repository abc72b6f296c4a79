/// Something about an offering that can be turned up or down: price, scope, payment terms, tier…
public struct Lever: Sendable {
    /// How a lever's setting is measured.
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        /// A quantity on a grid (days, months, hours).
        case number
        /// What the client pays, on a grid; counts as revenue in margins.
        case price
        /// An ordered list of named levels (basic < standard < premium).
        case level
    }

    package var id: String
    package var name: String {
        get { details.fields.name }
        set { update { $0.name = newValue } }
    }
    package var kind: Kind
    package var unit: String? {
        get { details.fields.unit }
        set { update { $0.unit = newValue } }
    }
    package var doc: String? {
        get { details.fields.doc }
        set { update { $0.doc = newValue } }
    }
    /// Number and price levers: baseline, bounds and grid step.
    package var baseline: Double
    package var min: Double
    package var max: Double
    package var step: Double
    /// Level levers: the levels in increasing order; `baseline` etc. are then level indexes.
    package var levels: [String] {
        get { details.fields.levels }
        set { update { $0.levels = newValue } }
    }
    /// Cost to serve: per unit of a number lever, or per level of a level lever.
    package var costPerUnit: Double?
    package var levelCosts: [String: Double] {
        get { details.fields.levelCosts }
        set { update { $0.levelCosts = newValue } }
    }
    /// May the balancer move this lever to hold value?
    package var flex: Bool
    /// The quantity lever (seats, users, sites) this lever's price and cost are per unit of; nil:
    /// per client. Revenue and cost then scale with the quantity the segment buys.
    package var per: String? {
        get { details.fields.per }
        set { update { $0.per = newValue } }
    }
    /// How far the balancer may move this lever in one review, from today's setting; nil: no limit.
    package var maxMove: MoveLimit? {
        get { details.fields.maxMove }
        set { update { $0.maxMove = newValue } }
    }
    package var location: SourceLocation {
        get { details.fields.location }
        set { update { $0.location = newValue } }
    }

    package init(
        id: String, name: String, kind: Kind, unit: String? = nil, doc: String? = nil, baseline: Double, min: Double,
        max: Double, step: Double, levels: [String] = [], costPerUnit: Double? = nil, levelCosts: [String: Double] = [:],
        flex: Bool, location: SourceLocation
    ) {
        self.id = id
        self.details = SharedFields(Fields(name: name, unit: unit, doc: doc, levels: levels, levelCosts: levelCosts, location: location))
        self.kind = kind
        self.baseline = baseline
        self.min = min
        self.max = max
        self.step = step
        self.costPerUnit = costPerUnit
        self.flex = flex
    }

    /// How far a lever may move in one review.
    package enum MoveLimit: Hashable, Sendable, CustomStringConvertible {
        /// A share of today's setting: `percent(10)` is 10 % up or down.
        case percent(Double)
        /// Units of the lever (levels, for a level lever).
        case units(Double)

        /// The largest move allowed from `today`.
        package func allowance(from today: Double) -> Double {
            switch self {
            case .percent(let p): abs(today) * p / 100
            case .units(let u): u
            }
        }

        package var description: String {
            switch self {
            case .percent(let p): formatNumber(p) + "%"
            case .units(let u): formatNumber(u)
            }
        }
    }

    // The strings and collections live in one shared, immutable box, the id and the numbers
    // inline: advice takes levers out of their offering many times per piece (for each
    // adjustment, each value term, each outcome), and a copy then costs one retain where the
    // fields cost seven. The id stays out of the box because levers are looked up by it, and
    // reading each through its box cost a cache miss per lever.
    private struct Fields: Sendable {
        var name: String, unit: String?, doc: String?, levels: [String], levelCosts: [String: Double]
        var location: SourceLocation
        var per: String? = nil
        var maxMove: MoveLimit? = nil
    }

    private var details: SharedFields<Fields>

    private mutating func update(_ change: (inout Fields) -> Void) { details = details.updated(change) }

    /// Every setting the lever can take, in increasing order (level levers: level indexes): min,
    /// min + step, … and the maximum itself, even when the step does not land on it. Rules and the
    /// balancer share this one grid, so a rule can reach no setting the balancer cannot weigh.
    /// Build it only when `gridCount` is reasonable: a lever from 0 to 1e15 in steps of 0.001 is
    /// valid YAML and would otherwise be an allocation of petabytes.
    package var grid: [Double] {
        if kind == .level { return levels.indices.map(Double.init) }
        guard step > 0, max >= min else { return [min] }
        let stepped = steppedCount
        var grid = (0..<stepped).map { snap(min + Double($0) * step) }
        if stepped < gridCount { grid.append(max) }
        return grid
    }

    /// How many settings the lever has, counted without building them; saturates at 10^15, so that
    /// no min, max and step (finite, as the loader guarantees, or not) can trap.
    package var gridCount: Int {
        if kind == .level { return levels.count }
        guard step > 0, max >= min else { return 1 }
        let stepped = steppedCount
        guard stepped < 1_000_000_000_000_000 else { return stepped }
        return maxIsOffStep ? stepped + 1 : stepped
    }

    /// Settings min + k × step up to max.
    private var steppedCount: Int {
        let count = ((max - min) / step + 1e-9).rounded(.down) + 1
        guard count.isFinite, count < 1e15 else { return 1_000_000_000_000_000 }
        return Int(count)
    }

    /// Whether the maximum lies between two steps (min 2, step 4, max 20): it is a setting of its own.
    private var maxIsOffStep: Bool {
        let last = snap(min + Double(steppedCount - 1) * step)
        return max - last > 1e-9 * Swift.max(1, abs(max))
    }

    /// The grid settings within `range`, in increasing order, without building the rest of the
    /// grid. Check `gridCount(within:)` first: a wide range of a fine grid is a large array.
    package func grid(within range: ClosedRange<Double>) -> [Double] {
        if kind == .level { return levels.indices.map(Double.init).filter { range.lowerBound - 1e-9 <= $0 && $0 <= range.upperBound + 1e-9 } }
        guard step > 0, max >= min else { return range.contains(min) ? [min] : [] }
        guard let (first, last, withMax) = positions(within: range) else { return [] }
        var settings = first <= last ? (first...last).map { snap(min + Double($0) * step) } : []
        if withMax { settings.append(max) }
        return settings
    }

    /// How many grid settings lie within `range` (saturating like `gridCount`).
    package func gridCount(within range: ClosedRange<Double>) -> Int {
        if kind == .level { return grid(within: range).count }
        guard step > 0, max >= min else { return range.contains(min) ? 1 : 0 }
        guard let (first, last, withMax) = positions(within: range) else { return 0 }
        return Swift.max(0, last - first + 1) + (withMax ? 1 : 0)
    }

    /// The first and last step positions within `range`, and whether an off-step maximum is in it.
    private func positions(within range: ClosedRange<Double>) -> (first: Int, last: Int, withMax: Bool)? {
        let dust = 1e-9 * Swift.max(1, abs(max))
        let low = Swift.max(range.lowerBound, min), high = Swift.min(range.upperBound, max)
        guard low <= high + dust else { return nil }
        let firstStep = ((low - min) / step - 1e-9).rounded(.up)
        let lastStep = Swift.min(((high - min) / step + 1e-9).rounded(.down), Double(steppedCount - 1))
        guard firstStep.isFinite, lastStep.isFinite, firstStep < 1e15, lastStep < 1e15 else { return nil }
        let withMax = maxIsOffStep && max <= high + dust && max >= low - dust
        return (Int(firstStep), Int(lastStep), withMax)
    }

    /// The grid position of a setting on the grid (nil when it is not on it).
    package func gridIndex(of value: Double) -> Int? {
        guard isOnGrid(value) else { return nil }
        if kind == .level { return Int(value.rounded()) }
        guard step > 0 else { return 0 }
        let k = Int(((value - min) / step).rounded())
        return Swift.min(k, gridCount - 1)
    }

    /// Nearest grid setting to `value`, within bounds; halfway between two settings, the higher.
    package func snapToGrid(_ value: Double) -> Double {
        let clamped = Swift.min(Swift.max(value, min), max)
        if kind == .level { return clamped.rounded() }
        guard step > 0 else { return clamped }
        let steps = ((clamped - min) / step).rounded()
        var stepped = snap(min + steps * step)
        if stepped > max {
            // Past the maximum by more than dust: the last step below it.
            stepped = stepped - max <= 1e-9 * Swift.max(1, abs(max)) ? max : snap(min + (steps - 1) * step)
        }
        // The maximum is a setting of its own when the step does not land on it.
        if maxIsOffStep && max - clamped <= abs(clamped - stepped) { return max }
        return stepped
    }

    /// Removes floating-point dust (0.1 + 0.2) so grid settings print and compare cleanly.
    private func snap(_ value: Double) -> Double {
        (value * 1e9).rounded() / 1e9
    }

    /// Is `value` on the grid (within floating-point dust)?
    package func isOnGrid(_ value: Double) -> Bool {
        abs(snapToGrid(value) - value) < 1e-9 * Swift.max(1, abs(value))
    }

    /// A setting in the lever's own words: `4800`, `standard`.
    package func display(_ value: Double) -> String {
        if kind == .level {
            let index = Int(value.rounded())
            return levels.indices.contains(index) ? levels[index] : formatNumber(value)
        }
        return formatNumber(value)
    }

    /// A setting with its unit, as a sentence says it: `4 hours`, `1 hour/year` (units are written
    /// in the plural in the workspace), `phone` (a level has no unit).
    package static func phrase(_ text: String, unit: String?, kind: Kind) -> String {
        guard kind != .level, var unit else { return text }
        if text == "1" || text == "-1" {
            let parts = unit.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            if let first = parts.first, first.count > 2, first.hasSuffix("s"), !first.hasSuffix("ss") {
                unit = String(first.dropLast()) + (parts.count > 1 ? "/" + parts[1] : "")
            }
        }
        return "\(text) \(unit)"
    }

    /// A setting with its unit: `4 hours`, `phone`.
    package func phrase(_ value: Double) -> String { Self.phrase(display(value), unit: unit, kind: kind) }

    /// The cost to serve at a setting (0 when none declared).
    package func cost(at value: Double) -> Double {
        if kind == .level {
            let index = Int(value.rounded())
            return levels.indices.contains(index) ? levelCosts[levels[index]] ?? 0 : 0
        }
        return (costPerUnit ?? 0) * value
    }

    package var declaresCost: Bool { costPerUnit != nil || !levelCosts.isEmpty }

    /// What a rule's adjustment asks for (before bounds and grid), measured from `today` (the
    /// segment's setting, or the baseline); `snapToGrid` of it is the setting the lever gets.
    package func asked(by change: Adjustment, from today: Double) -> Double {
        switch change {
        case .byPercent(let p): today * (1 + p / 100)
        case .byUnits(let u): today + u
        case .toValue(let v): v
        case .toLevel(let name): Double(levels.firstIndex(of: name) ?? Int(today))
        }
    }
}
