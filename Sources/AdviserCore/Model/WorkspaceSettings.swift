/// `adviser.yaml`: the workspace's name and defaults.
public struct WorkspaceSettings: Sendable {
    public var name: String
    public var defaultScenario: Located<String>?
    /// How far perceived value (0…1) may drift from its target and still count as held.
    public var valueTolerance: Double
    public var currency: String
    /// Advice on a scenario whose `as_of` date is older than this carries a `stale-scenario` warning.
    public var staleAfterDays: Int
    public var location: SourceLocation
    /// Bounds on the workspace's files and conditions (adviser.yaml `limits:`).
    public var limits = WorkspaceLimits()
    /// What holding value means, and what the balancer prefers among settings that hold it
    /// (adviser.yaml `balance:`).
    public var balance = BalanceObjective.standard

    public static let defaultTolerance = 0.005
    public static let defaultStaleAfterDays = 90

    public init(
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
