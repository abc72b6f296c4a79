/// `untested-rule`: when the workspace has tests, a rule that no test names in `fired` or
/// `not_fired`. A cheap static proxy for coverage: a named rule is at least looked at by a test.
struct UntestedRuleAnalysis {
    let workspace: Workspace

    func run() -> [Diagnostic] {
        guard !workspace.tests.isEmpty else { return [] }
        let named = Set(workspace.tests.flatMap { ($0.expect.fired + $0.expect.notFired).map(\.value) })
        return workspace.rules.filter { !named.contains($0.id) }.map { rule in
            .warning(
                .untestedRule, "no test names the rule '\(rule.id)' in fired or not_fired", at: rule.location,
                hint: "add a test in tests/ that expects it to fire (fired: [\(rule.id)]) where it should")
        }
    }
}
