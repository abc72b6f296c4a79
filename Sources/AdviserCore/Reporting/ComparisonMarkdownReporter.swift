/// Scenarios side by side, ready to paste into meeting notes.
public struct ComparisonMarkdownReporter: ComparisonReporter {
    public init() {}

    public func render(_ c: ScenarioComparison) -> String {
        var out: [String] = []
        out.append("# \(escape(c.workspace)): comparing " + c.scenarios.map { escape(ReportWording.scenarioLine($0)) }.joined(separator: " · "))
        for row in c.rows {
            out.append("")
            out.append("## \(escape(row.offering.name)) for \(escape(row.segment.name)) (\(row.segmentSize.rawValue))")
            out.append("")
            if !row.differs { out.append("The same advice under every scenario.\n") }
            if !row.rules.isEmpty {
                out.append("**Rules that fire under only some scenarios**")
                out.append("")
                for rule in row.rules {
                    out.append("- `\(rule.rule)` fires under \(ReportWording.scenarioList(rule.firedIn)), not under \(ReportWording.scenarioList(rule.notFiredIn)): \(escape(rule.why))")
                }
                out.append("")
            }
            out.append("| | " + c.scenarios.map { escape($0.name) }.joined(separator: " | ") + " |")
            out.append("|---|" + String(repeating: "---|", count: c.scenarios.count))
            for lever in row.levers {
                out.append("| \(escape(lever.name)) | " + lever.outcomes.map { escape(ReportWording.outcome($0)) }.joined(separator: " | ") + " |")
            }
            out.append("| Value index | " + row.advice.map { ReportWording.held($0.value) }.joined(separator: " | ") + " |")
            if row.advice.contains(where: { $0.margin != nil }) {
                out.append("| Margin per client | " + row.advice.map { a in a.margin.map { ReportWording.money($0.after, $0.currency) } ?? "–" }.joined(separator: " | ") + " |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func escape(_ text: String) -> String {
        var result = ""
        for c in text {
            switch c {
            case "|", "*", "_", "`", "<", ">", "[", "]", "\\": result += "\\\(c)"
            case "\n": result += " "
            default: result.append(c)
            }
        }
        return result
    }
}
