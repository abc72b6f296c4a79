/// One thing on the old side of a comparison and on the new side.
public struct BeforeAfter<Value: Sendable>: Sendable {
    public var before: Value
    public var after: Value

    public init(_ before: Value, _ after: Value) {
        self.before = before
        self.after = after
    }
}

extension BeforeAfter: Equatable where Value: Equatable {}
