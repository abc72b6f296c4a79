import Foundation

/// `--format json`: a stable document (docs/diagnostics.md, "JSON output"), keys sorted, the
/// diagnostics in file and position order.
public struct JSONDiagnosticReporter: DiagnosticReporter {
    public init() {}

    public func render(_ diagnostics: [Diagnostic], context: DiagnosticReportContext) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let document = Document(
            schema_version: 1,
            diagnostics: diagnostics.map { d in
                Item(
                    file: d.location.file, line: d.location.line, column: d.location.column, severity: d.severity.rawValue,
                    code: d.code.rawValue, message: d.message, hint: d.hint,
                    related: d.related.map {
                        Related(file: $0.location.file, line: $0.location.line, column: $0.location.column, message: $0.value)
                    })
            },
            summary: Summary(errors: diagnostics.errorCount, warnings: diagnostics.warningCount, files: context.fileCount))
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        var schema_version: Int
        var diagnostics: [Item]
        var summary: Summary
    }

    struct Item: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var code: String
        var message: String
        var hint: String?
        var related: [Related]

        // `hint` is always present (null when there is none), so consumers need not test for the key.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(line, forKey: .line)
            try c.encode(column, forKey: .column)
            try c.encode(severity, forKey: .severity)
            try c.encode(code, forKey: .code)
            try c.encode(message, forKey: .message)
            try c.encode(hint, forKey: .hint)
            try c.encode(related, forKey: .related)
        }

        enum CodingKeys: String, CodingKey { case file, line, column, severity, code, message, hint, related }
    }

    struct Related: Encodable {
        var file: String
        var line: Int
        var column: Int
        var message: String
    }

    struct Summary: Encodable {
        var errors: Int
        var warnings: Int
        var files: Int
    }
}
