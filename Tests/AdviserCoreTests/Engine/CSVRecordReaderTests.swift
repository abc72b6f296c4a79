import AdviserCore
import Testing

/// Reading a CRM's or a spreadsheet's CSV export one record at a time: what those programs write
/// reads as they meant it, and no bad record costs another its place.
struct CSVRecordReaderTests {
    /// Every record of `bytes`, handed to the reader in blocks of `block` bytes.
    static func records(_ bytes: [UInt8], block: Int = 1 << 16, delimiter: UInt8? = nil, limit: Int = 1 << 20) throws -> [CSVRecordReader.Record] {
        var offset = 0
        var reader = CSVRecordReader(delimiter: delimiter, maxRecordBytes: limit) {
            defer { offset += block }
            return offset < bytes.count ? Array(bytes[offset..<min(offset + block, bytes.count)]) : nil
        }
        var records: [CSVRecordReader.Record] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    static func records(_ text: String, block: Int = 1 << 16) throws -> [CSVRecordReader.Record] {
        try records(Array(text.utf8), block: block)
    }

    static let excelExport = "\u{FEFF}id;segment;note\r\nc-1;micro-retail;\"two\r\nlines\"\r\n\"c;2\";\"say \"\"hi\"\"\";\r\n"

    @Test(arguments: [1, 2, 3, 7, 1 << 16])
    func anExcelExportReadsAsItWasMeantInBlocksOfAnySize(block: Int) throws {
        #expect(try Self.records(Self.excelExport, block: block) == [
            .fields(["id", "segment", "note"], row: 1),
            .fields(["c-1", "micro-retail", "two\r\nlines"], row: 2),
            .fields(["c;2", "say \"hi\"", ""], row: 3),
        ])
    }

    @Test func theDelimiterIsTheHeadersCommaOrSemicolonOutsideQuotes() throws {
        #expect(try Self.records("id,segment,\"a;b;c\"\nc,d,e") == [.fields(["id", "segment", "a;b;c"], row: 1), .fields(["c", "d", "e"], row: 2)])
        #expect(try Self.records("id;\"x,y,z\"\n1;2") == [.fields(["id", "x,y,z"], row: 1), .fields(["1", "2"], row: 2)])
    }

    @Test func lineEndsOfEveryKindEndARecordAndBlankLinesAreRows() throws {
        #expect(try Self.records("a\rb\n\nc\r\nd") == [
            .fields(["a"], row: 1), .fields(["b"], row: 2), .fields([""], row: 3), .fields(["c"], row: 4), .fields(["d"], row: 5),
        ])
    }

    @Test func aFieldThatIsNotUTF8CostsNoOtherRow() throws {
        let bytes = Array("id,segment\nc-1,".utf8) + [0xFF, 0xFE] + Array("\nc-2,ok\n".utf8)
        #expect(try Self.records(bytes) == [
            .fields(["id", "segment"], row: 1), .fields(["c-1", nil], row: 2), .fields(["c-2", "ok"], row: 3),
        ])
    }

    @Test func aRecordPastTheLimitIsSkippedToItsLineEndAndTheNextIsRead() throws {
        let long = String(repeating: "x", count: 100)
        #expect(try Self.records(Array("id\n\(long)\nc-2\n".utf8), limit: 50) == [
            .fields(["id"], row: 1), .tooLong(row: 2, bytes: 101, limit: 50), .fields(["c-2"], row: 3),
        ])
    }

    @Test func aQuoteNeverClosedIsReportedAtTheEnd() throws {
        #expect(try Self.records("id;note\nc-1;\"open\nc-2;x\n") == [.fields(["id", "note"], row: 1), .unclosedQuote(row: 2, field: 2)])
    }

    @Test func quotesThatBendTheRuleAreKeptAsWrittenAsExcelDoes() throws {
        #expect(try Self.records("a,b\n5\" screen,\"ab\"c\n") == [.fields(["a", "b"], row: 1), .fields(["5\" screen", "abc"], row: 2)])
    }

    @Test func anEmptyInputHasNoRecords() throws {
        #expect(try Self.records("").isEmpty)
        #expect(try Self.records("\u{FEFF}").isEmpty)
    }
}
