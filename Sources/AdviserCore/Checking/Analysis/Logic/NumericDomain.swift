/// A number's possible values: an interval minus some points.
struct NumericDomain: Sendable {
    var low: Double
    var lowOpen = false
    var high: Double
    var highOpen = false
    var excluded: [Double] = []
    var integer: Bool

    mutating func apply(_ op: Comparison, _ value: Double) {
        switch op {
        case .less: tightenHigh(value, open: true)
        case .lessEqual: tightenHigh(value, open: false)
        case .greater: tightenLow(value, open: true)
        case .greaterEqual: tightenLow(value, open: false)
        case .equal:
            tightenLow(value, open: false)
            tightenHigh(value, open: false)
        case .notEqual: excluded.append(value)
        }
    }

    private mutating func tightenLow(_ value: Double, open: Bool) {
        if value > low || (value == low && open) { low = value; lowOpen = open }
    }

    private mutating func tightenHigh(_ value: Double, open: Bool) {
        if value < high || (value == high && open) { high = value; highOpen = open }
    }

    /// `witness == nil`, decided without looking for a witness where that is plain: every atom
    /// applied asks it.
    var isEmpty: Bool {
        guard !integer && excluded.isEmpty && !low.isNaN && !high.isNaN else { return witness == nil }
        if low > high || (low == high && (lowOpen || highOpen)) { return true }
        if low == high || (!lowOpen && low.isFinite) || (!highOpen && high.isFinite) { return false }
        return witness == nil
    }

    /// A value in the domain, or nil when it is empty.
    var witness: Double? {
        if integer {
            var first = low.rounded(.up)
            if lowOpen && first == low { first += 1 }
            var last = high.rounded(.down)
            if highOpen && last == high { last -= 1 }
            guard first <= last else { return nil }
            var candidate = first
            for _ in 0..<(excluded.count + 1) {
                if candidate > last { return nil }
                if !excluded.contains(candidate) { return candidate }
                candidate += 1
            }
            return nil
        }
        if low > high || (low == high && (lowOpen || highOpen)) { return nil }
        if low == high { return excluded.contains(low) ? nil : low }
        // An interval with more than one point: finitely many exclusions cannot empty it.
        var candidates: [Double] = []
        if !lowOpen && low.isFinite { candidates.append(low) }
        if !highOpen && high.isFinite { candidates.append(high) }
        switch (low.isFinite, high.isFinite) {
        case (true, true):
            let n = Double(excluded.count + 2)
            candidates += (1...(excluded.count + 1)).map { low + (high - low) * Double($0) / n }
        case (true, false): candidates += (1...(excluded.count + 2)).map { low + Double($0) }
        case (false, true): candidates += (1...(excluded.count + 2)).map { high - Double($0) }
        case (false, false): candidates += (0...(excluded.count + 1)).map { Double($0) }
        }
        return candidates.first { !excluded.contains($0) && contains($0) }
    }

    private func contains(_ value: Double) -> Bool {
        (lowOpen ? value > low : value >= low) && (highOpen ? value < high : value <= high)
    }
}
