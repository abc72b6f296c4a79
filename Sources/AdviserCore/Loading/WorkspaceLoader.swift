import Foundation

/// Reads a workspace folder into a `Workspace`, with every problem found along the way.
///
/// Loading is per file (bytes, then YAML, then shape, then model); cross-file meaning (references,
/// ranges, expressions) is the `WorkspaceChecker`'s job. `load` runs both. Every file is read under
/// `WorkspaceLimits` (docs/limits.md): adviser.yaml under `limits`, the others under the `limits:`
/// adviser.yaml sets.
package struct WorkspaceLoader: Sendable {
    /// The limits adviser.yaml is read under, and the defaults for every other file.
    package var limits: WorkspaceLimits
    /// Keep the rules' conditions as the check parsed and typed them (`Outcome.conditions`), for an
    /// engine or analysis built next: it then neither parses nor checks them again. Off, they are
    /// freed as they are checked, which loads faster (a 10,000-rule workspace keeps tens of
    /// megabytes of syntax trees) when nothing builds on them.
    package var keepsConditions = false

    package init(limits: WorkspaceLimits = .init(), keepsConditions: Bool = false) {
        self.limits = limits
        self.keepsConditions = keepsConditions
    }

    package init(yamlLimits: YAMLLimits) {
        self.limits = WorkspaceLimits(yaml: yamlLimits)
    }

    package var yamlLimits: YAMLLimits { limits.yaml }

    /// A loaded workspace and its diagnostics, sorted by position. The workspace is usable for
    /// advice only when the diagnostics hold no error.
    package struct Outcome: Sendable {
        package var workspace: Workspace
        package var diagnostics: [Diagnostic]
        /// The rules' conditions as the check parsed and typed them, for the engine and the analysis
        /// (`WorkspaceAnalyzer(workspace:conditions:)`), with `keepsConditions`; else nil.
        package var conditions: CheckedConditions?
    }

    /// Loads and checks the workspace at `root` (a path as the user wrote it).
    package func load(_ root: String) -> Outcome {
        check(read(root))
    }

    /// At most this many diagnostics are listed per file, then one `too-many-problems` warning: a
    /// hostile file can hold a million problems, and listing them all costs more than it tells.
    package static let maxDiagnosticsPerFile = 100

    private func check(_ read: Outcome) -> Outcome {
        var outcome = read
        if !outcome.diagnostics.contains(where: { $0.code == .workspaceNotFound }) {
            let checked = WorkspaceChecker(workspace: outcome.workspace).check(keepingConditions: keepsConditions)
            outcome.diagnostics += checked.diagnostics
            outcome.conditions = checked.conditions
        }
        outcome.diagnostics.sort()
        outcome.diagnostics = Self.capped(outcome.diagnostics)
        return outcome
    }

    /// The first `maxDiagnosticsPerFile` diagnostics of each file (sorted), then a warning that there
    /// were more (not how many: the YAML reader stops collecting repeated keys past the limit).
    static func capped(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var perFile: [String: Int] = [:]
        var kept: [Diagnostic] = []
        var dropped: [String: SourceLocation] = [:]
        for diagnostic in diagnostics {
            let file = diagnostic.location.file
            perFile[file, default: 0] += 1
            if perFile[file]! <= maxDiagnosticsPerFile {
                kept.append(diagnostic)
            } else {
                if dropped[file] == nil { dropped[file] = diagnostic.location }
            }
        }
        guard !dropped.isEmpty else { return diagnostics }
        for (file, first) in dropped.sorted(by: { $0.key < $1.key }) {
            kept.append(.warning(
                .tooManyProblems, "more problems in \(file) are not listed (the first \(maxDiagnosticsPerFile) are)",
                at: first, hint: "fix these and run again"))
        }
        return kept.sorted()
    }

    /// Reads every file without cross-file checks.
    package func read(_ root: String) -> Outcome {
        let display = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        var reader = FileReader(root: display, limits: limits)
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
    /// Loads and checks a workspace held in memory: `files` maps paths relative to the workspace
    /// (`adviser.yaml`, `rules/pricing.yaml`) to their bytes; diagnostics name them `root/PATH`.
    /// The same code path as `load(_:)` minus the file system: `AdviserWorkspace(files:)` embeds it,
    /// the fuzzers and the replay of what they found use it.
    package func load(files: [String: [UInt8]], root: String = "memory") -> Outcome {
        var memory: [String: [UInt8]] = [:]
        for (path, bytes) in files { memory[root + "/" + path] = bytes }
        var reader = FileReader(root: root, limits: limits, memory: memory)
        return check(reader.readAll())
    }
}

extension WorkspaceLoader {
    /// Reads a scenario file from anywhere (`--scenario FILE`) and checks it against the workspace's facts.
    package func loadScenario(at path: String, for workspace: Workspace) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        var reader = FileReader(root: ".", limits: workspace.settings.limits, confined: false)
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
    var limits: WorkspaceLimits
    /// Files held in memory by full path (`WorkspaceLoader.load(files:)`); nil: the file system.
    let memory: [String: [UInt8]]?
    /// The workspace folder with every symlink resolved, when files must stay inside it.
    let confinement: String?
    var diagnostics: [Diagnostic] = []
    var sources: [String: String] = [:]
    var fileCount = 0

    init(root: String, limits: WorkspaceLimits, memory: [String: [UInt8]]? = nil, confined: Bool = true) {
        self.root = root
        self.limits = limits
        self.memory = memory
        self.confinement = confined && memory == nil ? FileReader.realPath(root) : nil
    }

    mutating func readAll() -> WorkspaceLoader.Outcome {
        let settingsPath = path("adviser.yaml")
        var settings = WorkspaceSettings(name: URL(fileURLWithPath: root).lastPathComponent, location: .file(settingsPath))
        if let node = requiredFile("adviser.yaml", kind: .settings, purpose: "the workspace settings (name, default scenario)") {
            settings = readSettings(node, file: settingsPath)
        }
        // adviser.yaml was read under the defaults; its `limits:` govern every other file.
        limits = settings.limits
        var facts: [Fact] = []
        if let node = requiredFile("facts.yaml", kind: .facts, purpose: "the facts rules may read") {
            facts = readFacts(node)
        }
        var workspace = Workspace(root: root, settings: settings, facts: facts)
        workspace.offerings = folder("offerings", kind: .offering) { reader, _, node in reader.readOffering(node) }
        workspace.segments = folder("segments", kind: .segment) { reader, _, node in reader.readSegment(node) }
        workspace.rivals = folder("rivals", kind: .rival, required: false) { reader, _, node in reader.readRival(node) }
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
        guard exists(file) else {
            diagnostics.append(.error(
                .missingFile, "the workspace has no \(name) (\(purpose))", at: .file(root),
                hint: "create \(file); see docs/rules.md"))
            return nil
        }
        return readFile(file, kind: kind)
    }

    // MARK: - The file system, or memory

    private func exists(_ file: String) -> Bool {
        if let memory { return memory[file] != nil }
        // A dangling symlink "exists" as far as the reader is concerned: readFile explains it.
        var info = stat()
        return lstat(file, &info) == 0
    }

    private func isDirectory(_ dir: String) -> Bool {
        if let memory { return memory.keys.contains { $0.hasPrefix(dir + "/") } }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private func listing(_ dir: String) -> [String] {
        if let memory {
            return memory.keys.filter { $0.hasPrefix(dir + "/") }.map { String($0.dropFirst(dir.count + 1)) }
                .filter { !$0.contains("/") }
        }
        return (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Is `path` (after resolving symlinks) inside the workspace folder? Always true when not confined.
    private func isInside(_ path: String) -> Bool {
        guard let confinement else { return true }
        guard let real = Self.realPath(path) else { return false }
        return real == confinement || real.hasPrefix(confinement == "/" ? "/" : confinement + "/")
    }

    /// Every `*.yaml`/`*.yml` file in a subfolder, sorted by name so the order is stable.
    /// Reads every `*.yaml` file of a subfolder into model values, files in parallel (they are
    /// independent), results and diagnostics in file-name order.
    private mutating func folder<Item: Sendable>(
        _ name: String, kind: WorkspaceSchema.FileKind, required: Bool = true,
        _ build: @escaping @Sendable (inout FileReader, String, YAMLNode) -> Item
    ) -> [Item] {
        let dir = path(name)
        guard isDirectory(dir) else {
            if required {
                diagnostics.append(.error(
                    .missingFile, "the workspace has no \(name)/ folder", at: .file(root),
                    hint: "create \(dir)/ with one \(kind.rawValue) per .yaml file; see docs/rules.md"))
            }
            return []
        }
        guard isInside(dir) else {
            diagnostics.append(.error(
                .symlinkOutside, "\(dir) is a link to a folder outside the workspace", at: .file(dir),
                hint: "copy the files into the workspace; links are followed only when they stay inside it"))
            return []
        }
        var names = listing(dir)
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }
            .sorted()
        if names.isEmpty && required {
            diagnostics.append(.error(.missingFile, "the \(name)/ folder holds no .yaml file", at: .file(dir)))
        }
        let allowed = max(0, limits.maxFiles - fileCount)
        if names.count > allowed {
            diagnostics.append(.error(
                .tooManyFiles, "the workspace holds more than \(limits.maxFiles) files; the files of \(name)/ from \(names[allowed]) on were not read",
                at: .file(dir), hint: "raise limits.max_files in adviser.yaml (docs/limits.md), or split the workspace"))
            names = Array(names.prefix(allowed))
        }
        let reader = self
        let results = parallelMap(names) { file -> (item: Item?, reader: FileReader) in
            var fileReader = FileReader(copying: reader)
            let full = dir + "/" + file
            let item = fileReader.readFile(full, kind: kind).map { build(&fileReader, full, $0) }
            return (item, fileReader)
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

    /// A fresh reader for one file of a folder: same root, limits and file source, nothing collected.
    private init(copying other: FileReader) {
        root = other.root
        limits = other.limits
        memory = other.memory
        confinement = other.confinement
    }

    mutating func readScenarioFile(_ path: String) -> YAMLNode? {
        readFile(path, kind: .scenario)
    }

    /// The bytes of one file, or nil with the reason as a diagnostic: not a regular file, a link out of
    /// the workspace, larger than `limits.maxFileBytes`, or unreadable. Never reads a FIFO or a device.
    private mutating func bytes(of file: String) -> [UInt8]? {
        if let memory {
            guard let bytes = memory[file] else {
                diagnostics.append(.error(.unreadableFile, "cannot read \(file)", at: .file(file)))
                return nil
            }
            guard bytes.count <= limits.maxFileBytes else {
                diagnostics.append(tooLarge(file, size: bytes.count))
                return nil
            }
            return bytes
        }
        var info = stat()
        guard lstat(file, &info) == 0 else {
            diagnostics.append(.error(.unreadableFile, "cannot read \(file): \(String(cString: strerror(errno)))", at: .file(file)))
            return nil
        }
        // Only a link can lead out: the folders were checked before their files were listed.
        if info.st_mode & S_IFMT == S_IFLNK {
            guard stat(file, &info) == 0 else {
                diagnostics.append(.error(
                    .unreadableFile, "\(file) is a link to nothing (\(String(cString: strerror(errno))))", at: .file(file),
                    hint: "point the link at a file, or delete it"))
                return nil
            }
            guard isInside(file) else {
                diagnostics.append(.error(
                    .symlinkOutside, "\(file) is a link to a file outside the workspace", at: .file(file),
                    hint: "copy the file into the workspace; links are followed only when they stay inside it"))
                return nil
            }
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            diagnostics.append(.error(
                .unreadableFile, "\(file) is a folder, not a file", at: .file(file),
                hint: "rename the folder so that its name does not end in .yaml"))
            return nil
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            diagnostics.append(.error(
                .unreadableFile, "\(file) is not a regular file (a pipe, socket or device)", at: .file(file),
                hint: "a workspace holds plain text files only"))
            return nil
        }
        guard Int(info.st_size) <= limits.maxFileBytes else {
            diagnostics.append(tooLarge(file, size: Int(info.st_size)))
            return nil
        }
        guard let handle = FileHandle(forReadingAtPath: file) else {
            diagnostics.append(.error(.unreadableFile, "cannot read \(file)", at: .file(file), hint: "check the file's permissions"))
            return nil
        }
        defer { try? handle.close() }
        // Read at most one byte past the limit: a file that grew since stat() is still refused.
        let data: Data
        do {
            data = try handle.read(upToCount: limits.maxFileBytes + 1) ?? Data()
        } catch {
            diagnostics.append(.error(.unreadableFile, "cannot read \(file): \(error.localizedDescription)", at: .file(file)))
            return nil
        }
        guard data.count <= limits.maxFileBytes else {
            diagnostics.append(tooLarge(file, size: data.count))
            return nil
        }
        return [UInt8](data)
    }

    private func tooLarge(_ file: String, size: Int) -> Diagnostic {
        .error(
            .fileTooLarge, "\(file) is \(size) bytes, more than the limit of \(limits.maxFileBytes)", at: .file(file),
            hint: "split the file, or raise limits.max_file_bytes in adviser.yaml (docs/limits.md)")
    }

    /// Reads, checks the bytes of, composes and shape-checks one file.
    mutating func readFile(_ file: String, kind: WorkspaceSchema.FileKind) -> YAMLNode? {
        fileCount += 1
        guard let bytes = bytes(of: file) else { return nil }
        if let problem = TextCheck.problem(in: bytes, file: file) {
            diagnostics.append(problem)
            return nil
        }
        sources[file] = String(decoding: bytes, as: UTF8.self)
        let composed = YAMLComposer(limits: limits.yaml).compose(bytes, file: file)
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
        checker.check(root, against: kind.shape, context: .named(kind.rawValue))
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
