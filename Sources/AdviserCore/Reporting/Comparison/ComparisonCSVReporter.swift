/// Scenarios compared, as a table for a spreadsheet (`compare --format csv`): the columns of
/// `AdviceCSVReporter`, one row per offering × segment × lever × scenario, the scenarios of one
/// lever on adjacent rows so that a sheet shows how its recommendation moves with the market.
public struct ComparisonCSVReporter: ComparisonReporter {
    let dialect: CSVWriter.Dialect

    public init(options: ReportOptions = .init()) {
        dialect = CSVWriter.Dialect(options)
    }

    public func render(_ comparison: ScenarioComparison) -> String {
        AdviceCSVReporter.document(dialect) { csv in
            for row in comparison.rows { Self.write(row, to: &csv) }
        }
    }

    /// One offering × segment: lever by lever, each under every scenario.
    private static func write(_ row: ScenarioComparison.Row, to csv: inout CSVWriter) {
        // Every advice of a row is of the same offering, so has the same levers in the same order.
        let leverCount = row.advice.map(\.levers.count).min() ?? 0
        if leverCount == 0 {
            for advice in row.advice { csv.row(AdviceCSVReporter.row(advice, lever: nil, in: csv)) }
        }
        for index in 0..<leverCount {
            for advice in row.advice { csv.row(AdviceCSVReporter.row(advice, lever: advice.levers[index], in: csv)) }
        }
    }
}
