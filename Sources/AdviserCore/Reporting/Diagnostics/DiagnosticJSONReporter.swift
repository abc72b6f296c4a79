/// `--format json`: a stable document (docs/diagnostics.md, "json"), keys sorted, the diagnostics in
/// file and position order.
package struct DiagnosticJSONReporter: DiagnosticReporter {
    package static let schemaVersion = 1

    package init() {}

    package func render(_ diagnostics: [Diagnostic], context: DiagnosticReportContext) -> String {
        let document: JSONValue = .object([
            "schema_version": .number(Double(Self.schemaVersion)),
            "diagnostics": .array(diagnostics.map(Self.item)),
            "summary": .object([
                "errors": .number(Double(diagnostics.errorCount)),
                "warnings": .number(Double(diagnostics.warningCount)),
                "files": .number(Double(context.fileCount)),
            ]),
        ])
        return document.serialized(pretty: true) + "\n"
    }

    /// One diagnostic; `hint` is always present (null when there is none).
    static func item(_ d: Diagnostic) -> JSONValue {
        .object([
            "file": .string(d.location.file),
            "line": .number(Double(d.location.line)),
            "column": .number(Double(d.location.column)),
            "severity": .string(d.severity.rawValue),
            "code": .string(d.code.rawValue),
            "message": .string(d.message),
            "hint": d.hint.json,
            "related": .array(d.related.map { related in
                .object([
                    "file": .string(related.location.file),
                    "line": .number(Double(related.location.line)),
                    "column": .number(Double(related.location.column)),
                    "message": .string(related.value),
                ])
            }),
        ])
    }
}
