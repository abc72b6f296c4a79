import Foundation

/// Reads a workspace folder into a `Workspace`, with every problem found along the way.
///
/// Loading is per file (YAML, then shape, then model); cross-file meaning (references, ranges,
/// expressions) is the `WorkspaceChecker`'s job. `load` runs both.
public struct WorkspaceLoader: Sendable {
    public var yamlLimits: YAMLLimits

    public init(yamlLimits: YAMLLimits = .init()) {
        self.yamlLimits = yamlLimits
    }

    /// A loaded workspace and its diagnostics, sorted by position. The workspace is usable for
    /// advice only when the diagnostics hold no error.
    public struct Outcome: Sendable {
        public var workspace: Workspace
        public var diagnostics: [Diagnostic]
    }

    /// Loads and checks the workspace at `root` (a path as the user wrote it).
    public func load(_ root: String) -> Outcome {
        var outcome = read(root)
        if !outcome.diagnostics.contains(where: { $0.code == .workspaceNotFound }) {
            outcome.diagnostics += WorkspaceChecker(workspace: outcome.workspace).check()
        }
        outcome.diagnostics.sort()
        return outcome
    }

    /// Reads every file without cross-file checks.
    public func read(_ root: String) -> Outcome {
        let display = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        var reader = FileReader(root: display, limits: yamlLimits)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: display, isDirectory: &isDirectory), isDirectory.boolValue else {
            let settings = WorkspaceSettings(name: display, location: .file(display))
            let what = FileManager.default.fileExists(atPath: display) ? "is a file, not a workspace folder" : "does not exist"
            return Outcome(
                workspace: Workspace(root: display, settings: settings),
                diagnostics: [.error(
                    .workspaceNotFound, "the workspace folder '\(display)' \(what)", at: .file(display),
                    hint: "run from the folder that holds Rules/, or name the workspace: --rules PATH (adviser init PATH creates one)")])
        }
        return reader.readAll()
    }
}

extension WorkspaceLoader {
    /// Reads a scenario file from anywhere (`--scenario FILE`) and checks it against the workspace's facts.
    public func loadScenario(at path: String, for workspace: Workspace) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        var reader = FileReader(root: ".", limits: yamlLimits)
        guard FileManager.default.fileExists(atPath: path) else {
            return (nil, [.error(.missingFile, "the scenario file \(path) does not exist", at: .file(path))])
        }
        guard let node = reader.readScenarioFile(path) else { return (nil, reader.diagnostics.sorted()) }
        let scenario = reader.readScenario(node)
        let diagnostics = (reader.diagnostics + WorkspaceChecker(workspace: workspace).check(scenario: scenario)).sorted()
        return (diagnostics.hasErrors ? nil : scenario, diagnostics)
    }
}

/// Walks one workspace folder and turns each file into model values.
struct FileReader {
    let root: String
    let limits: YAMLLimits
    var diagnostics: [Diagnostic] = []
    var sources: [String: String] = [:]
    var fileCount = 0

    init(root: String, limits: YAMLLimits) {
        self.root = root
        self.limits = limits
    }

    mutating func readAll() -> WorkspaceLoader.Outcome {
        let settingsPath = path("adviser.yaml")
        var settings = WorkspaceSettings(name: URL(fileURLWithPath: root).lastPathComponent, location: .file(settingsPath))
        if let node = requiredFile("adviser.yaml", kind: .settings, purpose: "the workspace settings (name, default scenario)") {
            settings = readSettings(node, file: settingsPath)
        }
        var facts: [Fact] = []
        if let node = requiredFile("facts.yaml", kind: .facts, purpose: "the facts rules may read") {
            facts = readFacts(node)
        }
        var workspace = Workspace(root: root, settings: settings, facts: facts)
        workspace.offerings = folder("offerings", kind: .offering) { reader, _, node in reader.readOffering(node) }
        workspace.segments = folder("segments", kind: .segment) { reader, _, node in reader.readSegment(node) }
        workspace.rulesets = folder("rules", kind: .ruleset) { reader, file, node in reader.readRuleset(node, file: file) }
        workspace.scenarios = folder("scenarios", kind: .scenario) { reader, _, node in reader.readScenario(node) }
        workspace.tests = folder("tests", kind: .test, required: false) { reader, file, node in reader.readTests(node, file: file) }
            .flatMap { $0 }
        workspace.fileCount = fileCount
        workspace.sources = sources
        return WorkspaceLoader.Outcome(workspace: workspace, diagnostics: diagnostics)
    }

    func path(_ relative: String) -> String { root == "." ? relative : root + "/" + relative }

    private mutating func requiredFile(_ name: String, kind: WorkspaceSchema.FileKind, purpose: String) -> YAMLNode? {
        let file = path(name)
        guard FileManager.default.fileExists(atPath: file) else {
            diagnostics.append(.error(
                .missingFile, "the workspace has no \(name) (\(purpose))", at: .file(root),
                hint: "create \(file); see docs/rules.md"))
            return nil
        }
        return readFile(file, kind: kind)
    }

    /// Every `*.yaml`/`*.yml` file in a subfolder, sorted by name so the order is stable.
    /// Reads every `*.yaml` file of a subfolder into model values, files in parallel (they are
    /// independent), results and diagnostics in file-name order.
    private mutating func folder<Item: Sendable>(
        _ name: String, kind: WorkspaceSchema.FileKind, required: Bool = true,
        _ build: @escaping @Sendable (inout FileReader, String, YAMLNode) -> Item
    ) -> [Item] {
        let dir = path(name)
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
            if required {
                diagnostics.append(.error(
                    .missingFile, "the workspace has no \(name)/ folder", at: .file(root),
                    hint: "create \(dir)/ with one \(kind.rawValue) per .yaml file; see docs/rules.md"))
            }
            return []
        }
        let names = ((try? manager.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }
            .sorted()
        if names.isEmpty && required {
            diagnostics.append(.error(.missingFile, "the \(name)/ folder holds no .yaml file", at: .file(dir)))
        }
        let (root, limits) = (self.root, self.limits)
        let results = parallelMap(names) { file -> (item: Item?, reader: FileReader) in
            var reader = FileReader(root: root, limits: limits)
            let full = dir + "/" + file
            let item = reader.readFile(full, kind: kind).map { build(&reader, full, $0) }
            return (item, reader)
        }
        var items: [Item] = []
        for result in results {
            diagnostics += result.reader.diagnostics
            sources.merge(result.reader.sources) { a, _ in a }
            fileCount += result.reader.fileCount
            if let item = result.item { items.append(item) }
        }
        return items
    }

    mutating func readScenarioFile(_ path: String) -> YAMLNode? {
        readFile(path, kind: .scenario)
    }

    /// Reads, composes and shape-checks one file.
    mutating func readFile(_ file: String, kind: WorkspaceSchema.FileKind) -> YAMLNode? {
        fileCount += 1
        guard let data = FileManager.default.contents(atPath: file) else {
            diagnostics.append(.error(.unreadableFile, "cannot read \(file)", at: .file(file), hint: "check the file's permissions"))
            return nil
        }
        let bytes = [UInt8](data)
        sources[file] = String(decoding: bytes, as: UTF8.self)
        let composed = YAMLComposer(limits: limits).compose(bytes, file: file)
        diagnostics += composed.diagnostics
        guard let root = composed.root else {
            if composed.diagnostics.isEmpty {
                diagnostics.append(.error(
                    .emptyFile, "\(file) is empty", at: .file(file),
                    hint: "write the \(kind.rawValue) in it, or delete the file"))
            }
            return nil
        }
        if let scalar = root.scalar, scalar.value.isEmpty, !scalar.isQuoted {
            diagnostics.append(.error(.emptyFile, "\(file) holds no values", at: .file(file), hint: "write the \(kind.rawValue) in it, or delete the file"))
            return nil
        }
        var checker = ShapeChecker()
        checker.check(root, against: kind.shape, context: kind.rawValue)
        diagnostics += checker.diagnostics
        return root
    }
}

/// `map` over all cores, results in input order. For independent, similar-sized pieces of work
/// such as the files of a workspace folder.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    nonisolated(unsafe) let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    // Each index is written by exactly one iteration, so the writes never race.
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        results[index] = transform(items[index])
    }
    let mapped = results.map { $0! }
    _ = results.deinitialize()
    return mapped
}
