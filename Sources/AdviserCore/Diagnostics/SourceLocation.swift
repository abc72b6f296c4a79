/// A position in a workspace file: 1-based line and column (columns count Unicode scalars, as
/// libyaml and most editors do).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file, interned (see `SourceFile` for why).
    public var source: SourceFile
    public var line: Int
    public var column: Int

    /// The file's path as the user gave it (relative to where they ran the tool when possible).
    public var file: String {
        get { source.path }
        set { source = SourceFile(newValue) }
    }

    public init(file: String, line: Int, column: Int) {
        self.init(source: SourceFile(file), line: line, column: column)
    }

    /// For readers that make many locations in one file: the path is interned once, not per location.
    public init(source: SourceFile, line: Int, column: Int) {
        self.source = source
        self.line = line
        self.column = column
    }

    /// The start of a file, for problems that concern the file as a whole.
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(file: path, line: 1, column: 1)
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.source == rhs.source { return (lhs.line, lhs.column) < (rhs.line, rhs.column) }
        return lhs.file < rhs.file
    }
}

/// A value together with where it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
