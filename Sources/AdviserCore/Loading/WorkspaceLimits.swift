import AdviserExpression

/// Every bound that keeps a hostile or broken workspace from costing unbounded time or memory, in one
/// place: the defaults, the hard caps a workspace may not raise them above, and the `limits:` keys of
/// adviser.yaml that set them (docs/limits.md).
///
/// adviser.yaml itself is always read under the defaults: its `limits:` apply to every other file.
package struct WorkspaceLimits: Hashable, Sendable {
    /// Largest file read, in bytes; larger files are refused before they are read.
    package var maxFileBytes: Int
    /// Most YAML files a workspace may hold (adviser.yaml and facts.yaml included).
    package var maxFiles: Int
    /// Limits of the YAML reader (depth, nodes after alias expansion, aliases, value length).
    package var yaml: YAMLLimits
    /// Limits of the condition parser (length, nesting).
    package var parse: ParseLimits
    /// Most evaluation steps one condition may take for one piece of advice (list comprehensions).
    package var maxEvaluationCost: Int
    /// Most combinations of lever settings the balancer may consider for one piece of advice.
    package var maxGridPoints: Int

    package init(
        maxFileBytes: Int = 4_000_000, maxFiles: Int = 10_000, yaml: YAMLLimits = .init(), parse: ParseLimits = .init(),
        maxEvaluationCost: Int = 1_000_000, maxGridPoints: Int = 100_000
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxFiles = maxFiles
        self.yaml = yaml
        self.parse = parse
        self.maxEvaluationCost = maxEvaluationCost
        self.maxGridPoints = maxGridPoints
    }

    /// One `limits:` key of adviser.yaml: its name, what it bounds, its default and its hard cap.
    package struct Key: Sendable {
        package let name: String
        package let doc: String
        package let cap: Int
        let keyPath: WritableKeyPath<WorkspaceLimits, Int> & Sendable

        package func value(in limits: WorkspaceLimits) -> Int { limits[keyPath: keyPath] }
    }

    /// The keys of `limits:`, in the order docs/limits.md lists them. The caps keep even a
    /// deliberately raised limit within what the adviser can do without crashing: the YAML depth
    /// and expression nesting caps keep the recursive walks well inside a thread's stack.
    package static let keys: [Key] = [
        Key(name: "max_file_bytes", doc: "largest file read, in bytes", cap: 64_000_000, keyPath: \.maxFileBytes),
        Key(name: "max_files", doc: "most YAML files in the workspace", cap: 100_000, keyPath: \.maxFiles),
        Key(name: "max_yaml_depth", doc: "deepest nesting of YAML lists and mappings", cap: 200, keyPath: \.yaml.maxDepth),
        Key(name: "max_yaml_nodes", doc: "most values in one file, aliases expanded", cap: 20_000_000, keyPath: \.yaml.maxNodes),
        Key(name: "max_yaml_aliases", doc: "most aliases (*name) in one file", cap: 100_000, keyPath: \.yaml.maxAliases),
        Key(name: "max_string_bytes", doc: "longest single YAML value, in bytes", cap: 16_000_000, keyPath: \.yaml.maxScalarBytes),
        Key(name: "max_expression_length", doc: "longest condition, in characters", cap: 1_000_000, keyPath: \.parse.maxLength),
        Key(name: "max_expression_depth", doc: "deepest nesting of brackets and calls in a condition", cap: 200, keyPath: \.parse.maxNesting),
        Key(name: "max_expression_height", doc: "tallest syntax tree of a condition (long && chains)", cap: 1_000, keyPath: \.parse.maxHeight),
        Key(name: "max_evaluation_cost", doc: "most steps one condition may take per evaluation", cap: 100_000_000, keyPath: \.maxEvaluationCost),
        Key(name: "max_grid_points", doc: "most lever combinations the balancer considers", cap: 10_000_000, keyPath: \.maxGridPoints),
    ]
}
