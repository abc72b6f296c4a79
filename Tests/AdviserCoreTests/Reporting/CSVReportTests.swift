import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// `--format csv` and `--excel`: what a spreadsheet shows is what the JSON report says. Every CSV is
/// read back by Python's `csv` module and checked, field by field, against the JSON report of the
/// same advice, for every scenario of the shipped workspace.
struct CSVReportTests {
    static let shipped: (engine: AdviceEngine, workspace: Workspace) = {
        let outcome = WorkspaceLoader().load(PackagePaths.rules.path)
        return (try! AdviceEngine(workspace: outcome.workspace), outcome.workspace)
    }()

    /// Plain CSV, and Excel's dialect in a decimal-point and a decimal-comma locale.
    static let dialects: [(options: ReportOptions, delimiter: Character, decimal: String)] = [
        (ReportOptions(), ",", "."),
        (ReportOptions(locale: Locale(identifier: "en-US"), spreadsheet: true), ",", "."),
        (ReportOptions(locale: Locale(identifier: "de-DE"), spreadsheet: true), ";", ","),
    ]

    @Test(.enabled(if: PythonCSVReader.available, "skipped: python3 is not installed, so no independent CSV reader can read the files back"))
    func everyAdviceCSVReadsBackAsItsJSONReport() throws {
        let (engine, workspace) = Self.shipped
        for scenario in workspace.scenarios {
            let report = try engine.report(for: AdviceRequest(scenario: scenario))
            let json = try Self.object(AdviceFormat.json.reporter().render(report))
            let advice = try #require(json["advice"] as? [[String: Any]])
            let scenarioID = try #require((json["scenario"] as? [String: Any])?["id"] as? String)
            for dialect in Self.dialects {
                let text = AdviceFormat.csv.reporter(options: dialect.options).render(report)
                #expect(text.hasPrefix("\u{FEFF}") == dialect.options.spreadsheet)
                let rows = try PythonCSVReader.rows(of: text, delimiter: dialect.delimiter)
                #expect(rows.first == AdviceCSVReporter.columns)
                var expected: [[String: Any]] = []
                for a in advice {
                    let changed = Set(try #require(a["changes"] as? [[String: Any]]).compactMap { $0["lever"] as? String })
                    for lever in try #require(a["levers"] as? [[String: Any]]) {
                        expected.append(Self.expectedRow(scenario: scenarioID, advice: a, lever: lever, changed: changed))
                    }
                }
                try Self.check(rows, against: expected, decimal: dialect.decimal, "\(scenario.id) \(dialect.options.locale.identifier)")
            }
        }
    }

    @Test(.enabled(if: PythonCSVReader.available, "skipped: python3 is not installed, so no independent CSV reader can read the files back"))
    func theComparisonCSVReadsBackAsItsJSONReport() throws {
        let (engine, workspace) = Self.shipped
        let comparison = try engine.compare(scenarios: workspace.scenarios)
        let json = try Self.object(ComparisonFormat.json.reporter().render(comparison))
        // The comparison's JSON has each advice's changes, value and margin, and the levers that
        // differ between scenarios; the full advice, for the unchanged levers, is the advice report's.
        let reports = try workspace.scenarios.map { try Self.object(AdviceFormat.json.reporter().render(engine.report(for: AdviceRequest(scenario: $0)))) }
        let comparisons = try #require(json["comparisons"] as? [[String: Any]])
        for dialect in Self.dialects {
            let rows = try PythonCSVReader.rows(of: ComparisonFormat.csv.reporter(options: dialect.options).render(comparison), delimiter: dialect.delimiter)
            #expect(rows.first == AdviceCSVReporter.columns)
            var expected: [[String: Any]] = []
            for (index, row) in comparisons.enumerated() {
                let byScenario = try #require(row["by_scenario"] as? [[String: Any]])
                let differing = try #require(row["levers_differing"] as? [[String: Any]])
                let leverCount = try #require((reports[0]["advice"] as? [[String: Any]])?[index]["levers"] as? [Any]).count
                for leverIndex in 0..<leverCount {
                    for (s, summary) in byScenario.enumerated() {
                        let advice = try #require((reports[s]["advice"] as? [[String: Any]])?[index])
                        let lever = try #require((advice["levers"] as? [[String: Any]])?[leverIndex])
                        let id = try #require(lever["lever"] as? String)
                        let changes = try #require(summary["changes"] as? [[String: Any]])
                        // What the comparison's own JSON says: the change, or the differing setting.
                        if let change = changes.first(where: { $0["lever"] as? String == id }) {
                            #expect(change["to_text"] as? String == lever["to_text"] as? String)
                            #expect(change["source"] as? String == lever["source"] as? String)
                        }
                        if let setting = (differing.first { $0["lever"] as? String == id }?["settings"] as? [[String: Any]])?[s] {
                            #expect(setting["to"] as? Double == lever["to"] as? Double)
                        }
                        var advised = advice
                        advised["value"] = summary["value"]
                        advised["margin"] = summary["margin"]
                        let changed = Set(changes.compactMap { $0["lever"] as? String })
                        expected.append(Self.expectedRow(scenario: summary["scenario"] as? String ?? "", advice: advised, lever: lever, changed: changed))
                    }
                }
            }
            try Self.check(rows, against: expected, decimal: dialect.decimal, "compare \(dialect.options.locale.identifier)")
        }
    }

    @Test func fieldsAreQuotedAsRFC4180Says() {
        let csv = CSVWriter()
        #expect(csv.line(["plain", "a,b", "say \"hi\"", "two\nlines", " padded", ""]) == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",\r\n")
        let excel = CSVWriter(dialect: .spreadsheet(Locale(identifier: "de-DE")))
        #expect(excel.line(["a;b", "a,b"]) == "\"a;b\";a,b\r\n")
        #expect(excel.text == "\u{FEFF}")
    }

    @Test func numbersAreTheJSONReportsInPlainCSVAndTheLocalesForExcel() {
        let plain = CSVWriter()
        #expect([1170, 4.5, 0.1234567, -3, 1e20].map(plain.number) == ["1170", "4.5", "0.123457", "-3", "1e+20"])
        let german = CSVWriter(dialect: .spreadsheet(Locale(identifier: "de-DE")))
        #expect([1170, 4.5, 0.1234567, -3].map(german.number) == ["1170", "4,5", "0,123457", "-3"])
        #expect(german.dialect.delimiter == ";")
        #expect(CSVWriter.Dialect.spreadsheet(Locale(identifier: "en-US")).delimiter == ",")
        #expect(CSVWriter.Dialect.spreadsheet(Locale(identifier: "fr-FR")).delimiter == ";")
    }

    @Test func theSameAdviceGivesTheSameBytes() throws {
        let (engine, workspace) = Self.shipped
        let request = AdviceRequest(scenario: workspace.scenarios[0])
        let options = ReportOptions(locale: Locale(identifier: "de-DE"), spreadsheet: true)
        #expect(AdviceFormat.csv.reporter(options: options).render(try engine.report(for: request))
            == AdviceFormat.csv.reporter(options: options).render(try engine.report(for: request)))
    }

    // MARK: - Reading the JSON report

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// One CSV row as the JSON report says it, by column.
    static func expectedRow(scenario: String, advice a: [String: Any], lever l: [String: Any], changed: Set<String>) -> [String: Any] {
        let value = a["value"] as? [String: Any] ?? [:]
        let margin = a["margin"] as? [String: Any]
        let id = l["lever"] as? String ?? ""
        return [
            "scenario": scenario, "offering": a["offering"] ?? "", "offering_name": a["offering_name"] ?? "",
            "segment": a["segment"] ?? "", "segment_name": a["segment_name"] ?? "",
            "lever": id, "lever_name": l["name"] ?? "", "today": l["from"] ?? "", "recommended": l["to"] ?? "",
            "today_text": l["from_text"] ?? "", "recommended_text": l["to_text"] ?? "", "unit": l["unit"] ?? "",
            "changed": changed.contains(id), "source": l["source"] ?? "",
            "value_today": value["target"] ?? "", "value_recommended": value["final"] ?? "", "value_held": value["held"] ?? "",
            "margin_today": margin?["before"] ?? "", "margin_recommended": margin?["after"] ?? "", "currency": margin?["currency"] ?? "",
        ]
    }

    /// Each CSV row equals its expected row in every column: numbers as numbers (read with the
    /// dialect's decimal separator), true/false as booleans, the rest as text.
    static func check(_ rows: [[String]], against expected: [[String: Any]], decimal: String, _ context: String) throws {
        let header = try #require(rows.first)
        #expect(expected.count > 50, "\(context): the report has advice")
        #expect(rows.count - 1 == expected.count, "\(context): rows")
        for (row, want) in zip(rows.dropFirst(), expected) {
            #expect(row.count == header.count, "\(context): fields")
            for (column, field) in zip(header, row) {
                let wanted = try #require(want[column], "\(context): no column \(column)")
                switch wanted {
                case let flag as Bool where column == "changed" || column == "value_held":
                    #expect(field == (flag ? "true" : "false"), "\(context) \(column)")
                case let number as NSNumber where !(wanted is String):
                    let read = Double(field.replacingOccurrences(of: decimal, with: "."))
                    #expect(read == number.doubleValue, "\(context) \(column): \(field) ≠ \(number)")
                default:
                    #expect(field == "\(wanted)", "\(context) \(column)")
                }
            }
        }
    }
}
