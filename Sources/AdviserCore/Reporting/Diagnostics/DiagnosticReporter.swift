/// Turns the findings of `adviser validate` into one output format; `DiagnosticFormat` knows which
/// reporter writes which format.
package protocol DiagnosticReporter: Sendable {
    func render(_ diagnostics: [Diagnostic], context: DiagnosticReportContext) -> String
}
