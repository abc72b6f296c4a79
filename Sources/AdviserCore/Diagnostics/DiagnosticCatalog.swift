/// One line about every code, for SARIF's rule list and `--format json` consumers; the full text
/// (meaning, example, fix) is in docs/diagnostics.md.
public enum DiagnosticCatalog {
    public struct Entry: Sendable {
        public var code: DiagnosticCode
        public var severity: Diagnostic.Severity
        public var summary: String
    }

    /// Every code the tool can report, loader, checker, analysis and expression codes alike.
    public static var all: [Entry] {
        (DiagnosticCode.all + DiagnosticCode.expressionCodes).map { code in
            Entry(code: code, severity: severity(code), summary: summaries[code.rawValue] ?? code.rawValue)
        }
    }

    /// The severity a code is reported with (out-of-range is a warning when it only means clamping).
    public static func severity(_ code: DiagnosticCode) -> Diagnostic.Severity {
        let warnings: Set<DiagnosticCode> = [
            .conflict, .unreachableRule, .shadowedAdjustment, .unusedFact, .unusedDriver, .unusedLever, .untestedRule,
            .valueCannotHold, .yaml11Boolean, .tooManyProblems, .curveOutsideRange, .curveMissingLevel, .adjustmentNoEffect,
        ]
        return warnings.contains(code) ? .warning : .error
    }

    static let summaries: [String: String] = [
        "workspace-not-found": "The workspace folder does not exist or is a file.",
        "missing-file": "A required file or folder of the workspace is missing.",
        "unreadable-file": "A file cannot be read.",
        "empty-file": "A workspace file is empty.",
        "yaml-syntax": "The file is not valid YAML.",
        "yaml-duplicate-key": "A mapping has the same key twice.",
        "yaml-alias-limit": "Too many YAML aliases (a guard against alias bombs).",
        "yaml-complex-key": "A mapping key is a list or a mapping.",
        "yaml-multiple-documents": "A file holds more than one YAML document.",
        "yaml-too-deep": "YAML nested too deeply.",
        "yaml-too-large": "A YAML file has too many nodes.",
        "yaml-tab-indent": "A line is indented with a tab; YAML allows spaces only.",
        "yaml11-boolean": "A plain yes/no/on/off/y/n where a text is meant: YAML 1.1 tools read it as true or false.",
        "file-too-large": "A file is larger than limits.max_file_bytes; it was not read.",
        "too-many-files": "The workspace holds more files than limits.max_files; the rest were not read.",
        "invalid-utf8": "A file is not valid UTF-8 text.",
        "nul-byte": "A file holds a NUL byte: a binary file, or UTF-16.",
        "control-character": "A file holds a control character other than tab and line breaks.",
        "symlink-outside": "A link points at a file or folder outside the workspace.",
        "too-many-problems": "A file has more problems than are listed (the first 100 are).",
        "unknown-key": "A key the file's format does not have.",
        "missing-key": "A required key is missing.",
        "wrong-type": "A value of the wrong type (text for a number, a list for a mapping…).",
        "invalid-value": "A value that is not allowed (a word outside its choices, an invalid id…).",
        "duplicate-id": "An id is used twice.",
        "unknown-lever": "A lever id no offering has.",
        "unknown-driver": "A driver id no segment has.",
        "unknown-fact": "A fact that facts.yaml does not declare.",
        "unknown-segment": "A segment id the workspace does not have.",
        "unknown-scenario": "A scenario id the workspace does not have.",
        "unknown-offering": "An offering id the workspace does not have.",
        "unknown-rule": "A rule id the workspace does not have.",
        "unknown-level": "A level a level lever does not have.",
        "unknown-locale": "A locale (adviser.yaml locale:, --locale) Foundation has no formatting data for.",
        "out-of-range": "A value outside its declared bounds.",
        "off-grid": "A lever setting that is not on the lever's grid (min + k × step).",
        "curve-order": "Relief curve points not in increasing lever value.",
        "relief-out-of-range": "A relief outside 0..1.",
        "curve-outside-range": "A relief curve point outside the range of the lever it is read on.",
        "curve-missing-level": "A level curve that leaves out a level of the lever (it would read as no relief).",
        "lever-mismatch": "One curve read on a lever id that means different things in different offerings.",
        "adjustment-no-effect": "An adjustment that can never change its lever for any segment.",
        "missing-fact": "A segment or scenario gives no value for a declared fact.",
        "condition-not-bool": "A rule condition that is not true or false.",
        "conflict": "Two rules with the same priority can fire together and set a lever differently.",
        "unreachable-rule": "A rule whose condition can never hold over the declared facts.",
        "shadowed-adjustment": "A rule whose every adjustment is always overridden by higher-priority rules.",
        "unused-fact": "A declared fact that no rule reads.",
        "unused-driver": "A driver no lever relieves and no rule emphasizes or speaks about.",
        "unused-lever": "A lever no driver is relieved by.",
        "untested-rule": "A rule no test names in fired or not_fired.",
        "value-cannot-hold": "Advice for an offering, segment and scenario cannot hold value.",
        "expr-syntax": "A condition is not valid expression syntax.",
        "expr-too-deep": "A condition is nested too deeply.",
        "expr-too-long": "A condition is too long.",
        "undeclared-reference": "A condition reads a fact that is not declared.",
        "unknown-function": "A condition calls a function that does not exist.",
        "no-matching-overload": "A function or operator applied to values of the wrong types.",
        "type-mismatch": "Values of different types compared or combined.",
        "unknown-enum-value": "An enum fact compared with a value it cannot take.",
        "invalid-regex": "An invalid regular expression in matches().",
    ]
}
