/// Bounds that keep parsing (and everything after it) cheap and free of stack overflows.
public struct ParseLimits: Hashable, Sendable {
    /// Deepest nesting of parentheses, lists, maps, calls and indexes. The parser checks it
    /// before recursing, so a 10,000-deep `((((…` is a diagnostic, not a crash.
    public var maxNesting: Int
    /// Longest expression accepted, in Unicode scalars.
    public var maxLength: Int
    /// Tallest syntax tree accepted (binary operator chains grow the tree without nesting);
    /// the checker and compiler recurse over the tree, so it must stay bounded too.
    public var maxHeight: Int

    /// Limits with these bounds; the defaults suit rule conditions.
    public init(maxNesting: Int = 100, maxLength: Int = 100_000, maxHeight: Int = 500) {
        self.maxNesting = maxNesting
        self.maxLength = maxLength
        self.maxHeight = maxHeight
    }
}
