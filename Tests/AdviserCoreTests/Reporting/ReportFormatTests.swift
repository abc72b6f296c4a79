import AdviserCore
import Testing

/// Each subject's format enum lists its formats for `--format`'s help and returns a reporter for each.
struct ReportFormatTests {
    @Test func choicesReadAsTheHelpSaysThem() {
        #expect(AdviceFormat.choices == "text (the default), markdown, json, html (a one-file brief with charts) or csv (one row per lever, for spreadsheets)")
        #expect(DiagnosticFormat.choices == "text (the default), json, github or sarif")
        #expect(AdviceDiffFormat.choices == "text (the default), markdown, github or json")
        #expect(TippingPointFormat.choices == "text (the default), markdown or json")
    }

    @Test func onlyTheTextFormatsTakeColour() {
        let colors = TerminalColors(enabled: true)
        #expect(AdviceFormat.allCases.filter { ($0.reporter(options: ReportOptions(colors: colors)) as? AdviceTextReporter)?.colors.enabled == true } == [.text])
        #expect(DiagnosticFormat.allCases.filter { ($0.reporter(options: ReportOptions(colors: colors)) as? DiagnosticTextReporter)?.colors.enabled == true } == [.text])
        #expect(ComparisonFormat.allCases.filter { ($0.reporter(options: ReportOptions(colors: colors)) as? ComparisonTextReporter)?.colors.enabled == true } == [.text])
        #expect(TippingPointFormat.allCases.filter { ($0.reporter(options: ReportOptions(colors: colors)) as? TippingPointTextReporter)?.colors.enabled == true } == [.text])
    }
}
