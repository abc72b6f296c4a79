import AdviserExpression

/// Where a numeric fact's rule firing changes, walking from the scenario's value up or down: a
/// grid over the fact's range at the finest decimal place the workspace writes (its conditions'
/// numbers, the scenario's value, the declared bounds), plus every such number itself; between two
/// grid values that fire differently, bisection finds the exact value where the first change
/// happens, and names it by its shortest decimal. Conditions are evaluated, not read, so a fact
/// inside arithmetic (`market.inflation * 2 > 7` flips above 3.5) or an `in` list counts too. A
/// condition that holds only at a single value the rules do not write (`x * 2 == 7`) can be missed.
struct NumericBoundarySearch {
    let probe: FiringProbe
    let now: Double
    let integer: Bool
    /// Ascending, within the declared range, including `now`.
    let grid: [Double]
    /// The numbers written in the conditions that read the fact.
    let written: Set<Double>

    /// At most this many grid values per fact: a coarser grid still finds every boundary between
    /// two values, only narrow windows rely on the written numbers being on the grid.
    static let maxGridValues = 2000

    struct Boundary {
        var direction: TippingPointAnalysis.TippingPoint.Direction
        /// Where the firing flips.
        var threshold: Double
        /// The value at which it is re-advised: the threshold, or just past it.
        var tested: Double
        var before: FiringProbe.Firing
        var after: FiringProbe.Firing
    }

    init(probe: FiringProbe, now: Double) {
        self.probe = probe
        self.now = now
        let fact = probe.fact
        integer = fact.kind == .integer
        var numbers: Set<Double> = []
        for index in probe.rules {
            let checked = probe.engine.rules[index].program.checked
            func walk(_ e: Expr) {
                if let n = e.numberLiteral { numbers.insert(n) }
                for child in e.children { walk(child) }
            }
            walk(checked.parsed.root)
        }
        written = numbers
        let known = numbers.union([now])
        let spread = Swift.max(1, known.max()! - known.min()!)
        let low = fact.min ?? known.min()! - spread
        let high = fact.max ?? known.max()! + spread
        let places = integer ? 0 : known.union([fact.min, fact.max].compactMap { $0 }).map(Self.decimalPlaces).max() ?? 0
        var step = 1.0, scale = 1.0
        for _ in 0..<places { scale *= 10 }
        step /= scale
        while (high - low) / step > Double(Self.maxGridValues) {
            step *= 10
            scale = Swift.max(1, scale / 10)
        }
        var values = known.filter { $0 >= low && $0 <= high }
        let first = (low / step).rounded(.up), last = (high / step).rounded(.down)
        var k = first
        while k <= last {
            // k / scale rather than k × step: 12 / 10 is exactly the literal 1.2, 12 × 0.1 is not.
            values.insert(step < 1 ? k / scale : k * step)
            k += 1
        }
        grid = values.sorted()
    }

    /// The boundaries met moving from `now` in `direction`, nearest first; each one's `before` is
    /// the previous one's `after`.
    func boundaries(_ direction: TippingPointAnalysis.TippingPoint.Direction) -> [Boundary] {
        let ahead = direction == .rises ? grid.filter { $0 > now } : grid.filter { $0 < now }.reversed()
        var state = probe.firing(at: .number(now))
        var position = now
        var found: [Boundary] = []
        var i = 0
        while i < ahead.count {
            let value = ahead[i]
            guard probe.firing(at: .number(value)) != state else {
                position = value
                i += 1
                continue
            }
            let boundary = locate(from: position, firing: state, to: value, direction: direction)
            found.append(boundary)
            state = boundary.after
            position = boundary.tested
            while i < ahead.count, direction == .rises ? ahead[i] <= position : ahead[i] >= position { i += 1 }
        }
        return found
    }

    /// The first change of firing between `near` (firing `state`) and `far` (firing otherwise).
    private func locate(from near: Double, firing state: FiringProbe.Firing, to far: Double,
                        direction: TippingPointAnalysis.TippingPoint.Direction) -> Boundary {
        let (same, other) = integer ? bisect(near, far, state: state, direction: direction) : refine(near, far, state: state, direction: direction)
        // The boundary lies between `same` and `other`: name it by the shortest decimal there.
        // Integers: the written one of the two ("rises above 6" rather than "reaches 7").
        let named = integer ? (written.contains(same) && !written.contains(other) ? same : other) : Self.shortestDecimal(between: same, and: other)
        let threshold: Double, tested: Double
        if probe.firing(at: .number(named)) != state {
            (threshold, tested) = (named, named)  // "reaches 3.5"
        } else {
            let step = integer ? 1 : Self.step(after: named)
            var scale = 1 / step
            if integer { scale = 1 }
            // Rounded to the step's place: 1.15 + 0.001 is 1.1509999999999998 in binary.
            let past = ((direction == .rises ? named + step : named - step) * scale).rounded() / scale
            let inRange = past >= (probe.fact.min ?? -.infinity) && past <= (probe.fact.max ?? .infinity)
            // Just past the named value, unless that crosses another boundary back: then the
            // bisection's own value.
            let usable = inRange && probe.firing(at: .number(past)) != state
            (threshold, tested) = (named, usable ? past : other)  // "rises above 6"
        }
        return Boundary(direction: direction, threshold: threshold, tested: tested, before: state, after: probe.firing(at: .number(tested)))
    }

    /// Narrows `same` (firing `state`) and `other` (firing otherwise) to two neighbours: integers,
    /// or doubles one ulp apart.
    private func bisect(_ near: Double, _ far: Double, state: FiringProbe.Firing,
                        direction: TippingPointAnalysis.TippingPoint.Direction) -> (same: Double, other: Double) {
        var (same, other) = (near, far)
        while true {
            let middle = integer ? ((same + other) / 2).rounded(direction == .rises ? .down : .up) : (same + other) / 2
            if middle == same || middle == other { return (same, other) }
            if probe.firing(at: .number(middle)) == state { same = middle } else { other = middle }
        }
    }

    /// Like `bisect`, but decimal place by decimal place, which ends in a probe or two for the
    /// usual boundary, one at a number the workspace writes: is the change just past `same`, or
    /// right at `other`? Else the first change among the values of the next decimal place between
    /// them narrows the bracket. Past nine places, bisection finishes (a boundary such as 1/3).
    private func refine(_ near: Double, _ far: Double, state: FiringProbe.Firing,
                        direction: TippingPointAnalysis.TippingPoint.Direction) -> (same: Double, other: Double) {
        var (same, other) = (near, far)
        var scale = 1.0
        while scale <= 1e9 {
            let justPast = direction == .rises ? same.nextUp : same.nextDown
            if probe.firing(at: .number(justPast)) != state { return (same, justPast) }
            let justBefore = direction == .rises ? other.nextDown : other.nextUp
            if probe.firing(at: .number(justBefore)) == state { return (justBefore, other) }
            // The values of the next decimal place strictly between the two, nearest first.
            while (other - same).magnitude * scale < 2 { scale *= 10 }
            let (low, high) = (Swift.min(same, other), Swift.max(same, other))
            var between: [Double] = []
            var k = (low * scale).rounded(.down) + 1
            while k / scale < high, between.count <= 20 {
                if k / scale > low { between.append(k / scale) }
                k += 1
            }
            if direction == .falls { between.reverse() }
            var next = same
            for value in between {
                if probe.firing(at: .number(value)) != state {
                    other = value
                    break
                }
                next = value
            }
            same = next
            scale *= 10
        }
        return bisect(same, other, state: state, direction: direction)
    }

    /// The value with the fewest decimal places in the closed interval between `a` and `b`.
    static func shortestDecimal(between a: Double, and b: Double) -> Double {
        let (low, high) = (Swift.min(a, b), Swift.max(a, b))
        var scale = 1.0
        for _ in 0...9 {
            for candidate in [(high * scale).rounded(.down) / scale, (low * scale).rounded(.up) / scale] where candidate >= low && candidate <= high {
                return candidate
            }
            scale *= 10
        }
        return b
    }

    /// One step in the decimal place after the value's last digit: 0.9 → 0.01, 6 → 0.1.
    static func step(after value: Double) -> Double {
        var step = 0.1
        for _ in 0..<decimalPlaces(value) { step /= 10 }
        return step
    }

    /// How many decimal places a number is written with (at most 6): 0.95 → 2, 6 → 0.
    static func decimalPlaces(_ value: Double) -> Int {
        var digits = 0
        var scaled = abs(value)
        while digits < 6 && abs(scaled - scaled.rounded()) > 1e-9 {
            scaled *= 10
            digits += 1
        }
        return digits
    }
}
