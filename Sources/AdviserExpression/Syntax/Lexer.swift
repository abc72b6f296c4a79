/// Splits an expression into tokens. Works on Unicode scalars so spans are scalar offsets.
package struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    package init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// All tokens up to and including `.endOfInput`, or the first lexical error.
    package mutating func tokenize() -> Result<[Token], ExpressionDiagnostic> {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 3 + 2)  // conditions run about 4 characters a token
        do throws(ExpressionDiagnostic) {
            while true {
                let token = try next()
                tokens.append(token)
                if case .endOfInput = token.kind { return .success(tokens) }
            }
        } catch {
            return .failure(error)
        }
    }

    // MARK: - Scanning

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = position + offset
        return i < scalars.count ? scalars[i] : nil
    }

    private static func isIdentStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    private static func isHex(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || (c >= "a" && c <= "f") || (c >= "A" && c <= "F")
    }

    private mutating func skipTrivia() {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                position += 1
            } else if c == "/" && peek(1) == "/" {
                // Line comment, as in CEL.
                while let d = peek(), d != "\n" { position += 1; _ = d }
            } else {
                return
            }
        }
    }

    // Typed throws rather than a `Result` per token: most tokens are fine, and a `Result` carrying
    // a diagnostic is a large value to copy out of every call.
    private mutating func next() throws(ExpressionDiagnostic) -> Token {
        skipTrivia()
        let start = position
        guard let c = peek() else {
            return Token(kind: .endOfInput, span: SourceSpan(start: start, end: start))
        }
        func token(_ kind: Token.Kind) -> Token {
            Token(kind: kind, span: SourceSpan(start: start, end: position))
        }
        // String and bytes literals with optional r/b prefixes.
        if c == "\"" || c == "'" { return try lexString(start: start, raw: false, bytes: false) }
        if c == "r" || c == "R" || c == "b" || c == "B" {
            var offset = 1
            var raw = c == "r" || c == "R"
            var bytes = c == "b" || c == "B"
            if let second = peek(1), (bytes && (second == "r" || second == "R")) || (raw && (second == "b" || second == "B")) {
                raw = true; bytes = true; offset = 2
            }
            if let q = peek(offset), q == "\"" || q == "'" {
                position += offset
                return try lexString(start: start, raw: raw, bytes: bytes)
            }
        }
        if Self.isIdentStart(c) {
            while let d = peek(), Self.isIdentStart(d) || Self.isDigit(d) { position += 1 }
            return token(.identifier(text(start, position)))
        }
        if Self.isDigit(c) || (c == "." && peek(1).map(Self.isDigit) == true) {
            return try lexNumber(start: start)
        }
        if c == "`" {
            position += 1
            let nameStart = position
            while let d = peek(), d != "`", d != "\n" { position += 1 }
            guard peek() == "`", position > nameStart else {
                throw .syntax("unterminated quoted field name", SourceSpan(start: start, end: position))
            }
            let name = text(nameStart, position)
            position += 1
            return token(.quotedIdentifier(name))
        }
        if let symbol = Self.symbol(c, peek(1)) {
            position += symbol.utf8.count
            return token(.symbol(symbol))
        }
        position += 1
        throw .syntax("unexpected character '\(c)'", SourceSpan(start: start, end: position))
    }

    /// The operator or punctuation starting with `c` (two characters when `next` completes one),
    /// as a constant string: no string is built per token.
    private static func symbol(_ c: Unicode.Scalar, _ next: Unicode.Scalar?) -> String? {
        switch (c, next) {
        case ("&", "&"): return "&&"
        case ("|", "|"): return "||"
        case ("=", "="): return "=="
        case ("!", "="): return "!="
        case ("<", "="): return "<="
        case (">", "="): return ">="
        default: break
        }
        switch c {
        case "+": return "+"
        case "-": return "-"
        case "*": return "*"
        case "/": return "/"
        case "%": return "%"
        case "<": return "<"
        case ">": return ">"
        case "!": return "!"
        case "?": return "?"
        case ":": return ":"
        case ".": return "."
        case ",": return ","
        case "(": return "("
        case ")": return ")"
        case "[": return "["
        case "]": return "]"
        case "{": return "{"
        case "}": return "}"
        default: return nil
        }
    }

    private func text(_ from: Int, _ to: Int) -> String {
        // Written straight into the string's storage: every identifier and literal of every rule
        // passes through here, and an ASCII one (nearly all) then needs no buffer in between, and
        // a short one no allocation at all.
        let slice = scalars[from..<to]
        guard slice.allSatisfy(\.isASCII) else {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: slice)
            return String(view)
        }
        return String(unsafeUninitializedCapacity: slice.count) { buffer in
            for (offset, scalar) in slice.enumerated() { buffer[offset] = UInt8(truncatingIfNeeded: scalar.value) }
            return slice.count
        }
    }

    // MARK: - Numbers

    private mutating func lexNumber(start: Int) throws(ExpressionDiagnostic) -> Token {
        func span() -> SourceSpan { SourceSpan(start: start, end: position) }
        if peek() == "0", let x = peek(1), x == "x" || x == "X" {
            position += 2
            let digitsStart = position
            while let d = peek(), Self.isHex(d) { position += 1 }
            guard position > digitsStart, let value = UInt64(text(digitsStart, position), radix: 16) else {
                throw .syntax("invalid hexadecimal literal", span())
            }
            return integerSuffix(value, start: start)
        }
        var isDouble = false
        while let d = peek(), Self.isDigit(d) { position += 1 }
        if peek() == ".", let d = peek(1), Self.isDigit(d) {
            isDouble = true
            position += 1
            while let d = peek(), Self.isDigit(d) { position += 1 }
        }
        if let e = peek(), e == "e" || e == "E" {
            var offset = 1
            if let s = peek(1), s == "+" || s == "-" { offset = 2 }
            if let d = peek(offset), Self.isDigit(d) {
                isDouble = true
                position += offset
                while let d = peek(), Self.isDigit(d) { position += 1 }
            }
        }
        let literal = text(start, position)
        if isDouble {
            guard let value = Double(literal) else { throw .syntax("invalid number '\(literal)'", span()) }
            return Token(kind: .double(value), span: span())
        }
        guard let value = UInt64(literal) else {
            throw .syntax("integer literal '\(literal)' is out of range", span())
        }
        return integerSuffix(value, start: start)
    }

    private mutating func integerSuffix(_ value: UInt64, start: Int) -> Token {
        if let u = peek(), u == "u" || u == "U" {
            position += 1
            return Token(kind: .uint(value), span: SourceSpan(start: start, end: position))
        }
        return Token(kind: .int(value), span: SourceSpan(start: start, end: position))
    }

    // MARK: - Strings and bytes

    private mutating func lexString(start: Int, raw: Bool, bytes: Bool) throws(ExpressionDiagnostic) -> Token {
        let quote = peek()!
        let triple = peek(1) == quote && peek(2) == quote
        position += triple ? 3 : 1
        var out: [UInt8] = []   // UTF-8 for strings, raw bytes for bytes
        func appendScalar(_ s: Unicode.Scalar) { UTF8.encode(s, into: { out.append($0) }) }
        while true {
            guard let c = peek() else {
                throw .syntax("unterminated string literal", SourceSpan(start: start, end: position))
            }
            if c == quote && (!triple || (peek(1) == quote && peek(2) == quote)) {
                position += triple ? 3 : 1
                break
            }
            if !triple && (c == "\n" || c == "\r") {
                throw .syntax("newline in string literal", SourceSpan(start: start, end: position))
            }
            if c == "\\" && !raw {
                let escStart = position
                position += 1
                guard let e = peek() else {
                    throw .syntax("unterminated string literal", SourceSpan(start: start, end: position))
                }
                position += 1
                func bad(_ what: String) -> ExpressionDiagnostic {
                    .syntax(what, SourceSpan(start: escStart, end: position))
                }
                switch e {
                case "a": out.append(7)
                case "b": out.append(8)
                case "f": out.append(12)
                case "n": out.append(10)
                case "r": out.append(13)
                case "t": out.append(9)
                case "v": out.append(11)
                case "\\", "?", "\"", "'", "`": out.append(UInt8(e.value))
                case "x", "X", "u", "U":
                    let count = (e == "x" || e == "X") ? 2 : (e == "u" ? 4 : 8)
                    var value: UInt32 = 0
                    for _ in 0..<count {
                        guard let h = peek(), Self.isHex(h) else { throw bad("invalid escape sequence") }
                        value = value * 16 + UInt32(String(h), radix: 16)!
                        position += 1
                    }
                    if count == 2 {
                        if bytes { out.append(UInt8(value)) } else { appendScalar(Unicode.Scalar(UInt8(value))) }
                    } else {
                        guard !bytes, let s = Unicode.Scalar(value) else { throw bad("invalid unicode escape") }
                        appendScalar(s)
                    }
                case "0"..."3":
                    var value = UInt32(e.value - 48)
                    for _ in 0..<2 {
                        guard let o = peek(), o >= "0" && o <= "7" else { throw bad("invalid octal escape") }
                        value = value * 8 + (o.value - 48)
                        position += 1
                    }
                    if bytes { out.append(UInt8(value)) } else { appendScalar(Unicode.Scalar(UInt8(value))) }
                default:
                    throw bad("invalid escape sequence '\\\(e)'")
                }
                continue
            }
            appendScalar(c)
            position += 1
        }
        let span = SourceSpan(start: start, end: position)
        if bytes { return Token(kind: .bytes(out), span: span) }
        return Token(kind: .string(String(decoding: out, as: UTF8.self)), span: span)
    }
}
