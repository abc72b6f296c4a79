/// A position in a workspace file: 1-based line and column (columns count Unicode scalars, as
/// libyaml and most editors do).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file, interned (see `SourceFile` for why).
    package var source: SourceFile
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, in Unicode scalars.
    public var column: Int

    /// The file's path as the user gave it (relative to where they ran the tool when possible).
    public var file: String {
        get { source.path }
        set { source = SourceFile(newValue) }
    }

    /// A location in the file at `file` (a path as the user gave it).
    public init(file: String, line: Int, column: Int) {
        self.init(source: SourceFile(file), line: line, column: column)
    }

    /// For readers that make many locations in one file: the path is interned once, not per location.
    package init(source: SourceFile, line: Int, column: Int) {
        self.source = source
        self.line = line
        self.column = column
    }

    /// The start of a file, for problems that concern the file as a whole.
    package static func file(_ path: String) -> SourceLocation {
        SourceLocation(file: path, line: 1, column: 1)
    }

    /// `file:line:col`, the form editors and terminals jump to.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.source == rhs.source { return (lhs.line, lhs.column) < (rhs.line, rhs.column) }
        return lhs.file < rhs.file
    }
}

/// A value together with where it was written.
public struct Located<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// Where it is written.
    public var location: SourceLocation

    package init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
