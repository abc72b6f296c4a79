/// Bounds that keep a hostile or broken YAML file from costing unbounded time or memory.
package struct YAMLLimits: Hashable, Sendable {
    /// Deepest nesting of lists and mappings.
    package var maxDepth: Int
    /// Most nodes a file may hold once aliases are expanded (a "billion laughs" guard).
    package var maxNodes: Int
    /// Most aliases (`*name`) a file may use.
    package var maxAliases: Int
    /// Longest single value, in bytes.
    package var maxScalarBytes: Int

    package init(maxDepth: Int = 64, maxNodes: Int = 2_000_000, maxAliases: Int = 1_000, maxScalarBytes: Int = 1_000_000) {
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxAliases = maxAliases
        self.maxScalarBytes = maxScalarBytes
    }
}
