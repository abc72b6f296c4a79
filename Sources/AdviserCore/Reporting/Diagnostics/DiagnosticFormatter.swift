import Foundation

/// Prints diagnostics the way compilers do, so editors and terminals can jump to them:
///
///     Rules/offerings/bookkeeping.yaml:12:5: error[unknown-key]: unknown key 'levles' in lever (did you mean 'levels'?)
///        12 |     levles: [basic, standard]
///           |     ^
package struct DiagnosticFormatter: Sendable {
    /// File texts by path, for the source line under each diagnostic; empty to leave them out.
    package var sources: [String: String]
    package var colors: TerminalColors

    /// Where each line of each file starts, built on first use: finding the line of every
    /// diagnostic by splitting the whole file made thousands of diagnostics in a big file quadratic.
    private let lineStarts = LineStarts()

    package init(sources: [String: String] = [:], colors: TerminalColors = .none) {
        self.sources = sources
        self.colors = colors
    }

    /// The one-line form: `file:line:col: severity[code]: message (hint)`.
    package static func line(_ d: Diagnostic) -> String {
        "\(d.location): \(d.severity.rawValue)[\(d.code)]: \(d.message)" + (d.hint.map { " (\($0))" } ?? "")
    }

    package func format(_ d: Diagnostic) -> String {
        let severity = d.severity == .error ? colors.red(d.severity.rawValue) : colors.yellow(d.severity.rawValue)
        var text = colors.bold("\(d.location):") + " \(severity)[\(d.code)]: " + colors.bold(d.message)
        if let hint = d.hint { text += " (\(hint))" }
        if let snippet = snippet(at: d.location) { text += "\n" + snippet }
        for related in d.related {
            text += "\n  note: \(related.value) at \(related.location)"
        }
        return text
    }

    /// `3 errors, 1 warning in 9 files`.
    package static func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(diagnostics.errorCount, "error")), \(plural(diagnostics.warningCount, "warning")) in \(plural(files, "file"))"
    }

    private func snippet(at location: SourceLocation) -> String? {
        guard let source = sources[location.file] else { return nil }
        let starts = lineStarts.starts(of: location.file, in: source)
        guard location.line >= 1, location.line <= starts.count else { return nil }
        let utf8 = source.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: starts[location.line - 1])
        let end = location.line < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[location.line] - 1) : utf8.endIndex
        var line = Substring(source[start..<end])
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        if line.hasSuffix("\r") { line = line.dropLast() }
        if line.unicodeScalars.first == "\u{FEFF}" { line = Substring(line.unicodeScalars.dropFirst()) }
        let gutter = String(location.line)
        let pad = String(repeating: " ", count: gutter.count)
        // The caret sits under the column; tabs are kept so it lines up in the terminal.
        let prefix = line.unicodeScalars.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        return " \(gutter) | \(line)\n \(pad) | \(prefix)" + colors.green("^")
    }
}

/// The UTF-8 offsets at which the lines of each file start, computed once per file.
private final class LineStarts: @unchecked Sendable {
    private var byFile: [String: [Int]] = [:]
    private let lock = NSLock()

    func starts(of file: String, in source: String) -> [Int] {
        lock.lock()
        defer { lock.unlock() }
        if let known = byFile[file] { return known }
        var starts = [0]
        var offset = 0
        for byte in source.utf8 {
            offset += 1
            if byte == UInt8(ascii: "\n") { starts.append(offset) }
        }
        byFile[file] = starts
        return starts
    }
}
