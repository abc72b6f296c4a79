// `uncovered` is a list of tuples, which Swift does not code: each is coded as an object
// `{"rule": …, "location": …}`.

extension RuleCoverage: Codable {
    private enum CodingKeys: String, CodingKey {
        case rulesets, uncovered
    }

    private struct Uncovered: Codable {
        var rule: String
        var location: SourceLocation
    }

    /// Decodes `rulesets` and `uncovered`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            rulesets: try c.decode([Ruleset].self, forKey: .rulesets),
            uncovered: try c.decode([Uncovered].self, forKey: .uncovered).map { ($0.rule, $0.location) })
    }

    /// Encodes `rulesets` and `uncovered` (each `{"rule", "location"}`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rulesets, forKey: .rulesets)
        try c.encode(uncovered.map { Uncovered(rule: $0.rule, location: $0.location) }, forKey: .uncovered)
    }
}
