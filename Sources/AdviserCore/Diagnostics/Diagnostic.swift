/// One finding about a workspace: what is wrong, where, and how to fix it.
///
/// The library only returns diagnostics; the CLI decides how to print them.
public struct Diagnostic: Hashable, Sendable, Comparable, Codable {
    /// How serious a finding is: errors stop advice, warnings and notes do not.
    public enum Severity: String, Hashable, Sendable, Comparable, Codable {
        /// `error`, `warning` or `note`, as reports write it.
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        /// Errors first, then warnings, then notes.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// How serious it is.
    public var severity: Severity
    /// The stable code of its kind (`unknown-lever`), documented in docs/diagnostics.md.
    public var code: DiagnosticCode
    /// What is wrong, in words.
    public var message: String
    /// Where it is.
    public var location: SourceLocation
    /// A suggestion, e.g. "did you mean 'levels'?".
    public var hint: String?
    /// Other places that matter to this finding (the first duplicate, the other conflicting rule).
    public var related: [Located<String>]

    package init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
        hint: String? = nil, related: [Located<String>] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
        self.related = related
    }

    package static func error(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, hint: String? = nil,
        related: [Located<String>] = []
    ) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, hint: hint, related: related)
    }

    package static func warning(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, hint: String? = nil,
        related: [Located<String>] = []
    ) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, hint: hint, related: related)
    }

    /// Sorted by file and position, so output is stable whatever order checks ran in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.code != rhs.code { return lhs.code.rawValue < rhs.code.rawValue }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    /// How many are errors.
    public var errorCount: Int { count { $0.severity == .error } }
    /// How many are warnings.
    public var warningCount: Int { count { $0.severity == .warning } }
    /// Whether any is an error (a workspace with errors gives no advice).
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
