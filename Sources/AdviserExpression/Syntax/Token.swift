/// One lexical token with its span.
package struct Token: Hashable, Sendable {
    /// What was read. Literal payloads are already decoded (escapes resolved).
    package enum Kind: Hashable, Sendable {
        /// An integer literal's magnitude; the sign is applied by the parser, so that
        /// `-9223372036854775808` is representable.
        case int(UInt64)
        case uint(UInt64)
        case double(Double)
        case string(String)
        case bytes([UInt8])
        case identifier(String)
        /// A back-quoted field name, e.g. `` a.`content-type` ``.
        case quotedIdentifier(String)
        /// Punctuation and operators, e.g. `&&`, `(`, `.`.
        case symbol(String)
        case endOfInput
    }

    package var kind: Kind
    package var span: SourceSpan

    package init(kind: Kind, span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}
