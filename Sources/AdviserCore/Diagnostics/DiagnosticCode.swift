/// A stable, kebab-case name for a kind of finding. Codes are API: CI scripts match on them, so they
/// are documented in docs/diagnostics.md and never renamed lightly.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The code as written (`unknown-lever`).
    public var rawValue: String
    /// The code written `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The code written `rawValue`.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// The code as written.
    public var description: String { rawValue }
    /// Orders by the written code.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension DiagnosticCode {
    // MARK: - Files and YAML
    /// `workspace-not-found`: The workspace folder does not exist or is a file.
    public static let workspaceNotFound = Self("workspace-not-found")
    /// `missing-file`: A required file or folder of the workspace is missing.
    public static let missingFile = Self("missing-file")
    /// `unreadable-file`: A file cannot be read.
    public static let unreadableFile = Self("unreadable-file")
    /// `empty-file`: A workspace file is empty.
    public static let emptyFile = Self("empty-file")
    /// `yaml-syntax`: The file is not valid YAML.
    public static let yamlSyntax = Self("yaml-syntax")
    /// `yaml-duplicate-key`: A mapping has the same key twice.
    public static let yamlDuplicateKey = Self("yaml-duplicate-key")
    /// `yaml-alias-limit`: Too many YAML aliases (a guard against alias bombs).
    public static let yamlAliasLimit = Self("yaml-alias-limit")
    /// `yaml-complex-key`: A mapping key is a list or a mapping.
    public static let yamlComplexKey = Self("yaml-complex-key")
    /// `yaml-multiple-documents`: A file holds more than one YAML document.
    public static let yamlMultipleDocuments = Self("yaml-multiple-documents")
    /// `yaml-too-deep`: YAML nested too deeply.
    public static let yamlTooDeep = Self("yaml-too-deep")
    /// `yaml-too-large`: A YAML file has too many nodes.
    public static let yamlTooLarge = Self("yaml-too-large")
    /// `yaml-tab-indent`: A line is indented with a tab; YAML allows spaces only.
    public static let yamlTabIndent = Self("yaml-tab-indent")
    /// `yaml11-boolean`: A plain yes/no/on/off/y/n where a text is meant: YAML 1.1 tools read it as true or false.
    public static let yaml11Boolean = Self("yaml11-boolean")
    /// `file-too-large`: A file is larger than limits.max_file_bytes; it was not read.
    public static let fileTooLarge = Self("file-too-large")
    /// `too-many-files`: The workspace holds more files than limits.max_files; the rest were not read.
    public static let tooManyFiles = Self("too-many-files")
    /// `invalid-utf8`: A file is not valid UTF-8 text.
    public static let invalidUTF8 = Self("invalid-utf8")
    /// `nul-byte`: A file holds a NUL byte: a binary file, or UTF-16.
    public static let nulByte = Self("nul-byte")
    /// `control-character`: A file holds a control character other than tab and line breaks.
    public static let controlCharacter = Self("control-character")
    /// `symlink-outside`: A link points at a file or folder outside the workspace.
    public static let symlinkOutside = Self("symlink-outside")
    /// `too-many-problems`: A file has more problems than are listed (the first 100 are).
    public static let tooManyProblems = Self("too-many-problems")

    // MARK: - Shape of a file
    /// `unknown-key`: A key the file's format does not have.
    public static let unknownKey = Self("unknown-key")
    /// `missing-key`: A required key is missing.
    public static let missingKey = Self("missing-key")
    /// `wrong-type`: A value of the wrong type (text for a number, a list for a mapping…).
    public static let wrongType = Self("wrong-type")
    /// `invalid-value`: A value that is not allowed (a word outside its choices, an invalid id…).
    public static let invalidValue = Self("invalid-value")

    // MARK: - Meaning across files
    /// `duplicate-id`: An id is used twice.
    public static let duplicateID = Self("duplicate-id")
    /// `unknown-lever`: A lever id no offering has.
    public static let unknownLever = Self("unknown-lever")
    /// `unknown-driver`: A driver id no segment has.
    public static let unknownDriver = Self("unknown-driver")
    /// `unknown-fact`: A fact that facts.yaml does not declare.
    public static let unknownFact = Self("unknown-fact")
    /// `unknown-segment`: A segment id the workspace does not have.
    public static let unknownSegment = Self("unknown-segment")
    /// `unknown-scenario`: A scenario id the workspace does not have.
    public static let unknownScenario = Self("unknown-scenario")
    /// `unknown-offering`: An offering id the workspace does not have.
    public static let unknownOffering = Self("unknown-offering")
    /// `unknown-rule`: A rule id the workspace does not have.
    public static let unknownRule = Self("unknown-rule")
    /// `unknown-level`: A level a level lever does not have.
    public static let unknownLevel = Self("unknown-level")
    /// `unknown-locale`: A locale identifier this machine's Foundation does not know.
    public static let unknownLocale = Self("unknown-locale")
    /// `out-of-range`: A value outside its declared bounds.
    public static let outOfRange = Self("out-of-range")
    /// `off-grid`: A lever setting that is not on the lever's grid (min + k × step).
    public static let offGrid = Self("off-grid")
    /// `curve-order`: Relief curve points not in increasing lever value.
    public static let curveOrder = Self("curve-order")
    /// `relief-out-of-range`: A relief outside 0..1.
    public static let reliefOutOfRange = Self("relief-out-of-range")
    /// `missing-fact`: A segment or scenario gives no value for a declared fact.
    public static let missingFact = Self("missing-fact")
    /// `condition-not-bool`: A rule condition that is not true or false.
    public static let conditionNotBool = Self("condition-not-bool")
    /// `curve-outside-range`: A relief curve point outside the range of the lever it is read on.
    public static let curveOutsideRange = Self("curve-outside-range")
    /// `curve-missing-level`: A level curve that leaves out a level of the lever (it would read as no relief).
    public static let curveMissingLevel = Self("curve-missing-level")
    /// `lever-mismatch`: One curve read on a lever id that means different things in different offerings.
    public static let leverMismatch = Self("lever-mismatch")
    /// `adjustment-no-effect`: An adjustment that can never change its lever for any segment.
    public static let adjustmentNoEffect = Self("adjustment-no-effect")

    // MARK: - Static analysis (adviser validate, once there are no errors)
    /// `conflict`: Two rules with the same priority can fire together and set a lever differently.
    public static let conflict = Self("conflict")
    /// `unreachable-rule`: A rule whose condition can never hold over the declared facts.
    public static let unreachableRule = Self("unreachable-rule")
    /// `shadowed-adjustment`: A rule whose every adjustment is always overridden by higher-priority rules.
    public static let shadowedAdjustment = Self("shadowed-adjustment")
    /// `unused-fact`: A declared fact that no rule reads.
    public static let unusedFact = Self("unused-fact")
    /// `unused-driver`: A driver no lever relieves and no rule emphasizes or speaks about.
    public static let unusedDriver = Self("unused-driver")
    /// `unused-lever`: A lever no driver is relieved by.
    public static let unusedLever = Self("unused-lever")
    /// `untested-rule`: A rule no test names in fired or not_fired.
    public static let untestedRule = Self("untested-rule")
    /// `value-cannot-hold`: Advice for an offering, segment and scenario cannot hold value.
    public static let valueCannotHold = Self("value-cannot-hold")

    /// Every code the loader, checker and static analyses can report (expression codes come from
    /// the expression language: `expressionCodes`). All are documented in docs/diagnostics.md.
    public static let all: [DiagnosticCode] = [
        .workspaceNotFound, .missingFile, .unreadableFile, .emptyFile, .yamlSyntax, .yamlDuplicateKey, .yamlAliasLimit,
        .yamlComplexKey, .yamlMultipleDocuments, .yamlTooDeep, .yamlTooLarge, .unknownKey, .missingKey, .wrongType,
        .invalidValue, .duplicateID, .unknownLever, .unknownDriver, .unknownFact, .unknownSegment, .unknownScenario,
        .unknownOffering, .unknownRule, .unknownLevel, .unknownLocale, .outOfRange, .offGrid, .curveOrder, .reliefOutOfRange,
        .missingFact, .conditionNotBool, .curveOutsideRange, .curveMissingLevel, .leverMismatch, .adjustmentNoEffect, .yamlTabIndent, .yaml11Boolean, .fileTooLarge, .tooManyFiles, .invalidUTF8,
        .nulByte, .controlCharacter, .symlinkOutside, .tooManyProblems, .conflict, .unreachableRule, .shadowedAdjustment, .unusedFact, .unusedDriver,
        .unusedLever, .untestedRule, .valueCannotHold,
    ]

    /// The codes of the expression language (parse and type errors inside a `when`).
    public static let expressionCodes: [DiagnosticCode] = [
        "expr-syntax", "expr-too-deep", "expr-too-long", "undeclared-reference", "unknown-function", "no-matching-overload",
        "type-mismatch", "unknown-enum-value", "invalid-regex",
    ].map { DiagnosticCode($0) }
}
