/// A problem found while parsing or checking an expression, with the span it concerns.
public struct ExpressionDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable kebab-case identifier, e.g. `undeclared-reference`; see `Code`.
    public var code: String
    /// Plain words, e.g. "unknown fact 'segment.price_sensitivty'".
    public var message: String
    /// The part of the expression text it concerns.
    public var span: SourceSpan
    /// A suggestion, e.g. "did you mean 'segment.price_sensitivity'?".
    public var hint: String?

    /// A diagnostic with this code and wording.
    public init(code: String, message: String, span: SourceSpan, hint: String? = nil) {
        self.code = code
        self.message = message
        self.span = span
        self.hint = hint
    }

    /// `start-end: code: message (hint)`.
    public var description: String {
        "\(span.start)-\(span.end): \(code): \(message)" + (hint.map { " (\($0))" } ?? "")
    }
}

// MARK: - Codes

extension ExpressionDiagnostic {
    /// The stable diagnostic codes.
    public enum Code {
        /// `expr-syntax`: the text is not a valid expression.
        public static let syntax = "expr-syntax"
        /// `expr-too-deep`: nested deeper than `ParseLimits.maxHeight`.
        public static let tooDeep = "expr-too-deep"
        /// `expr-too-long`: longer than `ParseLimits.maxLength`.
        public static let tooLong = "expr-too-long"
        /// `undeclared-reference`: a name that no declaration has.
        public static let undeclaredReference = "undeclared-reference"
        /// `unknown-function`: a function the language does not have.
        public static let unknownFunction = "unknown-function"
        /// `no-matching-overload`: a function or operator applied to types it does not take.
        public static let noMatchingOverload = "no-matching-overload"
        /// `type-mismatch`: a value of the wrong type (a condition that is not a bool, say).
        public static let typeMismatch = "type-mismatch"
        /// `unknown-enum-value`: a string compared with an enum fact that has no such value.
        public static let unknownEnumValue = "unknown-enum-value"
        /// `invalid-regex`: a `matches` pattern that does not compile.
        public static let invalidRegex = "invalid-regex"
    }
}

// MARK: - Wording (every user-visible diagnostic text is built here)

extension ExpressionDiagnostic {
    static func didYouMean(_ suggestion: String?) -> String? {
        suggestion.map { "did you mean '\($0)'?" }
    }

    static func syntax(_ detail: String, _ span: SourceSpan) -> Self {
        Self(code: Code.syntax, message: "syntax error: \(detail)", span: span)
    }

    static func tooDeep(limit: Int, _ span: SourceSpan) -> Self {
        Self(code: Code.tooDeep, message: "expression is nested too deeply (more than \(limit) levels)", span: span)
    }

    static func tooLong(length: Int, limit: Int) -> Self {
        Self(code: Code.tooLong, message: "expression is too long (\(length) characters, at most \(limit))",
             span: SourceSpan(start: 0, end: length))
    }

    static func undeclared(_ name: String, suggestion: String?, _ span: SourceSpan) -> Self {
        Self(code: Code.undeclaredReference, message: "unknown fact '\(name)'", span: span, hint: didYouMean(suggestion))
    }

    static func unknownFunction(_ name: String, suggestion: String?, _ span: SourceSpan) -> Self {
        Self(code: Code.unknownFunction, message: "unknown function '\(name)'", span: span, hint: didYouMean(suggestion))
    }

    static func noOverload(_ function: String, _ types: [ExprType], _ span: SourceSpan) -> Self {
        let list = types.map(\.description).joined(separator: ", ")
        // Whole numbers and decimals do not mix in CEL arithmetic: the commonest surprise.
        let mixesNumbers = types.contains(.int) && types.contains(.double)
        return Self(code: Code.noMatchingOverload,
                    message: "no matching overload for '\(displayName(function))' applied to (\(list))", span: span,
                    hint: mixesNumbers ? "a whole number and a decimal do not mix: write 2.0 instead of 2, or convert with double(…)" : nil)
    }

    static func cannotCompare(_ op: String, _ lhs: ExprType, _ rhs: ExprType, _ span: SourceSpan) -> Self {
        let numberVsText = Set([lhs, rhs]) == [.string, .int] || Set([lhs, rhs]) == [.string, .double]
        return Self(code: Code.typeMismatch, message: "cannot compare \(lhs) with \(rhs) using '\(displayName(op))'", span: span,
                    hint: numberVsText ? "a text value is compared with text in double quotes, e.g. \"downturn\"" : nil)
    }

    static func expectedType(_ expected: ExprType, got: ExprType, what: String, _ span: SourceSpan) -> Self {
        Self(code: Code.typeMismatch, message: "\(what) must be \(expected), not \(got)", span: span)
    }

    static func noField(_ field: String, on type: ExprType, _ span: SourceSpan) -> Self {
        Self(code: Code.typeMismatch, message: "type \(type) has no field '\(field)'", span: span)
    }

    static func unknownEnumValue(_ value: String, fact: String, allowed: [String], suggestion: String?,
                                 _ span: SourceSpan) -> Self {
        Self(code: Code.unknownEnumValue,
             message: "'\(value)' is not a value of '\(fact)' (expected one of: \(allowed.joined(separator: ", ")))",
             span: span, hint: didYouMean(suggestion))
    }

    static func invalidRegex(_ detail: String, _ span: SourceSpan) -> Self {
        Self(code: Code.invalidRegex, message: "invalid regular expression: \(detail)", span: span)
    }

    /// Operator function names as users write them (`_<_` → `<`).
    static func displayName(_ function: String) -> String {
        switch function {
        case Operator.in: return "in"
        case Operator.conditional: return "?:"
        case Operator.logicalNot: return "!"
        case Operator.negate: return "-"
        default:
            if function.hasPrefix("_") && function.hasSuffix("_") && function.count > 2 {
                return String(function.dropFirst().dropLast())
            }
            return function
        }
    }
}

// MARK: - Suggestions

/// Levenshtein distance over Unicode scalars, used for did-you-mean hints.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The closest candidate, if it is close enough to be a plausible typo (distance at most
/// a third of the longer name, and at least 1 allowed; ties go to the first candidate).
func closestMatch(to name: String, among candidates: [String]) -> String? {
    var best: (String, Int)?
    for candidate in candidates {
        let d = editDistance(name, candidate)
        let allowed = Swift.max(1, Swift.max(name.count, candidate.count) / 3)
        if d <= allowed, best == nil || d < best!.1 { best = (candidate, d) }
    }
    return best?.0
}

// MARK: - Diagnostic lists as errors

/// Every diagnostic of one parse or check, as the error of a `Result` (the parser and the checker
/// report all problems, not just the first). A collection, so callers use it like the array it holds.
public struct ExpressionDiagnostics: Error, Hashable, Sendable, RandomAccessCollection, ExpressibleByArrayLiteral,
    CustomStringConvertible {
    /// The diagnostics, sorted by position.
    public var diagnostics: [ExpressionDiagnostic]

    /// The list `diagnostics`.
    public init(_ diagnostics: [ExpressionDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The list written as a literal.
    public init(arrayLiteral elements: ExpressionDiagnostic...) {
        diagnostics = elements
    }

    /// The first position.
    public var startIndex: Int { diagnostics.startIndex }
    /// One past the last position.
    public var endIndex: Int { diagnostics.endIndex }
    /// The diagnostic at `position`.
    public subscript(position: Int) -> ExpressionDiagnostic { diagnostics[position] }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
