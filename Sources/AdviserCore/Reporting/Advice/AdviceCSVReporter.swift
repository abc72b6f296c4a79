/// Advice as a table for a spreadsheet (`--format csv`): one row per offering × segment × lever,
/// today's setting beside the recommended one and what set it, with the advice's value and margin
/// repeated on each of its rows so that any filter or pivot keeps them. The same columns serve
/// `compare` and batch advice (`advise --clients … --format csv`), so one sheet reads them all.
/// Numbers are the JSON report's (docs/json-output.md), rounded the same way.
public struct AdviceCSVReporter: AdviceReporter {
    let dialect: CSVWriter.Dialect

    public init(options: ReportOptions = .init()) {
        dialect = CSVWriter.Dialect(options)
    }

    public func render(_ report: AdviceReport) -> String {
        Self.document(dialect) { csv in
            for advice in report.advice {
                for row in Self.rows(advice, in: csv) { csv.row(row) }
            }
        }
    }

    /// A CSV document of these columns: the header row, then the rows `body` writes.
    static func document(_ dialect: CSVWriter.Dialect, _ body: (inout CSVWriter) -> Void) -> String {
        var csv = CSVWriter(dialect: dialect)
        csv.row(columns)
        body(&csv)
        return csv.text
    }

    /// The header row (docs/csv.md says what each column holds).
    public static let columns = [
        "scenario", "offering", "offering_name", "segment", "segment_name",
        "lever", "lever_name", "today", "recommended", "today_text", "recommended_text", "unit", "changed", "source",
        "value_today", "value_recommended", "value_held", "margin_today", "margin_recommended", "currency",
    ]

    /// The rows of one advice, one per lever in the offering's order (one row with empty lever
    /// columns for an offering without levers, so that no advice goes missing).
    public static func rows(_ advice: Advice, in csv: CSVWriter) -> [[String]] {
        guard !advice.levers.isEmpty else { return [row(advice, lever: nil, in: csv)] }
        return advice.levers.map { row(advice, lever: $0, in: csv) }
    }

    /// One row: the advice's columns, with one lever's (or empty ones).
    static func row(_ advice: Advice, lever: LeverOutcome?, in csv: CSVWriter) -> [String] {
        var fields = [advice.scenario.id, advice.offering.id, advice.offering.name, advice.segment.id, advice.segment.name]
        if let lever {
            fields += [
                lever.lever, lever.name, csv.number(lever.from), csv.number(lever.to), lever.fromText, lever.toText,
                lever.unit ?? "", csv.bool(lever.changed), lever.source.description,
            ]
        } else {
            fields += Array(repeating: "", count: 9)
        }
        fields += [csv.number(advice.value.target), csv.number(advice.value.final), csv.bool(advice.value.held)]
        if let margin = advice.margin {
            fields += [csv.number(margin.before), csv.number(margin.after), margin.currency]
        } else {
            fields += ["", "", ""]
        }
        return fields
    }
}
