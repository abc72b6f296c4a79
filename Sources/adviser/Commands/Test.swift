import AdviserCore
import ArgumentParser

extension Adviser {
    /// `adviser test`: runs the workspace's rule tests.
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the tests in the workspace's tests/*.yaml and report rule coverage.",
            discussion: """
                Prints one line per unmet expectation (file:line:col: what was expected, what
                came), then 'N passed, M failed'. Exit status 1 when a test fails or coverage
                is below --min-coverage.

                Examples:
                  adviser test
                  adviser test Rules --coverage
                  adviser test --junit test-results.xml --min-coverage 90
                """
        )

        @Argument(help: ArgumentHelp("The workspace folder (same as --rules).", valueName: "WORKSPACE"))
        var workspace: String?

        @OptionGroup var options: WorkspaceOptions

        @Option(help: ArgumentHelp("Also write JUnit XML for CI to this file.", valueName: "FILE"))
        var junit: String?

        @Flag(help: "List coverage per ruleset, the rules no test fires, and the phase × client size matrix.")
        var coverage = false

        @Option(help: ArgumentHelp("Fail when fewer than this percentage of rules are fired by some test.", valueName: "PERCENT"))
        var minCoverage: Double?

        func run() throws {
            let loaded = try WorkspaceSession.load(workspace ?? options.rules)
            let engine = try WorkspaceSession.engine(for: loaded)
            if loaded.tests.isEmpty {
                Console.error("The workspace has no tests: add tests/*.yaml (see docs/rules.md).")
            }
            let report = RuleTestRunner(engine: engine, today: WorkspaceSession.today).run()
            Console.out(RuleTestFormat.text.reporter(coverage: coverage).render(report), terminator: "")
            if let junit {
                do {
                    try ReportWriter.write(RuleTestFormat.junit.reporter(coverage: coverage).render(report), to: junit)
                } catch {
                    Console.error("error: \(error)")
                    throw ExitCode(2)
                }
            }
            var failed = report.failed > 0
            if let minCoverage, report.coverage.percent + 1e-9 < minCoverage {
                Console.error("Rule coverage \(formatNumber(report.coverage.percent, maxFractionDigits: 1))% is below the required \(formatNumber(minCoverage))% (adviser test --coverage lists the rules no test fires).")
                failed = true
            }
            if failed { throw ExitCode.failure }
        }
    }
}
