@testable import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// A client list from a CRM, as CSV: a row gets exactly the advice of the same client as a JSON
/// line, and what is wrong with a header or a row is said with its row and column.
struct ClientTableTests {
    static let workspace = WorkspaceLoader().load(PackagePaths.rules.path).workspace

    static func table(_ header: String, delimiter: Character = ",") throws(ClientTable.HeaderError) -> ClientTable {
        try ClientTable(header: header.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init),
                        workspace: workspace, delimiter: UInt8(ascii: delimiter.unicodeScalars.first!))
    }

    /// The JSON records of one row, as batch advice writes them.
    static func records(_ table: ClientTable, _ fields: [String?], row: Int = 2) throws -> [String] {
        let engine = try AdviceEngine(workspace: workspace)
        let batch = BatchAdviser(engine: engine, scenario: try engine.scenario("downturn"), position: .row)
        guard let input = table.input(.fields(fields, row: row)) else { return [] }
        return batch.advise(input, number: row)
    }

    @Test func aRowIsAdvisedExactlyAsTheSameClientOnAJSONLine() throws {
        let engine = try AdviceEngine(workspace: Self.workspace)
        let batch = BatchAdviser(engine: engine, scenario: try engine.scenario("downturn"))
        let table = try Self.table(" ID ;Segment;segment.price_sensitivity;headcount;offerings", delimiter: ";")
        let fromCSV = try Self.records(table, ["c-1", "solo-trades", "0,9", "3", "managed-bookkeeping sales-consultation"], row: 7)
        let fromJSON = batch.advise(
            line: "{\"id\": \"c-1\", \"segment\": \"solo-trades\", \"facts\": {\"price_sensitivity\": 0.9, \"headcount\": 3}, \"offerings\": [\"managed-bookkeeping\", \"sales-consultation\"]}",
            number: 7)
        #expect(fromCSV.count == 2)
        #expect(fromCSV == fromJSON.map { $0.replacingOccurrences(of: "\"line\":7", with: "\"row\":7") })
    }

    @Test func emptyCellsAreNoValueAndABlankRowIsNoClient() throws {
        let table = try Self.table("id,segment,price_sensitivity,offerings")
        #expect(try Self.records(table, ["c-1", "micro-retail", "", ""]).count == 3, "every offering of the segment")
        #expect(table.input(.fields(["", " ", "", ""], row: 3)) == nil)
    }

    @Test(arguments: [
        (["c-1", "micro-retale", "", ""], "\"column\":\"segment\"", "unknown-segment"),
        (["c-1", "micro-retail", "lots", ""], "\"column\":\"price_sensitivity\"", "wrong-type"),
        (["c-1", "micro-retail", "1.5", ""], "\"column\":\"price_sensitivity\"", "out-of-range"),
        (["c-1", "micro-retail", "", "bookkeeping"], "\"column\":\"offerings\"", "unknown-offering"),
        (["", "micro-retail", "", ""], "\"column\":\"id\"", "missing-key"),
        (["c-1", "micro-retail", "", "", "surplus"], "\"error\"", "extra-field"),
        (["c-1", nil, "", ""], "\"column\":\"segment\"", "invalid-utf8"),
    ])
    func aBadRowGetsOneErrorRecordNamingItsRowAndColumn(fields: [String?], column: String, code: String) throws {
        let records = try Self.records(try Self.table("id,segment,price_sensitivity,offerings"), fields, row: 5)
        #expect(records.count == 1)
        #expect(records.first?.contains("\"code\":\"\(code)\"") == true, "\(records)")
        #expect(records.first?.contains(column) == true, "\(records)")
        #expect(records.first?.contains("\"row\":5") == true, "\(records)")
    }

    @Test(arguments: [
        ("id,segmnt", "row 1, column 2: unknown column 'segmnt' (did you mean 'segment'?); a client list has id, segment, offerings and segment facts"),
        ("id,price_sensitivity", "row 1, column 1: the header has no 'segment' column"),
        ("id,segment,headcount,segment.headcount", "row 1, column 4: 'segment.headcount' is the same column as column 3"),
        ("id,,segment", "row 1, column 2: the column has no name"),
    ])
    func aHeaderTheWorkspaceCannotReadIsOneClearError(header: String, message: String) {
        #expect(throws: ClientTable.HeaderError.self) { try Self.table(header) }
        do {
            _ = try Self.table(header)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func trailingUnnamedColumnsOfASpreadsheetAreAllowedWhileEmpty() throws {
        let table = try Self.table("id;segment;;", delimiter: ";")
        #expect(try Self.records(table, ["c-1", "micro-retail", "", ""]).count == 3)
    }
}
