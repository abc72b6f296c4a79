/// The output formats of one kind of result (advice, a comparison, a diff…): one enum per subject
/// folder of `Reporting/`, each case knowing its reporter. A new format is a new reporter file and a
/// new case, in that folder only; the command line lists the cases and their notes in its help.
public protocol ReportFormat: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    associatedtype Reporter

    /// The format used when none is asked for.
    static var standard: Self { get }

    /// The reporter that writes this format, as `options` ask (colours for a terminal, a locale…);
    /// each format reads what applies to it.
    func reporter(options: ReportOptions) -> Reporter

    /// A few words on what the format is, for help texts, when its name does not say it all.
    var note: String? { get }

    /// Whether some format of the subject writes numbers for people in a locale (`--locale`).
    static var followsLocale: Bool { get }
}

extension ReportFormat {
    public var note: String? { nil }

    public static var followsLocale: Bool { true }

    /// "text (the default), markdown, json or html (a one-file brief with charts)": every format
    /// with its note, for a command's help.
    public static var choices: String {
        let names = allCases.map { format in
            var name = format.rawValue
            if format == standard { name += " (the default)" }
            if let note = format.note { name += " (\(note))" }
            return name
        }
        guard names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
    }
}
