/// A text's possible values: a closed universe (or any text), narrowed by allowed and excluded sets.
struct ValueDomain: Sendable {
    /// nil: any text.
    var universe: [String]?
    var allowed: [String]?
    var excluded: [String] = []

    mutating func apply(_ values: [String], negated: Bool) {
        if negated {
            excluded += values
        } else {
            allowed = allowed.map { current in current.filter { values.contains($0) } } ?? values
        }
    }

    func allows(_ value: String) -> Bool {
        ((allowed ?? universe)?.contains(value) ?? true) && !excluded.contains(value)
    }

    var witness: String? {
        if let candidates = allowed ?? universe {
            return candidates.first { !excluded.contains($0) && (universe?.contains($0) ?? true) }
        }
        var candidate = "other"
        while excluded.contains(candidate) { candidate += "_" }
        return candidate
    }
}
