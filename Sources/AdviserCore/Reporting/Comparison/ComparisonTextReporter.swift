import Foundation

/// Scenarios side by side in the terminal: per offering × segment, one column per scenario.
package struct ComparisonTextReporter: ComparisonReporter {
    package var colors: TerminalColors
    let wording: ReportWording

    package init(options: ReportOptions = .init()) {
        colors = options.colors
        wording = ReportWording(options)
    }

    package func render(_ c: ScenarioComparison) -> String {
        var out: [String] = []
        out.append(colors.bold("\(c.workspace) — comparing " + c.scenarios.map(wording.scenarioLine).joined(separator: " · ")))
        for row in c.rows {
            out.append("")
            out.append(colors.bold(colors.cyan("== \(row.offering.name) for \(row.segment.name) (\(row.segmentSize.rawValue))")))
            if !row.differs {
                out.append("  The same advice under every scenario.")
            }
            if !row.rules.isEmpty {
                out.append(colors.bold("  Rules that fire under only some scenarios"))
                for rule in row.rules {
                    out.append("  - \(rule.rule): fires under \(ReportWording.scenarioList(rule.firedIn)), not under \(ReportWording.scenarioList(rule.notFiredIn))")
                }
            }
            var table: [[String]] = [[""] + c.scenarios.map(\.id)]
            for lever in row.levers {
                table.append([lever.name] + lever.outcomes.map(wording.outcome))
            }
            table.append(["Value index"] + row.advice.map { wording.held($0.value) })
            if row.advice.contains(where: { $0.margin != nil }) {
                table.append(["Margin per client"] + row.advice.map { a in a.margin.map { wording.money($0.after, $0.currency) } ?? "–" })
            }
            let widths = table[0].indices.map { column in table.map { $0[column].count }.max() ?? 0 }
            out.append(colors.bold(row.levers.isEmpty ? "  Levers: the same under every scenario" : "  Levers that differ"))
            for (n, line) in table.enumerated() {
                let text = "  " + line.enumerated().map { $1.padded(to: widths[$0]) }.joined(separator: "  ").trimmingTrailingSpaces()
                out.append(n == 0 ? colors.dim(text) : text)
            }
        }
        let differing = c.rows.count { $0.differs }
        out.append("")
        out.append("\(c.rows.count) offering × segment pair\(c.rows.count == 1 ? "" : "s"), \(differing) with different advice.")
        return out.joined(separator: "\n") + "\n"
    }
}
