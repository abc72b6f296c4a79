/// A range of an expression's source text, in Unicode-scalar offsets from the start of the
/// expression (not UTF-8 bytes), because YAML columns count characters. `end` is exclusive.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    /// The first Unicode scalar covered, from 0.
    public var start: Int
    /// One past the last Unicode scalar covered.
    public var end: Int

    /// The span `start..<end`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The smallest span covering both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }

    /// `start..<end`.
    public var description: String { "\(start)..<\(end)" }
}

extension String {
    /// The text covered by `span`, counted in Unicode scalars; empty if out of range.
    public func slice(_ span: SourceSpan) -> String {
        let scalars = Array(unicodeScalars)
        let lower = Swift.max(0, Swift.min(span.start, scalars.count))
        let upper = Swift.max(lower, Swift.min(span.end, scalars.count))
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[lower..<upper])
        return String(out)
    }
}
