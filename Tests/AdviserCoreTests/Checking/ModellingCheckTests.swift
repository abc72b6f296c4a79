import AdviserCore
import AdviserTestSupport
import Testing

/// The modelling mistakes `validate` catches across files: what segments buy and their bounds,
/// quantities, and one lever id meaning different things in two offerings. Each marks with `⏵`
/// where the diagnostic must point.
struct ModellingCheckTests {
    static let offering = "offerings/sales-consultation.yaml"
    static let micro = "segments/micro-retail.yaml"

    /// A second offering with a `price` in another unit and range, and a `seats` quantity.
    static let subscription = """
        id: subscription
        name: Subscription
        levers:
          - {id: seats, kind: number, unit: users, baseline: 5, min: 1, max: 100, step: 1}
          - {id: price, kind: price, unit: EUR/user/month, per: seats, baseline: 40, min: 20, max: 90, step: 5, flex: true}
        """

    func diagnostics(_ breakages: [Breakage], subscription: String? = Self.subscription) throws -> (
        [Diagnostic], TemporaryWorkspace, MarkedLocation?
    ) {
        let workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        if let subscription { try workspace.write("offerings/subscription.yaml", subscription) }
        let marked = try workspace.apply(breakages)
        return (WorkspaceLoader().load(workspace.path).diagnostics, workspace, marked)
    }

    func expect(
        _ code: DiagnosticCode, _ severity: Diagnostic.Severity, saying words: String, _ breakages: Breakage...,
        subscription: String? = Self.subscription, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let (diagnostics, workspace, marked) = try diagnostics(breakages, subscription: subscription)
        let found = diagnostics.filter { $0.code == code }
        let at = marked.map { AdviserCore.SourceLocation(file: workspace.path($0.file), line: $0.line, column: $0.column) }
        #expect(found.contains { $0.location == at && $0.severity == severity && $0.message.contains(words) },
                "expected \(code) at \(String(describing: marked)) saying “\(words)”, got \(diagnostics.map(DiagnosticFormatter.line))",
                sourceLocation: sourceLocation)
    }

    @Test func oneCurveOnPricesOfDifferentUnitsIsAnError() throws {
        // The micro segment's price curve (2,400 to 7,200 EUR) would be read at 40 EUR a user.
        try expect(.leverMismatch, .error, saying: "one curve cannot read both",
                   Breakage(Self.micro, replacing: "      price: {2400", with: "      ⏵price: {2400"))
    }

    @Test func aCurvePerOfferingSettlesIt() throws {
        let (diagnostics, _, _) = try diagnostics([
            Breakage(Self.micro, replacing: "      price: {2400: 1.0, 4800: 0.5, 7200: 0.1}",
                     with: "      price: {2400: 1.0, 4800: 0.5, 7200: 0.1}\n      subscription.price: {20: 1.0, 40: 0.6, 90: 0.1}"),
            Breakage("segments/growing-sme.yaml", replacing: "      price: {2400: 0.9, 4800: 0.6, 7200: 0.3}",
                     with: "      price: {2400: 0.9, 4800: 0.6, 7200: 0.3}\n      subscription.price: {20: 0.9, 40: 0.6, 90: 0.2}"),
        ])
        #expect(diagnostics.map(DiagnosticFormatter.line) == [])
    }

    @Test func oneCurveOnLeversOfDifferentRangesIsAWarning() throws {
        let payment = """
            id: subscription
            name: Subscription
            levers:
              - {id: payment_terms, kind: number, unit: days, baseline: 15, min: 0, max: 60, step: 15, flex: true}
            """
        try expect(.leverMismatch, .warning, saying: "runs 0..90 in sales-consultation but 0..60 in subscription",
                   Breakage(Self.micro, replacing: "      payment_terms: {0: 0.1", with: "      ⏵payment_terms: {0: 0.1"),
                   subscription: payment)
    }

    @Test func aPurchaseOffTheGridOrOutsideTheBoundsIsAnError() throws {
        try expect(.offGrid, .error, saying: "4850 is not a setting of 'price'",
                   Breakage(Self.micro, replacing: "drivers:", with: "buys:\n  sales-consultation: {price: ⏵4850}\ndrivers:"))
        try expect(.outOfRange, .error, saying: "outside its own bounds 2400..4000",
                   Breakage(Self.micro, replacing: "drivers:", with: "bounds:\n  price: {max: 4000}\nbuys:\n  sales-consultation: {price: ⏵4800}\ndrivers:"))
        try expect(.unknownLevel, .error, saying: "'gold' is not a level of 'support'",
                   Breakage(Self.micro, replacing: "drivers:", with: "buys:\n  sales-consultation: {support: ⏵gold}\ndrivers:"))
        try expect(.unknownOffering, .error, saying: "unknown offering 'sales'",
                   Breakage(Self.micro, replacing: "drivers:", with: "buys:\n  ⏵sales: {}\ndrivers:"))
        try expect(.unknownLever, .error, saying: "has no lever 'seats'",
                   Breakage(Self.micro, replacing: "drivers:", with: "buys:\n  sales-consultation: {⏵seats: 3}\ndrivers:"))
    }

    @Test func aBoundOnAnotherOfferingsLeverNamesTheOffering() throws {
        try expect(.unknownOffering, .error, saying: "unknown offering 'subscripton'",
                   Breakage(Self.micro, replacing: "drivers:", with: "bounds:\n  ⏵subscripton.price: {max: 50}\ndrivers:"))
        try expect(.outOfRange, .error, saying: "min 60 above max 50",
                   Breakage(Self.micro, replacing: "drivers:", with: "bounds:\n  subscription.price: {min: ⏵60, max: 50}\ndrivers:"))
    }

    @Test func perMustNameAQuantityOfTheSameOffering() throws {
        let file = "offerings/subscription.yaml"
        try expect(.unknownLever, .error, saying: "is per 'users', which the offering 'subscription' does not have",
                   Breakage(file, replacing: "{id: price, kind: price, unit: EUR/user/month, per: seats", with: "{id: ⏵price, kind: price, unit: EUR/user/month, per: users"))
        try expect(.invalidValue, .error, saying: "which is not a quantity",
                   Breakage(file, replacing: "{id: price, kind: price, unit: EUR/user/month, per: seats", with: "{id: ⏵price, kind: price, unit: EUR/user/month, per: price"))
    }

    @Test func aRuleAboutAnOfferingThatDoesNotExist() throws {
        try expect(.unknownOffering, .error, saying: "unknown offering 'subscriptions'",
                   Breakage("rules/competition.yaml", replacing: "  - id: undercut-by-rivals\n", with: "  - id: undercut-by-rivals\n    offerings: [⏵subscriptions]\n"))
    }
}
