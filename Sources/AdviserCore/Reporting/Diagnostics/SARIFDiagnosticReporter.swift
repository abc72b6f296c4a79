import Foundation

/// `--format sarif`: SARIF 2.1.0 for code scanning (github/codeql-action/upload-sarif). Every code is
/// a rule of the tool; file URIs are relative to the repository root (`%SRCROOT%`).
public struct SARIFDiagnosticReporter: DiagnosticReporter {
    public init() {}

    public func render(_ diagnostics: [Diagnostic], context: DiagnosticReportContext) -> String {
        let catalog = DiagnosticCatalog.all
        var ruleIndex: [String: Int] = [:]
        for (i, entry) in catalog.enumerated() { ruleIndex[entry.code.rawValue] = i }
        let rules: [[String: Any]] = catalog.map { entry in
            [
                "id": entry.code.rawValue,
                "name": entry.code.rawValue,
                "shortDescription": ["text": entry.summary],
                "fullDescription": ["text": entry.summary + " See docs/diagnostics.md, section \(entry.code.rawValue)."],
                "defaultConfiguration": ["level": Self.level(entry.severity)],
            ]
        }
        var results: [[String: Any]] = []
        for d in diagnostics {
            var result: [String: Any] = [
                "ruleId": d.code.rawValue,
                "level": Self.level(d.severity),
                "message": ["text": d.message + (d.hint.map { " (\($0))" } ?? "")],
                "locations": [Self.location(d.location, context: context)],
            ]
            if let index = ruleIndex[d.code.rawValue] { result["ruleIndex"] = index }
            if !d.related.isEmpty {
                result["relatedLocations"] = d.related.enumerated().map { i, related in
                    var location = Self.location(related.location, context: context)
                    location["id"] = i
                    location["message"] = ["text": related.value]
                    return location
                }
            }
            results.append(result)
        }
        var run: [String: Any] = [
            "tool": ["driver": [
                "name": "adviser", "version": context.toolVersion, "semanticVersion": context.toolVersion,
                "rules": rules,
            ] as [String: Any]],
            "results": results,
            "columnKind": "unicodeCodePoints",
        ]
        if let root = context.repositoryRoot {
            let uri = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL.absoluteString
            run["originalUriBaseIds"] = ["%SRCROOT%": ["uri": uri.hasSuffix("/") ? uri : uri + "/"]]
        }
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    static func location(_ location: SourceLocation, context: DiagnosticReportContext) -> [String: Any] {
        var artifact: [String: Any]
        if let relative = context.repositoryRelativePath(location.file) {
            artifact = ["uri": Self.percentEncoded(relative), "uriBaseId": "%SRCROOT%"]
        } else {
            artifact = ["uri": URL(fileURLWithPath: context.absolutePath(location.file)).absoluteString]
        }
        return ["physicalLocation": [
            "artifactLocation": artifact,
            "region": ["startLine": max(1, location.line), "startColumn": max(1, location.column)],
        ] as [String: Any]]
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
