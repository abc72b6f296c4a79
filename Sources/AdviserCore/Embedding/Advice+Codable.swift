// `FiredRule` and `TalkingPoint` keep their fields in a shared box, so their coding is written
// here rather than synthesized; it has the fields' names, as the synthesized coding of the other
// advice types does.

extension FiredRule: Codable {
    private enum CodingKeys: String, CodingKey {
        case rule, ruleset, location, why, priority
    }

    /// Decodes the fields written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            rule: try c.decode(String.self, forKey: .rule), ruleset: try c.decode(String.self, forKey: .ruleset),
            location: try c.decode(SourceLocation.self, forKey: .location), why: try c.decode(String.self, forKey: .why),
            priority: try c.decode(Int.self, forKey: .priority))
    }

    /// Encodes `rule`, `ruleset`, `location`, `why` and `priority`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(ruleset, forKey: .ruleset)
        try c.encode(location, forKey: .location)
        try c.encode(why, forKey: .why)
        try c.encode(priority, forKey: .priority)
    }
}

extension TalkingPoint: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, driver, about, drivers, text, rule
    }

    /// Decodes the fields written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try c.decodeIfPresent(Driver.Kind.self, forKey: .kind), driver: try c.decodeIfPresent(String.self, forKey: .driver),
            about: try c.decodeIfPresent(DriverTarget.self, forKey: .about), drivers: try c.decode([String].self, forKey: .drivers),
            text: try c.decode(String.self, forKey: .text), rule: try c.decode(String.self, forKey: .rule))
    }

    /// Encodes `kind`, `driver`, `about`, `drivers`, `text` and `rule` (absent optionals are left out).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(kind, forKey: .kind)
        try c.encodeIfPresent(driver, forKey: .driver)
        try c.encodeIfPresent(about, forKey: .about)
        try c.encode(drivers, forKey: .drivers)
        try c.encode(text, forKey: .text)
        try c.encode(rule, forKey: .rule)
    }
}
