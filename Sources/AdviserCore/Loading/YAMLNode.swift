/// A YAML node with the place it was written, as our own composer builds it from libyaml's events.
///
/// We keep our own tree (rather than Yams' `Node`) so that every key and value carries its
/// `SourceLocation`, duplicate keys are reported where they repeat, and alias expansion is bounded.
package struct YAMLNode: Sendable {
    package enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    package var content: Content
    package var location: SourceLocation

    package init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    package var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    package var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    package var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value under `key` in a mapping, if any.
    package subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key == key }?.value
    }

    /// The pair (key with its location) under `key` in a mapping, if any.
    package func pair(_ key: String) -> YAMLPair? {
        mapping?.first { $0.key == key }
    }

    /// A word for the node's kind, for messages: "a list", "a mapping", "a text".
    package var kindDescription: String {
        switch content {
        case .scalar(let s): s.style == .plain && s.value.isEmpty ? "nothing (an empty value)" : "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// A scalar's text as YAML delivered it, with how it was quoted.
package struct YAMLScalar: Hashable, Sendable {
    package enum Style: String, Hashable, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    package var value: String
    package var style: Style
    /// An explicit tag such as `!!str` or a mistaken `!segment.new`, when one was written.
    package var tag: String?

    package init(_ value: String, style: Style = .plain, tag: String? = nil) {
        self.value = value
        self.style = style
        self.tag = tag
    }

    package var isQuoted: Bool { style != .plain }
}

/// A key of a mapping with its location, and its value.
package struct YAMLPair: Sendable {
    package var key: String
    package var keyLocation: SourceLocation
    package var value: YAMLNode

    package init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
