/// Why an ``AdviserWorkspace`` could not be made or could not answer.
public enum AdviserWorkspaceError: Error, Sendable, CustomStringConvertible {
    /// The workspace has errors: every diagnostic found (errors, warnings and notes), sorted by
    /// position. A missing folder is one `workspace-not-found` error.
    case invalidWorkspace([Diagnostic])
    /// An id that names nothing in the workspace: what it should name (`offering`, `segment`,
    /// `scenario`), the id, and the ids the workspace has.
    case unknownID(kind: String, id: String, known: [String])

    /// One line: the first error with its `file:line:col`, or the unknown id with the closest known one.
    public var description: String {
        switch self {
        case .invalidWorkspace(let diagnostics):
            let first = diagnostics.first { $0.severity == .error } ?? diagnostics.first
            return "the workspace has \(diagnostics.errorCount) error(s)" + (first.map { "; the first: " + DiagnosticFormatter.line($0) } ?? "")
        case .unknownID(let kind, let id, let known):
            return UnknownID(what: kind, id: id, known: known).description
        }
    }
}
