/// One thing on the old side of a comparison and on the new side.
public struct BeforeAfter<Value: Sendable>: Sendable {
    /// The old side.
    public var before: Value
    /// The new side.
    public var after: Value

    /// Pairs the old side with the new one.
    public init(_ before: Value, _ after: Value) {
        self.before = before
        self.after = after
    }
}

extension BeforeAfter: Equatable where Value: Equatable {}

extension BeforeAfter: Codable where Value: Codable {}
