/// The terminal report: readable at a glance, colour only when asked for. It opens with a summary
/// table (one row per offering × segment), then a card for each piece of advice; `summaryOnly`
/// stops after the table.
package struct AdviceTextReporter: AdviceReporter {
    package var colors: TerminalColors
    var options: ReportOptions
    let wording: ReportWording

    package init(options: ReportOptions = .init()) {
        self.options = options
        colors = options.colors
        wording = ReportWording(options)
    }

    package func render(_ report: AdviceReport) -> String {
        var out: [String] = []
        out.append(colors.bold("\(report.workspace) — advice under \(wording.scenarioLine(report.scenario))"))
        for warning in report.topWarnings {
            out.append(colors.yellow("warning: \(warning.message)"))
        }
        if !report.advice.isEmpty {
            out.append("")
            out += summary(report)
        }
        if !options.summaryOnly {
            for advice in report.advice {
                out.append("")
                out += section(advice, report: report)
            }
        }
        let held = report.advice.count { $0.value.held }
        out.append("")
        out.append("\(report.advice.count) recommendation\(report.advice.count == 1 ? "" : "s"), value held in \(held).")
        return out.joined(separator: "\n") + "\n"
    }

    /// One row per offering × segment under a line per offering: the main changes, whether value is
    /// held, and the margin per client today → recommended. A row takes two lines at most, so the
    /// table of a busy scenario still fits a page: the first change in the offering's lever order
    /// (its price first, as offerings list it), then the second or how many more there are.
    private func summary(_ report: AdviceReport) -> [String] {
        typealias Row = (segment: String, changes: [String], held: Bool, margin: String)
        let groups = report.byOffering.map { group in
            (group[0].offering.name, group.map { a -> Row in
                var changes = a.changes.map { wording.change($0) }.map { "\($0.from) → \($0.to)" }
                if changes.count > 2 { changes = [changes[0], "… and \(changes.count - 1) more changes"] }
                return (a.segment.name, changes.isEmpty ? ["none"] : changes, a.value.held, a.margin.map(wording.marginChange) ?? "–")
            })
        }
        let header = (segment: "Offering, segment", changes: "Main changes", held: "Value held", margin: "Margin per client")
        let rows = groups.flatMap(\.1)
        let segmentWidth = max(header.segment.count, (rows.map { $0.segment.count + 2 } + groups.map(\.0.count)).max() ?? 0)
        let changesWidth = max(header.changes.count, rows.flatMap(\.changes).map(\.count).max() ?? 0)
        func line(_ segment: String, _ changes: String, _ held: String, _ margin: String) -> String {
            [segment.padded(to: segmentWidth), changes.padded(to: changesWidth), held.padded(to: header.held.count), margin]
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
        var out = [colors.bold("At a glance"), colors.dim("  " + line(header.segment, header.changes, header.held, header.margin))]
        for (offering, rows) in groups {
            out.append("  " + colors.cyan(offering))
            for row in rows {
                let first = "  " + line("  " + row.segment, row.changes[0], row.held ? "yes" : "NO", row.margin)
                out.append(row.held ? first : colors.red(first))
                for more in row.changes.dropFirst() { out.append("  " + line("", more, "", "")) }
            }
        }
        return out
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
                let name = change.name.padded(to: width)
                let from = wording.setting(change, recommended: false, currency: report.currency)
                let to = wording.setting(change, recommended: true, currency: report.currency)
                out.append("  - \(name)  \(from) → \(colors.bold(to))  " + colors.dim("(\(ReportWording.source(change, in: advice)))"))
            }
        }
        let valueText = "  Value index: " + wording.valueLine(advice.value)
        out.append(advice.value.held ? valueText : colors.red(valueText))
        if let shortfall = advice.value.shortfall { out.append("    \(shortfall)") }
        if let margin = advice.margin {
            out.append("  Margin per client: \(wording.marginLine(margin))")
        }
        if let rivals = advice.rivals { out.append("  Against rivals: \(wording.rivalLine(rivals))") }
        for guardrail in advice.guardrails {
            out.append("  Guardrail: \(guardrail.message)")
        }
        if !advice.emphasized.isEmpty {
            out.append(colors.bold("  What matters more, or less, now"))
            for driver in advice.emphasized {
                out.append("  - \(driver.name) (\(driver.kind.rawValue)): \(wording.percent(driver.weightBefore)) → \(wording.percent(driver.weightAfter)) of the value")
            }
        }
        if !advice.unaddressed.isEmpty {
            out.append("  Not addressed by this offering: " + advice.unaddressed.map { "\($0.name) (\($0.kind.rawValue))" }.joined(separator: ", "))
        }
        let points = TalkingPointSelection(advice, max: options.maxTalkingPoints)
        if !points.shown.isEmpty || points.hidden > 0 {
            out.append(colors.bold("  Talking points"))
            for point in points.shown { out.append("  - \(ReportWording.kindTitle(point.kind)): \(point.text)") }
            if let more = points.moreLine { out.append(colors.dim("  \(more)")) }
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
