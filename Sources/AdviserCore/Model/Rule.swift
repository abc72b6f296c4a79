/// A ruleset file: rules on one theme (business cycle, client size, competition…).
package struct Ruleset: Sendable {
    package var id: String
    package var doc: String?
    package var rules: [Rule]
    package var file: String
    package var location: SourceLocation

    package init(id: String, doc: String? = nil, rules: [Rule], file: String, location: SourceLocation) {
        self.id = id
        self.doc = doc
        self.rules = rules
        self.file = file
        self.location = location
    }
}

/// When a condition holds, change the offering and say why.
package struct Rule: Sendable {
    package var id: String
    package var ruleset: String
    package var when: Condition
    package var why: String
    /// Higher wins when two rules adjust the same lever.
    package var priority: Int
    package var actions: [Action]
    /// The offerings the rule is about (`offerings:`): it fires for no other. Empty: any offering.
    package var offerings: [Located<String>]
    package var location: SourceLocation

    package init(
        id: String, ruleset: String, when: Condition, why: String, priority: Int = 0, actions: [Action],
        offerings: [Located<String>] = [], location: SourceLocation
    ) {
        self.id = id
        self.ruleset = ruleset
        self.when = when
        self.why = why
        self.priority = priority
        self.actions = actions
        self.offerings = offerings
        self.location = location
    }

    /// Whether the rule may fire for this offering (`offerings:` names it, or names none).
    package func isAbout(offering id: String) -> Bool {
        offerings.isEmpty || offerings.contains { $0.value == id }
    }
}

/// A rule's `when`: one expression, or several joined by all/any.
package indirect enum Condition: Sendable {
    case expression(ExpressionSource)
    case all([Condition])
    case any([Condition])

    /// Every expression in the condition, in written order.
    package var expressions: [ExpressionSource] {
        switch self {
        case .expression(let e): [e]
        case .all(let parts), .any(let parts): parts.flatMap(\.expressions)
        }
    }

    /// The condition as one CEL expression (all → &&, any → ||), for compiling and display.
    package var combinedText: String {
        switch self {
        case .expression(let e): e.text
        case .all(let parts): parts.count == 1 ? parts[0].combinedText : parts.map { "(\($0.combinedText))" }.joined(separator: " && ")
        case .any(let parts): parts.count == 1 ? parts[0].combinedText : parts.map { "(\($0.combinedText))" }.joined(separator: " || ")
        }
    }
}

/// An expression's text and where its first character stands in the YAML file.
package struct ExpressionSource: Sendable {
    package var text: String
    package var location: SourceLocation
    package var style: YAMLScalar.Style

    package init(text: String, location: SourceLocation, style: YAMLScalar.Style) {
        self.text = text
        self.location = location
        self.style = style
    }
}

/// What a rule does when it fires.
package enum Action: Sendable {
    case adjust(lever: Located<String>, change: Adjustment)
    case emphasize(target: Located<DriverTarget>, factor: Double)
    case pin(lever: Located<String>)
    case say(text: String, about: Located<DriverTarget>?, location: SourceLocation)

    package var location: SourceLocation {
        switch self {
        case .adjust(let lever, _), .pin(let lever): lever.location
        case .emphasize(let target, _): target.location
        case .say(_, _, let location): location
        }
    }
}

/// How an `adjust` moves a lever from its baseline.
package enum Adjustment: Hashable, Sendable {
    case byPercent(Double)
    case byUnits(Double)
    case toValue(Double)
    case toLevel(String)
}

/// A driver by id, or every driver of a kind.
public enum DriverTarget: Hashable, Sendable, CustomStringConvertible, Codable {
    /// One driver, by id.
    case driver(String)
    /// Every driver of a kind.
    case kind(Driver.Kind)

    /// The id or the kind, as written.
    public var description: String {
        switch self {
        case .driver(let id): id
        case .kind(let kind): kind.rawValue
        }
    }
}
