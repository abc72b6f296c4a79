/// The terminal report: readable at a glance, colour only when asked for.
package struct AdviceTextReporter: AdviceReporter {
    package var colors: TerminalColors

    package init(colors: TerminalColors = .none) {
        self.colors = colors
    }

    package func render(_ report: AdviceReport) -> String {
        var out: [String] = []
        out.append(colors.bold("\(report.workspace) — advice under \(ReportWording.scenarioLine(report.scenario))"))
        for warning in report.topWarnings {
            out.append(colors.yellow("warning: \(warning.message)"))
        }
        for advice in report.advice {
            out.append("")
            out += section(advice, report: report)
        }
        let held = report.advice.count { $0.value.held }
        out.append("")
        out.append("\(report.advice.count) recommendation\(report.advice.count == 1 ? "" : "s"), value held in \(held).")
        return out.joined(separator: "\n") + "\n"
    }

    private func section(_ advice: Advice, report: AdviceReport) -> [String] {
        var out: [String] = []
        out.append(colors.bold(colors.cyan("== \(advice.offering.name) for \(advice.segment.name) (\(advice.segmentSize.rawValue))")))
        if advice.fired.isEmpty {
            out.append("  No rule applies: keep today's offering.")
        } else {
            out.append(colors.bold("  Why"))
            for rule in advice.fired {
                out.append("  - \(rule.why) " + colors.dim("[\(rule.rule), \(rule.location)]"))
            }
        }
        let changes = advice.changes
        out.append(colors.bold("  Recommended changes"))
        if changes.isEmpty {
            out.append("  - none")
        } else {
            let width = changes.map(\.name.count).max() ?? 0
            for change in changes {
                let name = change.name.padding(toLength: width, withPad: " ", startingAt: 0)
                let from = ReportWording.setting(change, recommended: false, currency: report.currency)
                let to = ReportWording.setting(change, recommended: true, currency: report.currency)
                out.append("  - \(name)  \(from) → \(colors.bold(to))  " + colors.dim("(\(ReportWording.source(change.source)))"))
            }
        }
        let valueText = "  Value index: " + ReportWording.valueLine(advice.value)
        out.append(advice.value.held ? valueText : colors.red(valueText))
        if let shortfall = advice.value.shortfall { out.append("    \(shortfall)") }
        if let margin = advice.margin {
            out.append("  Margin per client: \(ReportWording.marginLine(margin))")
        }
        for guardrail in advice.guardrails {
            out.append("  Guardrail: \(guardrail.message)")
        }
        if !advice.emphasized.isEmpty {
            out.append(colors.bold("  What matters more, or less, now"))
            for driver in advice.emphasized {
                out.append("  - \(driver.name) (\(driver.kind.rawValue)): \(ReportWording.percent(driver.weightBefore)) → \(ReportWording.percent(driver.weightAfter)) of the value")
            }
        }
        if !advice.unaddressed.isEmpty {
            out.append("  Not addressed by this offering: " + advice.unaddressed.map { "\($0.name) (\($0.kind.rawValue))" }.joined(separator: ", "))
        }
        if !advice.talkingPoints.isEmpty {
            out.append(colors.bold("  Talking points"))
            for (title, points) in ReportWording.groupedTalkingPoints(advice.talkingPoints) {
                for point in points { out.append("  - \(title): \(point.text)") }
            }
        }
        let warnings = advice.warnings.filter { $0.code != .staleScenario && $0.code != .valueNotHeld }
        for warning in warnings {
            out.append(colors.yellow("  warning[\(warning.code)]: \(warning.message)"))
        }
        if report.explain {
            out.append(colors.bold("  How each rule's condition evaluated"))
            for explanation in advice.explanations {
                let verdict = explanation.fired ? colors.green("fired") : "did not fire"
                out.append("  - \(explanation.rule) \(verdict) " + colors.dim("[\(explanation.location)]"))
                for line in explanation.fired ? explanation.trace : explanation.failing {
                    out.append("      \(line)")
                }
            }
            for item in advice.overridden {
                out.append("  - \(item.rule)'s change to \(item.lever) gave way to \(item.by) (higher priority)")
            }
        }
        return out
    }
}
