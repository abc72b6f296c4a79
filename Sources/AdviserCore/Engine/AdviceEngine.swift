import AdviserExpression

/// Fires rules and balances value: the heart of the adviser.
///
/// Built once per workspace (conditions compiled once), then asked for any number of
/// (offering, segment, scenario) combinations; it holds no mutable state, so it is safe to share
/// across threads.
package struct AdviceEngine: Sendable {
    package let workspace: Workspace
    package let declarations: Declarations
    /// Compiled rules in firing order: priority (highest first), then file, then position.
    package let rules: [ConditionCompiler.Compiled]
    /// The rules' conditions in firing order, laid out to be evaluated one after another.
    let conditions: ConditionTable
    package var balancer = Balancer()
    /// The fired records and talking points of every rule, written once (see `PrerenderedRules`).
    let prerendered: PrerenderedRules
    /// Each rule's `offerings:` (by firing position): the only offerings it fires for; empty: any.
    let ruleOfferings: [[String]]
    /// The `lowers-protected-driver` warnings batch advice has worded so far.
    let wordedWarnings = WordedWarnings()

    /// Compiles the workspace's conditions. Fails with the diagnostics when any condition has errors;
    /// callers load with `WorkspaceLoader` first and advise only on a workspace without errors.
    /// - Parameter conditions: the conditions as the load checked them (`WorkspaceLoader.Outcome`),
    ///   compiled without checking them again; nil: checked here.
    package init(workspace: Workspace, conditions: CheckedConditions? = nil) throws(AdviceError) {
        try self.init(workspace: workspace, conditions: conditions, writingJSON: true)
    }

    /// - Parameter writingJSON: false for advice that is read but never written (see `PrerenderedRules`).
    init(workspace: Workspace, conditions: CheckedConditions?, writingJSON: Bool) throws(AdviceError) {
        let compiler = ConditionCompiler(workspace: workspace)
        let (compiled, diagnostics) = compiler.compile(workspace, reusing: conditions)
        guard !diagnostics.hasErrors else { throw AdviceError.invalidWorkspace(diagnostics) }
        self.workspace = workspace
        self.declarations = compiler.declarations
        self.balancer = Balancer(limits: BalanceLimits(maxGridPoints: workspace.settings.limits.maxGridPoints))
        self.rules = Self.firingOrder(compiled.map(\.rule.priority)).map { compiled[$0] }
        self.conditions = ConditionTable(rules.map(\.program))
        self.prerendered = PrerenderedRules(rules: rules, segments: workspace.segments, writingJSON: writingJSON)
        self.ruleOfferings = rules.map { $0.rule.offerings.map(\.value) }
    }

    /// The positions of rules with these priorities (in written order: file, then position in it)
    /// in firing order: priority, highest first, then written order.
    static func firingOrder(_ priorities: [Int]) -> [Int] {
        priorities.indices.sorted { (priorities[$1], $0) < (priorities[$0], $1) }
    }

    /// What to vary for one piece of advice, beyond the named offering, segment and scenario.
    package struct Options: Sendable {
        /// Record every rule's condition trace.
        package var explain = false
        /// Today, as days since 1970-01-01, for the stale-scenario check (nil: no check).
        package var today: Int?
        /// Facts that override the scenario's and the segment's, by full name (`market.inflation`).
        package var overrides: [String: FactValue] = [:]
        /// What advice on this offering × segment of the workspace starts from, prepared by the
        /// caller for many pieces of advice (batch mode; `overrides` are applied on top of its
        /// facts); nil: worked out for this piece.
        var prepared: PreparedAdvice?

        package init(explain: Bool = false, today: Int? = nil, overrides: [String: FactValue] = [:]) {
            self.explain = explain
            self.today = today
            self.overrides = overrides
        }
    }

    package func advise(offering: Offering, segment: Segment, scenario: Scenario, options: Options = .init()) -> Advice {
        var run = AdviceRun(engine: self, offering: offering, segment: segment, scenario: scenario, options: options)
        return run.advise()
    }
}

package enum AdviceError: Error, Sendable {
    case invalidWorkspace([Diagnostic])
}
