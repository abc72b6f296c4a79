import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// docs/diagnostics.md documents every code the tool can report.
struct DiagnosticDocsTests {
    @Test func everyCodeHasASection() throws {
        let doc = try String(contentsOf: PackagePaths.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        let headings = doc.split(separator: "\n").filter { $0.hasPrefix("### ") }
        let missing = DiagnosticCatalog.all.map(\.code.rawValue).filter { code in !headings.contains { $0.contains("`\(code)`") } }
        #expect(missing.isEmpty, "codes without a section in docs/diagnostics.md: \(missing)")
        #expect(DiagnosticCatalog.all.allSatisfy { $0.summary != $0.code.rawValue }, "a code without a summary")
    }
}
