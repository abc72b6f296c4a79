/// Maps an offset inside an expression back to `file:line:col` in the YAML file it came from.
///
/// YAML may have folded, unquoted or unescaped the text (block scalars, quotes, `\"`), so the offset
/// in the value is not the offset in the file. We walk the raw file from the scalar's start and the
/// value side by side, matching character for character and skipping what YAML removed
/// (indentation, quotes, backslashes, line breaks folded into spaces).
package struct ExpressionLocator: Sendable {
    package var sources: [String: String]

    package init(sources: [String: String]) {
        self.sources = sources
    }

    package func location(of offset: Int, in expression: ExpressionSource) -> SourceLocation {
        let start = expression.location
        guard let text = sources[start.file], offset > 0 else { return start }
        let raw = Array(text.unicodeScalars)
        let value = Array(expression.text.unicodeScalars)
        // Find the raw index of the scalar's start (line and column are 1-based, in scalars).
        var index = 0, line = 1
        while line < start.line, index < raw.count {
            if raw[index] == "\n" { line += 1 }
            index += 1
        }
        index += start.column - 1
        var column = start.column
        // Block scalars start on the line after their indicator (`|` or `>`).
        if expression.style == .literal || expression.style == .folded {
            while index < raw.count, raw[index] != "\n" { index += 1 }
            index += 1
            line += 1
            column = 1
        }
        var matched = 0
        // In double quotes, `\"` stands for `"`: a position inside the value maps to the backslash.
        var escapeStart: SourceLocation?
        while index < raw.count {
            let r = raw[index]
            if matched < value.count, r == value[matched] || (value[matched] == " " && r == "\n") {
                if matched == offset { return escapeStart ?? SourceLocation(source: start.source, line: line, column: column) }
                matched += 1
                escapeStart = nil
            } else if expression.style == .doubleQuoted, r == "\\", escapeStart == nil {
                escapeStart = SourceLocation(source: start.source, line: line, column: column)
            } else {
                escapeStart = nil
            }
            if r == "\n" {
                line += 1
                column = 1
            } else if r != "\r" {
                column += 1
            }
            index += 1
            // An offset at the very end of the value (an unclosed '(' or string): just after its last
            // character, not wherever the scan would stop in the rest of the file.
            if matched == value.count, offset >= matched { break }
            if matched > offset { break }
        }
        // The offset is past the end (an error at the very end of the text): point just after it.
        return SourceLocation(source: start.source, line: line, column: column)
    }
}
