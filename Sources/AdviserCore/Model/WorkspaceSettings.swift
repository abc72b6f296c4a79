/// `adviser.yaml`: the workspace's name and defaults.
package struct WorkspaceSettings: Sendable {
    package var name: String
    package var defaultScenario: Located<String>?
    /// How far perceived value (0…1) may drift from its target and still count as held.
    package var valueTolerance: Double
    package var currency: String
    /// Advice on a scenario whose `as_of` date is older than this carries a `stale-scenario` warning.
    package var staleAfterDays: Int
    package var location: SourceLocation
    /// Bounds on the workspace's files and conditions (adviser.yaml `limits:`).
    package var limits = WorkspaceLimits()
    /// What holding value means, and what the balancer prefers among settings that hold it
    /// (adviser.yaml `balance:`).
    package var balance = BalanceObjective.standard

    package static let defaultTolerance = 0.005
    package static let defaultStaleAfterDays = 90

    package init(
        name: String, defaultScenario: Located<String>? = nil, valueTolerance: Double = defaultTolerance,
        currency: String = "EUR", staleAfterDays: Int = defaultStaleAfterDays, location: SourceLocation
    ) {
        self.name = name
        self.defaultScenario = defaultScenario
        self.valueTolerance = valueTolerance
        self.currency = currency
        self.staleAfterDays = staleAfterDays
        self.location = location
    }
}
