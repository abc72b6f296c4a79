import Foundation

/// `--format sarif`: SARIF 2.1.0 for code scanning (github/codeql-action/upload-sarif). Every code is
/// a rule of the tool; file URIs are relative to the repository root (`%SRCROOT%`).
package struct DiagnosticSARIFReporter: DiagnosticReporter {
    package init() {}

    package func render(_ diagnostics: [Diagnostic], context: DiagnosticReportContext) -> String {
        let catalog = DiagnosticCatalog.all
        var ruleIndex: [String: Int] = [:]
        for (i, entry) in catalog.enumerated() { ruleIndex[entry.code.rawValue] = i }
        let rules: [JSONValue] = catalog.map { entry in
            .object([
                "id": .string(entry.code.rawValue),
                "name": .string(entry.code.rawValue),
                "shortDescription": .object(["text": .string(entry.summary)]),
                "fullDescription": .object(["text": .string(entry.summary + " See docs/diagnostics.md, section \(entry.code.rawValue).")]),
                "defaultConfiguration": .object(["level": .string(Self.level(entry.severity))]),
            ])
        }
        var results: [JSONValue] = []
        for d in diagnostics {
            var result: JSONObject = [
                "ruleId": .string(d.code.rawValue),
                "level": .string(Self.level(d.severity)),
                "message": .object(["text": .string(d.message + (d.hint.map { " (\($0))" } ?? ""))]),
                "locations": .array([.object(Self.location(d.location, context: context))]),
            ]
            if let index = ruleIndex[d.code.rawValue] { result["ruleIndex"] = .number(Double(index)) }
            if !d.related.isEmpty {
                result["relatedLocations"] = .array(d.related.enumerated().map { i, related in
                    var location = Self.location(related.location, context: context)
                    location["id"] = .number(Double(i))
                    location["message"] = .object(["text": .string(related.value)])
                    return .object(location)
                })
            }
            results.append(.object(result))
        }
        var run: JSONObject = [
            "tool": .object(["driver": .object([
                "name": "adviser", "version": .string(context.toolVersion), "semanticVersion": .string(context.toolVersion),
                "rules": .array(rules),
            ])]),
            "results": .array(results),
            "columnKind": "unicodeCodePoints",
        ]
        if let root = context.repositoryRoot {
            let uri = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL.absoluteString
            run["originalUriBaseIds"] = .object(["%SRCROOT%": .object(["uri": .string(uri.hasSuffix("/") ? uri : uri + "/")])])
        }
        let document: JSONValue = .object([
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": .array([.object(run)]),
        ])
        return document.serialized(pretty: true) + "\n"
    }

    static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    static func location(_ location: SourceLocation, context: DiagnosticReportContext) -> JSONObject {
        let artifact: JSONValue
        if let relative = context.repositoryRelativePath(location.file) {
            artifact = .object(["uri": .string(Self.percentEncoded(relative)), "uriBaseId": "%SRCROOT%"])
        } else {
            artifact = .object(["uri": .string(URL(fileURLWithPath: context.absolutePath(location.file)).absoluteString)])
        }
        return ["physicalLocation": .object([
            "artifactLocation": artifact,
            "region": .object([
                "startLine": .number(Double(max(1, location.line))), "startColumn": .number(Double(max(1, location.column))),
            ]),
        ])]
    }

    /// A relative path as a URI reference: each segment percent-encoded, `/` kept.
    static func percentEncoded(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "/")
    }
}
