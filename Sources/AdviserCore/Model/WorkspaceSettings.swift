import Foundation

/// `adviser.yaml`: the workspace's name and defaults.
public struct WorkspaceSettings: Sendable {
    public var name: String
    public var defaultScenario: Located<String>?
    /// How far perceived value (0…1) may drift from its target and still count as held.
    public var valueTolerance: Double
    public var currency: String
    /// How reports write numbers, money and dates (`locale:`); nil when the workspace names none.
    public var locale: Locale?
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

extension WorkspaceSettings {
    /// The locale identifiers `locale:` and `--locale` accept, in BCP 47 form (`de-DE`, `en-US`,
    /// `fr`, `de-CH`): those Foundation has formatting data for (`Locale.availableIdentifiers`).
    public static let knownLocales: [String] = Locale.availableIdentifiers.map { $0.replacingOccurrences(of: "_", with: "-") }.sorted()

    /// Each known identifier by its lower-case spelling: identifiers are case-insensitive (`de-de`).
    private static let knownByLowercase = Dictionary(knownLocales.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

    /// The locale `identifier` names (`de_DE` and `de-de` read as `de-DE`), or nil when Foundation
    /// has no formatting data for it: an unknown name would quietly format as the root locale.
    public static func locale(named identifier: String) -> Locale? {
        knownByLowercase[identifier.replacingOccurrences(of: "_", with: "-").lowercased()].map { Locale(identifier: $0) }
    }

    /// Why `identifier` names no locale, and the closest known one, for a diagnostic or a usage error.
    public static func unknownLocale(_ identifier: String) -> (message: String, hint: String) {
        let normalized = identifier.replacingOccurrences(of: "_", with: "-")
        let hint = Suggestion.hint(for: normalized, in: knownLocales)
            ?? "name a language and a region, such as en-US, de-DE or fr-FR"
        return ("unknown locale '\(identifier)'", hint)
    }
}
