/// JUnit XML, the format CI systems ingest for test results: one testsuite per test file, one
/// testcase per test, a failure element per failing test.
package struct RuleTestJUnitReporter: RuleTestReporter {
    package init() {}

    package func render(_ report: RuleTestReport) -> String {
        var files: [String] = []
        for result in report.results where !files.contains(result.file) { files.append(result.file) }
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<testsuites name="adviser test" tests="\#(report.results.count)" failures="\#(report.failed)">"# + "\n"
        for file in files {
            let results = report.results.filter { $0.file == file }
            let failed = results.count { !$0.passed }
            xml += #"  <testsuite name="\#(escape(file))" tests="\#(results.count)" failures="\#(failed)">"# + "\n"
            for result in results {
                xml += #"    <testcase classname="\#(escape(file))" name="\#(escape(result.name))" file="\#(escape(file))" line="\#(result.location.line)""#
                if result.passed {
                    xml += "/>\n"
                    continue
                }
                xml += ">\n"
                let summary = result.failures.count == 1 ? result.failures[0].message : "\(result.failures.count) expectations not met"
                xml += #"      <failure message="\#(escape(summary))" type="expectation">"#
                xml += escape(result.failures.map(\.line).joined(separator: "\n"))
                xml += "</failure>\n"
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    /// XML-escapes text for attributes and content, dropping characters XML 1.0 cannot hold.
    func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t", "\r": out += "&#\(scalar.value);"
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
