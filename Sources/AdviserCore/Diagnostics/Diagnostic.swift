/// One finding about a workspace: what is wrong, where, and how to fix it.
///
/// The library only returns diagnostics; the CLI decides how to print them.
public struct Diagnostic: Hashable, Sendable, Comparable {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation
    /// A suggestion, e.g. "did you mean 'levels'?".
    public var hint: String?
    /// Other places that matter to this finding (the first duplicate, the other conflicting rule).
    public var related: [Located<String>]

    public init(
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

    public static func error(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, hint: String? = nil,
        related: [Located<String>] = []
    ) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, hint: hint, related: related)
    }

    public static func warning(
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
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
