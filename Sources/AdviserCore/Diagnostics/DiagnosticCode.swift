/// A stable, kebab-case name for a kind of finding. Codes are API: CI scripts match on them, so they
/// are documented in docs/diagnostics.md and never renamed lightly.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension DiagnosticCode {
    // MARK: - Files and YAML
    public static let workspaceNotFound = Self("workspace-not-found")
    public static let missingFile = Self("missing-file")
    public static let unreadableFile = Self("unreadable-file")
    public static let emptyFile = Self("empty-file")
    public static let yamlSyntax = Self("yaml-syntax")
    public static let yamlDuplicateKey = Self("yaml-duplicate-key")
    public static let yamlAliasLimit = Self("yaml-alias-limit")
    public static let yamlComplexKey = Self("yaml-complex-key")
    public static let yamlMultipleDocuments = Self("yaml-multiple-documents")
    public static let yamlTooDeep = Self("yaml-too-deep")
    public static let yamlTooLarge = Self("yaml-too-large")
    public static let yamlTabIndent = Self("yaml-tab-indent")
    public static let yaml11Boolean = Self("yaml11-boolean")
    public static let fileTooLarge = Self("file-too-large")
    public static let tooManyFiles = Self("too-many-files")
    public static let invalidUTF8 = Self("invalid-utf8")
    public static let nulByte = Self("nul-byte")
    public static let controlCharacter = Self("control-character")
    public static let symlinkOutside = Self("symlink-outside")
    public static let tooManyProblems = Self("too-many-problems")

    // MARK: - Shape of a file
    public static let unknownKey = Self("unknown-key")
    public static let missingKey = Self("missing-key")
    public static let wrongType = Self("wrong-type")
    public static let invalidValue = Self("invalid-value")

    // MARK: - Meaning across files
    public static let duplicateID = Self("duplicate-id")
    public static let unknownLever = Self("unknown-lever")
    public static let unknownDriver = Self("unknown-driver")
    public static let unknownFact = Self("unknown-fact")
    public static let unknownSegment = Self("unknown-segment")
    public static let unknownScenario = Self("unknown-scenario")
    public static let unknownOffering = Self("unknown-offering")
    public static let unknownRule = Self("unknown-rule")
    public static let unknownLevel = Self("unknown-level")
    public static let unknownLocale = Self("unknown-locale")
    public static let outOfRange = Self("out-of-range")
    public static let offGrid = Self("off-grid")
    public static let curveOrder = Self("curve-order")
    public static let reliefOutOfRange = Self("relief-out-of-range")
    public static let missingFact = Self("missing-fact")
    public static let conditionNotBool = Self("condition-not-bool")
    public static let curveOutsideRange = Self("curve-outside-range")
    public static let curveMissingLevel = Self("curve-missing-level")
    public static let leverMismatch = Self("lever-mismatch")
    public static let adjustmentNoEffect = Self("adjustment-no-effect")

    // MARK: - Static analysis (adviser validate, once there are no errors)
    public static let conflict = Self("conflict")
    public static let unreachableRule = Self("unreachable-rule")
    public static let shadowedAdjustment = Self("shadowed-adjustment")
    public static let unusedFact = Self("unused-fact")
    public static let unusedDriver = Self("unused-driver")
    public static let unusedLever = Self("unused-lever")
    public static let untestedRule = Self("untested-rule")
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
