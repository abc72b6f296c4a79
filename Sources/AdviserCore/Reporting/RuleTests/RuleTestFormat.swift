/// The formats of `adviser test`'s results: text for the terminal, JUnit XML (`--junit FILE`) for CI.
package enum RuleTestFormat: String, ReportFormat {
    case text, junit

    package static let standard = RuleTestFormat.text

    package func reporter(options: ReportOptions = .init()) -> any RuleTestReporter {
        reporter(colors: options.colors, coverage: false)
    }

    /// `coverage`: the text also lists coverage per ruleset, the rules no test fires and the
    /// phase × client size matrix (`adviser test --coverage`).
    package func reporter(colors: TerminalColors = .none, coverage: Bool) -> any RuleTestReporter {
        switch self {
        case .text: RuleTestTextReporter(showCoverage: coverage)
        case .junit: RuleTestJUnitReporter()
        }
    }
}
