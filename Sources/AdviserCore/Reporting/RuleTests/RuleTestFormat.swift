/// The formats of `adviser test`'s results: text for the terminal, JUnit XML (`--junit FILE`) for CI.
public enum RuleTestFormat: String, ReportFormat {
    case text, junit

    public static let standard = RuleTestFormat.text

    public func reporter(options: ReportOptions = .init()) -> any RuleTestReporter {
        reporter(colors: options.colors, coverage: false)
    }

    /// `coverage`: the text also lists coverage per ruleset, the rules no test fires and the
    /// phase × client size matrix (`adviser test --coverage`).
    public func reporter(colors: TerminalColors = .none, coverage: Bool) -> any RuleTestReporter {
        switch self {
        case .text: RuleTestTextReporter(showCoverage: coverage)
        case .junit: RuleTestJUnitReporter()
        }
    }
}
