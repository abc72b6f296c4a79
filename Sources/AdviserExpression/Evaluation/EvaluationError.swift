/// Why an evaluation failed, and where (the span of the sub-expression, when known).
public struct EvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, in words.
    public var message: String
    /// The sub-expression it concerns, when known.
    public var span: SourceSpan?

    /// An error with this wording, at `span` when known.
    public init(message: String, span: SourceSpan? = nil) {
        self.message = message
        self.span = span
    }

    /// `start-end: message`, or the message alone.
    public var description: String { span.map { "\($0.start)-\($0.end): \(message)" } ?? message }

    /// The cost budget ran out: never absorbed by `&&`, `||`, `all` or `exists`.
    public var isBudgetExceeded: Bool { message.hasPrefix("evaluation cost limit") }

    func at(_ span: SourceSpan) -> EvaluationError {
        self.span == nil ? EvaluationError(message: message, span: span) : self
    }
}

// MARK: - Wording (every evaluation error text is built here)

extension EvaluationError {
    static func noOverload(_ function: String, _ args: [Value]) -> Self {
        Self(message: "no matching overload for '\(ExpressionDiagnostic.displayName(function))' applied to ("
             + args.map(\.typeName).joined(separator: ", ") + ")")
    }
    static let divisionByZero = Self(message: "division by zero")
    static let moduloByZero = Self(message: "modulus by zero")
    static func overflow(_ what: String) -> Self { Self(message: "\(what) overflow") }
    static func noSuchKey(_ key: Value) -> Self { Self(message: "no such key: \(key)") }
    static func indexOutOfRange(_ i: Int64, count: Int) -> Self {
        Self(message: "index \(i) out of range for a list of size \(count)")
    }
    static func invalidIndex(_ v: Value) -> Self { Self(message: "invalid list index \(v) (\(v.typeName))") }
    static func noSuchField(_ field: String, on v: Value) -> Self {
        Self(message: "type '\(v.typeName)' does not support field selection ('\(field)')")
    }
    static func unboundVariable(_ name: String) -> Self { Self(message: "no value for fact '\(name)'") }
    static func undeclared(_ name: String) -> Self { Self(message: "undeclared reference to '\(name)'") }
    static func unknownFunction(_ name: String) -> Self { Self(message: "unknown function '\(name)'") }
    static func costExceeded(_ limit: Int) -> Self {
        Self(message: "evaluation cost limit of \(limit) exceeded")
    }
    static func conversion(_ what: String) -> Self { Self(message: "type conversion error: \(what)") }
    static func range(_ what: String) -> Self { Self(message: "range error: \(what)") }
    static let repeatedKey = Self(message: "repeated key in map literal")
    static func unsupportedKey(_ v: Value) -> Self { Self(message: "unsupported map key type '\(v.typeName)'") }
}
