@testable import AdviserCore
import Testing

struct YAMLComposerTests {
    func compose(_ text: String, limits: YAMLLimits = .init()) -> YAMLComposer.Result {
        YAMLComposer(limits: limits).compose(Array(text.utf8), file: "f.yaml")
    }

    @Test func keepsLocationsOfKeysAndValues() throws {
        let result = compose("a: 1\nlist:\n  - x\n  - {k: v}\n")
        let root = try #require(result.root)
        #expect(root.pair("list")?.keyLocation == SourceLocation(file: "f.yaml", line: 2, column: 1))
        #expect(root["list"]?.sequence?[1]["k"]?.location == SourceLocation(file: "f.yaml", line: 4, column: 9))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func duplicateKeyIsReportedWhereItRepeats() {
        let result = compose("a: 1\nb: 2\na: 3\n")
        #expect(result.diagnostics.map(DiagnosticFormatter.line) == [
            "f.yaml:3:1: error[yaml-duplicate-key]: the key 'a' appears twice in this mapping (remove one of them)",
        ])
        #expect(result.diagnostics.first?.related.first?.location == SourceLocation(file: "f.yaml", line: 1, column: 1))
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
            text += "a\(i): &a\(i) [\(refs)]\n"
        }
        #expect(text.utf8.count < 1_024)
        let result = compose(text)
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.code) == [.yamlAliasLimit])
    }

    @Test func aliasUsedAsAKeyDoesNotHang() {
        // The shape that made Yams' compose hash whole shared subtrees for minutes.
        var text = "a0: &a0 {k: v}\n"
        for i in 1...9 { text += "a\(i): &a\(i) {x: *a\(i - 1), y: *a\(i - 1)}\n" }
        text += "? *a9\n: 1\n"
        let result = compose(text)
        #expect(result.diagnostics.contains { $0.code == .yamlComplexKey || $0.code == .yamlAliasLimit })
    }

    @Test func deepNestingIsRefusedWithoutRecursion() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let result = compose(text)
        #expect(result.diagnostics.map(\.code) == [.yamlTooDeep])
    }

    @Test func nodeLimit() {
        let result = compose("[1, 2, 3, 4, 5]", limits: YAMLLimits(maxNodes: 3))
        #expect(result.diagnostics.map(\.code) == [.yamlTooLarge])
    }

    @Test func byteOrderMarkAndWindowsLineEndingsKeepPositions() throws {
        let plain = compose("a: 1\nb:\n  c: x\n")
        let windows = compose("\u{FEFF}a: 1\r\nb:\r\n  c: x\r\n")
        #expect(windows.diagnostics.isEmpty)
        let c1 = try #require(plain.root?["b"]?["c"]?.location)
        let c2 = try #require(windows.root?["b"]?["c"]?.location)
        #expect(c1 == c2)
        #expect(windows.root?["b"]?["c"]?.scalar?.value == "x")
    }

    @Test func tabIndentationGetsAHint() {
        let result = compose("a:\n\tb: 1\n")
        #expect(result.diagnostics.first?.code == .yamlTabIndent)
        #expect(result.diagnostics.first?.hint == "indent with spaces, not tabs")
    }

    @Test func unknownAliasSuggestsQuotes() {
        let result = compose("when: *segment.x > 2\n")
        #expect(result.diagnostics.first?.code == .yamlSyntax)
        #expect(result.diagnostics.first?.hint?.contains("put quotes around it") == true)
    }

    @Test func emptyFileHasNoRoot() {
        #expect(compose("").root == nil)
        #expect(compose("# only a comment\n").root == nil)
    }
}

struct ScalarReaderTests {
    @Test(arguments: [("12", 12.0), ("-3.5", -3.5), ("1e3", 1000.0), ("+2", 2.0), ("0", 0.0)])
    func readsDecimalNumbers(text: String, value: Double) throws {
        #expect(try ScalarReader.number(YAMLScalar(text)).get() == value)
    }

    @Test(arguments: [
        (".5", "write 0.5"), ("0x10", "write the number in decimal"), ("1_000", "write 1000 without separators"),
        ("1e400", nil), (".nan", "NaN and infinity are not allowed"), ("10%", "write the percentage as a plain number, e.g. 10"),
    ])
    func refusesSurprisingNumbers(text: String, hint: String?) {
        guard case .failure(let problem) = ScalarReader.number(YAMLScalar(text)) else {
            Issue.record("\(text) was accepted")
            return
        }
        #expect(problem.hint == hint)
    }

    @Test func quotedNumberIsText() {
        guard case .failure(let problem) = ScalarReader.number(YAMLScalar("12", style: .doubleQuoted)) else {
            Issue.record("accepted")
            return
        }
        #expect(problem.hint == "remove the quotes")
    }

    @Test func yamlOneOneBooleansAreRefusedWithAHint() throws {
        guard case .failure(let problem) = ScalarReader.bool(YAMLScalar("yes")) else {
            Issue.record("accepted")
            return
        }
        #expect(problem.hint == "write true")
        #expect(try ScalarReader.bool(YAMLScalar("false")).get() == false)
    }

    @Test func changes() throws {
        #expect(try ScalarReader.change(YAMLScalar("-10%")).get() == .percent(-10))
        #expect(try ScalarReader.change(YAMLScalar("+2")).get() == .units(2))
    }

    @Test func dates() throws {
        #expect(try ScalarReader.date(YAMLScalar("1970-01-02")).get() == 1)
        #expect(try ScalarReader.date(YAMLScalar("2024-02-29")).get() == 19_782)
        #expect((try? ScalarReader.date(YAMLScalar("2023-02-29")).get()) == nil)
    }
}
