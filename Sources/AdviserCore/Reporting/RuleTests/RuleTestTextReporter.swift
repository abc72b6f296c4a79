/// The terminal output of `adviser test`: one line per failure, coverage, and the closing line.
package struct RuleTestTextReporter: RuleTestReporter {
    package var showCoverage: Bool

    package init(showCoverage: Bool) {
        self.showCoverage = showCoverage
    }

    package func render(_ report: RuleTestReport) -> String {
        var out: [String] = []
        for result in report.results where !result.passed {
            out.append("FAIL \(result.name)")
            for failure in result.failures { out.append(failure.line) }
        }
        let coverage = report.coverage
        out.append("Rule coverage: \(formatNumber(coverage.percent, maxFractionDigits: 1))% (\(coverage.covered) of \(coverage.total) rules fired by some test)")
        if showCoverage {
            for ruleset in coverage.rulesets {
                out.append("  \(ruleset.id): \(formatNumber(ruleset.percent, maxFractionDigits: 1))% (\(ruleset.covered)/\(ruleset.total)) \(ruleset.file)")
            }
            if !coverage.uncovered.isEmpty {
                out.append("Rules no test fires:")
                for rule in coverage.uncovered { out.append("  \(rule.location): \(rule.rule)") }
            }
            if let matrix = report.matrix {
                out.append("Business-cycle phase × client size (tested: some test advises it; rules: some rule fires; –: no scenario or segment):")
                let sizes = Segment.Size.allCases
                let width = max(matrix.phases.map(\.count).max() ?? 0, 5)
                out.append("  " + "phase".padded(to: width) + "  "
                    + sizes.map { $0.rawValue.padded(to: 18) }.joined().trimmingTrailingSpaces())
                for phase in matrix.phases {
                    var line = "  " + phase.padded(to: width) + "  "
                    for size in sizes {
                        guard let cell = matrix.cell(phase, size) else { continue }
                        let text = switch cell.ruleFires {
                        case true?: "\(cell.tested ? "tested" : "UNTESTED"), rules"
                        case false?: "\(cell.tested ? "tested" : "UNTESTED"), NO RULE"
                        case nil: "–"
                        }
                        line += text.padded(to: 18)
                    }
                    out.append(line.trimmingTrailingSpaces())
                }
            }
        }
        out.append("\(report.passed) passed, \(report.failed) failed")
        return out.joined(separator: "\n") + "\n"
    }
}
