/// A YAML node with the place it was written, as our own composer builds it from libyaml's events.
///
/// We keep our own tree (rather than Yams' `Node`) so that every key and value carries its
/// `SourceLocation`, duplicate keys are reported where they repeat, and alias expansion is bounded.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value under `key` in a mapping, if any.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key == key }?.value
    }

    /// The pair (key with its location) under `key` in a mapping, if any.
    public func pair(_ key: String) -> YAMLPair? {
        mapping?.first { $0.key == key }
    }

    /// A word for the node's kind, for messages: "a list", "a mapping", "a text".
    public var kindDescription: String {
        switch content {
        case .scalar(let s): s.style == .plain && s.value.isEmpty ? "nothing (an empty value)" : "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// A scalar's text as YAML delivered it, with how it was quoted.
public struct YAMLScalar: Hashable, Sendable {
    public enum Style: String, Hashable, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var value: String
    public var style: Style
    /// An explicit tag such as `!!str` or a mistaken `!segment.new`, when one was written.
    public var tag: String?

    public init(_ value: String, style: Style = .plain, tag: String? = nil) {
        self.value = value
        self.style = style
        self.tag = tag
    }

    public var isQuoted: Bool { style != .plain }
}

/// A key of a mapping with its location, and its value.
public struct YAMLPair: Sendable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLNode

    public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
