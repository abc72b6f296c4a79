import AdviserTestSupport
import Foundation
import Testing

/// `--format csv` and `--excel` on the command line, as a planner would run them.
struct SpreadsheetCommandTests {
    static let header = "scenario,offering,offering_name,segment,segment_name,lever,lever_name,today,recommended,today_text,recommended_text,unit,changed,source,value_today,value_recommended,value_held,margin_today,margin_recommended,currency\r\n"

    @Test func excelImpliesCSVWithAByteOrderMark() throws {
        let result = try AdviserProcess.run(["advise", "--scenario", "downturn", "--segment", "solo-trades", "--excel"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\u{FEFF}" + Self.header))
    }

    @Test func compareWritesTheSameTable() throws {
        let result = try AdviserProcess.run(["compare", "--scenario", "current", "--scenario", "downturn", "--offering", "managed-bookkeeping", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(Self.header))
        let rows = result.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(rows.map { $0.prefix { $0 != "," } }.prefix(2) == ["current", "downturn"], "the scenarios of one lever side by side")
    }

    @Test func excelWithAnotherFormatIsRefused() throws {
        let result = try AdviserProcess.run(["advise", "--excel", "--format", "json"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("--excel writes CSV for a spreadsheet"), "\(result.stderr)")
    }
}
