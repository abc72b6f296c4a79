/// Why a client line or CSV row of batch advice (`advise --clients`) could not be advised: the stable,
/// kebab-case `code` of its error record. Codes are API (batch systems match on them), so every one
/// is documented in docs/scale.md and none is renamed lightly.
public enum BatchErrorCode: String, CaseIterable, Sendable, CustomStringConvertible {
    /// The line is not a JSON object (truncated, nested too deeply, a number beyond a double…).
    case invalidJSON = "invalid-json"
    /// The line is not valid UTF-8 text.
    case invalidUTF8 = "invalid-utf8"
    /// The line (or CSV row) is longer than the reader takes.
    case lineTooLong = "line-too-long"
    /// A CSV row has a quoted field that is never closed: the file ends inside it.
    case unclosedQuote = "unclosed-quote"
    /// A CSV row has a value in a column beyond those the header names.
    case extraField = "extra-field"
    /// The client has a key other than id, segment, facts and offerings.
    case unknownKey = "unknown-key"
    /// The client has no id, or no segment (an empty cell in CSV).
    case missingKey = "missing-key"
    /// A value of the wrong type: facts not an object, offerings not a list of ids, a fact's value
    /// of another type than declared.
    case wrongType = "wrong-type"
    /// The segment is not one of the workspace.
    case unknownSegment = "unknown-segment"
    /// An offering is not one of the workspace.
    case unknownOffering = "unknown-offering"
    /// A fact is not a declared `segment.*` fact.
    case unknownFact = "unknown-fact"
    /// A fact's value lies outside its declared range.
    case outOfRange = "out-of-range"
    /// A fact's value is not one of its declared values.
    case invalidValue = "invalid-value"

    public var description: String { rawValue }

    /// The code for a fact value that does not fit its declaration, from the check's diagnostic code.
    init(factProblem code: DiagnosticCode) {
        switch code {
        case .wrongType: self = .wrongType
        case .outOfRange: self = .outOfRange
        default: self = .invalidValue
        }
    }
}
