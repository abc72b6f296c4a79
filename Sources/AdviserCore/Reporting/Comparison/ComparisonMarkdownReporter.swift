/// Scenarios side by side, ready to paste into meeting notes.
public struct ComparisonMarkdownReporter: ComparisonReporter {
    let wording: ReportWording

    public init(options: ReportOptions = .init()) {
        wording = ReportWording(options)
    }

    public func render(_ c: ScenarioComparison) -> String {
        var out: [String] = []
        out.append("# \(ReportWording.markdown(c.workspace)): comparing " + c.scenarios.map { ReportWording.markdown(wording.scenarioLine($0)) }.joined(separator: " · "))
        for row in c.rows {
            out.append("")
            out.append("## \(ReportWording.markdown(row.offering.name)) for \(ReportWording.markdown(row.segment.name)) (\(row.segmentSize.rawValue))")
            out.append("")
            if !row.differs { out.append("The same advice under every scenario.\n") }
            if !row.rules.isEmpty {
                out.append("**Rules that fire under only some scenarios**")
                out.append("")
                for rule in row.rules {
                    out.append("- `\(rule.rule)` fires under \(ReportWording.scenarioList(rule.firedIn)), not under \(ReportWording.scenarioList(rule.notFiredIn)): \(ReportWording.markdown(rule.why))")
                }
                out.append("")
            }
            out.append("| | " + c.scenarios.map { ReportWording.markdown($0.name) }.joined(separator: " | ") + " |")
            out.append("|---|" + String(repeating: "---|", count: c.scenarios.count))
            for lever in row.levers {
                out.append("| \(ReportWording.markdown(lever.name)) | " + lever.outcomes.map { ReportWording.markdown(wording.outcome($0)) }.joined(separator: " | ") + " |")
            }
            out.append("| Value index | " + row.advice.map { wording.held($0.value) }.joined(separator: " | ") + " |")
            if row.advice.contains(where: { $0.margin != nil }) {
                out.append("| Margin per client | " + row.advice.map { a in a.margin.map { wording.money($0.after, $0.currency) } ?? "–" }.joined(separator: " | ") + " |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

}
