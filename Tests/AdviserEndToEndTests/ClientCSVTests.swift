import AdviserTestSupport
import Foundation
import Testing

/// `adviser advise --clients export.csv`: a client list as a CRM or Excel exports it (byte-order
/// mark, `;`, CRLF, decimal commas, a line break inside a quoted cell) is advised row by row, in
/// order, and one bad row gets one error record without costing any other row its advice.
struct ClientCSVTests {
    static let badRow = 700

    /// 1,100 clients (more than one chunk of the batch path), one offering each but every 100th,
    /// under a German Excel header; row `badRow` names a segment the workspace does not have.
    /// Returns the file and the good rows and ids in order.
    static func crmExport(in directory: URL) throws -> (file: URL, good: [(row: Int, id: String)]) {
        var text = "\u{FEFF}Id;Segment;Offerings;price_sensitivity;segment.headcount\r\n"
        var good: [(row: Int, id: String)] = []
        for i in 1...1_100 {
            let row = i + 1
            let id = "K-\(i)"
            if row == badRow {
                text += "\(id);micro-retale;;0,5;\r\n"
                continue
            }
            switch i % 4 {
            case _ where i % 100 == 4: text += "\(id);solo-trades;\"managed-bookkeeping\r\nsales-consultation\";0,9;2\r\n"
            case 0: text += "\(id);solo-trades;managed-bookkeeping;0,9;2\r\n"
            case 1: text += "\"\(id)\";micro-retail;\"crm-subscription;\";0,\(i % 10);\r\n"
            case 2: text += "\(id);growing-sme;managed-bookkeeping;;40\r\n"
            default: text += "\(id);family-manufacturer;sales-consultation;0,35;120\r\n"
            }
            good.append((row, id))
        }
        let file = directory.appendingPathComponent("crm-export.csv")
        try Data(text.utf8).write(to: file)
        return (file, good)
    }

    static func jsonRecords(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func aCRMExportGivesOneErrorRecordAndEveryGoodRowInOrder() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (file, good) = try Self.crmExport(in: directory)
        let output = directory.appendingPathComponent("advice.jsonl")
        let result = try AdviserProcess.run(["advise", "--clients", file.path, "--scenario", "downturn", "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try Self.jsonRecords(String(contentsOf: output, encoding: .utf8))

        let errors = records.filter { $0["error"] != nil }
        #expect(errors.count == 1)
        #expect(errors.first?["row"] as? Int == Self.badRow)
        #expect(errors.first?["column"] as? String == "Segment")
        #expect((errors.first?["error"] as? [String: Any])?["code"] as? String == "unknown-segment")

        // Every good row, in input order, each with one record per offering it asked for.
        var clients: [(row: Int, id: String)] = []
        for record in records where record["advice"] != nil {
            let client = (row: try #require(record["row"] as? Int), id: try #require(record["client"] as? String))
            if clients.last?.id != client.id { clients.append(client) }
        }
        #expect(clients.map(\.id) == good.map(\.id))
        #expect(clients.map(\.row) == good.map(\.row))
        let offerings = records.filter { $0["client"] as? String == "K-4" }.compactMap { ($0["advice"] as? [String: Any])?["offering"] as? String }
        #expect(offerings == ["managed-bookkeeping", "sales-consultation"], "the offerings cell with a line break in it")
    }

    @Test(.enabled(if: PythonCSVReader.available, "skipped: python3 is not installed, so no independent CSV reader can read the files back"))
    func asCSVTheSameRecordsReadBackRowForRow() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (file, _) = try Self.crmExport(in: directory)
        let json = try AdviserProcess.run(["advise", "--clients", file.path, "--scenario", "downturn"])
        let csv = directory.appendingPathComponent("advice.csv")
        let result = try AdviserProcess.run(["advise", "--clients", file.path, "--scenario", "downturn", "--excel", "--output", csv.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: csv).prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let rows = try PythonCSVReader.rows(of: csv)
        let header = try #require(rows.first)
        #expect(header.prefix(2) == ["client", "row"])
        #expect(header.suffix(3) == ["error_code", "error_column", "error_message"])
        let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })

        // The JSON records, lever by lever, are the CSV's rows, in the same order.
        var expected: [[String: String]] = []
        for record in try Self.jsonRecords(json.stdout) {
            let client = record["client"] as? String ?? "", row = "\(record["row"] as? Int ?? 0)"
            if let error = record["error"] as? [String: Any] {
                expected.append(["client": client, "row": row, "error_code": error["code"] as? String ?? "", "error_column": record["column"] as? String ?? ""])
                continue
            }
            let advice = try #require(record["advice"] as? [String: Any])
            for lever in try #require(advice["levers"] as? [[String: Any]]) {
                expected.append([
                    "client": client, "row": row, "offering": advice["offering"] as? String ?? "", "lever": lever["lever"] as? String ?? "",
                    "recommended_text": lever["to_text"] as? String ?? "", "source": lever["source"] as? String ?? "",
                ])
            }
        }
        #expect(rows.count - 1 == expected.count)
        for (row, want) in zip(rows.dropFirst(), expected) {
            for (name, value) in want {
                #expect(row[try #require(column[name])] == value, "\(name) of \(want)")
            }
        }
    }

    @Test func aHeaderTheWorkspaceCannotReadStopsTheRunBeforeAnyClient() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("clients-\(UUID().uuidString).csv")
        try Data("id,segmnt\nc-1,micro-retail\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try AdviserProcess.run(["advise", "--clients", file.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("row 1, column 2: unknown column 'segmnt' (did you mean 'segment'?)"), "\(result.stderr)")
    }
}
