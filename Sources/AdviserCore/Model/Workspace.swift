/// Everything a workspace folder holds, loaded and located.
public struct Workspace: Sendable {
    /// The folder, as the user named it.
    public var root: String
    public var settings: WorkspaceSettings
    public var facts: [Fact]
    public var offerings: [Offering]
    public var segments: [Segment]
    /// Competitors' offers and the status quo, from `rivals/` (none when the folder is absent).
    public var rivals: [Rival]
    public var rulesets: [Ruleset]
    public var scenarios: [Scenario]
    public var tests: [RuleTest]
    /// How many files were read, for summaries ("in 9 files").
    public var fileCount: Int
    /// The text of every file read, by path, so later stages can point into expressions.
    public var sources: [String: String]

    public init(
        root: String, settings: WorkspaceSettings, facts: [Fact] = [], offerings: [Offering] = [], segments: [Segment] = [],
        rivals: [Rival] = [], rulesets: [Ruleset] = [], scenarios: [Scenario] = [], tests: [RuleTest] = [], fileCount: Int = 0,
        sources: [String: String] = [:]
    ) {
        self.root = root
        self.settings = settings
        self.facts = facts
        self.offerings = offerings
        self.segments = segments
        self.rivals = rivals
        self.rulesets = rulesets
        self.scenarios = scenarios
        self.tests = tests
        self.fileCount = fileCount
        self.sources = sources
    }

    /// Every rule, in ruleset file order, then written order.
    public var rules: [Rule] { rulesets.flatMap(\.rules) }

    public func fact(_ name: String) -> Fact? { facts.first { $0.name == name } }
    public func offering(_ id: String) -> Offering? { offerings.first { $0.id == id } }
    public func segment(_ id: String) -> Segment? { segments.first { $0.id == id } }
    /// The rivals `segment` weighs against `offering`, in file order.
    public func rivals(of offering: String, for segment: String) -> [Rival] {
        rivals.filter { $0.competes(with: offering, for: segment) }
    }
    public func scenario(_ id: String) -> Scenario? { scenarios.first { $0.id == id } }

    /// The scenario advice runs under when none is named.
    public var defaultScenario: Scenario? {
        if let id = settings.defaultScenario?.value { return scenario(id) }
        return scenarios.first
    }
}
