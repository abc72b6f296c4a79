/// Everything a workspace folder holds, loaded and located.
package struct Workspace: Sendable {
    /// The folder, as the user named it.
    package var root: String
    package var settings: WorkspaceSettings
    package var facts: [Fact]
    package var offerings: [Offering]
    package var segments: [Segment]
    /// Competitors' offers and the status quo, from `rivals/` (none when the folder is absent).
    package var rivals: [Rival]
    package var rulesets: [Ruleset]
    package var scenarios: [Scenario]
    package var tests: [RuleTest]
    /// How many files were read, for summaries ("in 9 files").
    package var fileCount: Int
    /// The text of every file read, by path, so later stages can point into expressions.
    package var sources: [String: String]

    package init(
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
    package var rules: [Rule] { rulesets.flatMap(\.rules) }

    package func fact(_ name: String) -> Fact? { facts.first { $0.name == name } }
    package func offering(_ id: String) -> Offering? { offerings.first { $0.id == id } }
    package func segment(_ id: String) -> Segment? { segments.first { $0.id == id } }
    /// The rivals `segment` weighs against `offering`, in file order.
    package func rivals(of offering: String, for segment: String) -> [Rival] {
        rivals.filter { $0.competes(with: offering, for: segment) }
    }
    package func scenario(_ id: String) -> Scenario? { scenarios.first { $0.id == id } }

    /// The scenario advice runs under when none is named.
    package var defaultScenario: Scenario? {
        if let id = settings.defaultScenario?.value { return scenario(id) }
        return scenarios.first
    }
}
