/// Machine-readable advice: a stable schema (docs/json-output.md), keys sorted, so the same input
/// gives the same bytes. `AdviceJSON` writes the documents; batch mode writes the same ones.
package struct AdviceJSONReporter: AdviceReporter {
    package init() {}

    package func render(_ report: AdviceReport) -> String {
        var writer = JSONWriter(pretty: true)
        AdviceJSON.write(report, to: &writer)
        return writer.text + "\n"
    }
}
