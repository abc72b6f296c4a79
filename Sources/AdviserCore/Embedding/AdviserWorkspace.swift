/// A workspace loaded, checked and ready to advise: the entry point for embedding the adviser in a
/// server or another Swift tool.
///
/// Load from a folder with ``init(directory:)`` or from file contents held in memory with
/// ``init(files:root:)``; either throws ``AdviserWorkspaceError/invalidWorkspace(_:)`` with every
/// diagnostic when the workspace has errors, as `adviser validate` would list them. Then ask for
/// ``advise(offering:segment:scenario:explain:today:)``, ``validate()``, ``runTests(today:)`` or
/// ``diff(from:baseName:headName:)``. The conditions are compiled once, here; the value holds no
/// mutable state, so one instance may serve any number of requests from any number of threads.
///
/// The results (``Advice``, ``Diagnostic``, ``RuleTestReport``, ``AdviceDiff``) are `Codable` and
/// `Sendable`. Their encoded form is Swift's synthesized one (field names as in the types): it is
/// not the CLI's `--format json` report, which is written by its own reporter and stays stable
/// for scripts.
public struct AdviserWorkspace: Sendable {
    let engine: AdviceEngine
    /// The loading diagnostics: warnings only, since a workspace with errors is not made.
    public let warnings: [Diagnostic]

    /// Loads and checks the workspace folder at `path` (the folder that holds `adviser.yaml`).
    public init(directory path: String) throws(AdviserWorkspaceError) {
        try self.init(WorkspaceLoader(keepsConditions: true).load(path))
    }

    /// Loads and checks a workspace held in memory, without touching the file system.
    ///
    /// - Parameters:
    ///   - files: each file's text by its path inside the workspace: `adviser.yaml`,
    ///     `offerings/pro.yaml`, `rules/pricing.yaml`… (the same layout as on disk).
    ///   - root: the name diagnostics and advice give the workspace folder (`memory/adviser.yaml:3:5`).
    public init(files: [String: String], root: String = "memory") throws(AdviserWorkspaceError) {
        try self.init(bytes: files.mapValues { Array($0.utf8) }, root: root)
    }

    /// Loads and checks a workspace held in memory as raw bytes (an upload, say): text that is not
    /// UTF-8 is then reported as an `invalid-utf8` diagnostic at its file rather than refused.
    public init(bytes files: [String: [UInt8]], root: String = "memory") throws(AdviserWorkspaceError) {
        try self.init(WorkspaceLoader(keepsConditions: true).load(files: files, root: root))
    }

    private init(_ outcome: WorkspaceLoader.Outcome) throws(AdviserWorkspaceError) {
        guard !outcome.diagnostics.hasErrors else { throw .invalidWorkspace(outcome.diagnostics) }
        do {
            engine = try AdviceEngine(workspace: outcome.workspace, conditions: outcome.conditions)
        } catch {
            switch error {
            case .invalidWorkspace(let diagnostics): throw .invalidWorkspace(diagnostics)
            }
        }
        warnings = outcome.diagnostics
    }

    var workspace: Workspace { engine.workspace }

    /// The workspace's name (`adviser.yaml` `name:`, else its folder's).
    public var name: String { workspace.settings.name }

    /// The offerings, in file order.
    public var offerings: [Advice.Reference] { workspace.offerings.map { .init(id: $0.id, name: $0.name) } }

    /// The client segments, in file order.
    public var segments: [Advice.Reference] { workspace.segments.map { .init(id: $0.id, name: $0.name) } }

    /// The scenarios, in file order.
    public var scenarios: [Advice.Reference] { workspace.scenarios.map { .init(id: $0.id, name: $0.name) } }

    /// The scenario advice runs under when none is named (`adviser.yaml` `default_scenario:`, else
    /// the first); nil when the workspace has none.
    public var defaultScenario: String? { workspace.defaultScenario?.id }
}

// MARK: - Advising

extension AdviserWorkspace {
    /// The advice for one offering and one segment, as `adviser advise --offering O --segment S`.
    ///
    /// - Parameters:
    ///   - offering: the offering's id.
    ///   - segment: the segment's id; advised even when it does not buy the offering today.
    ///   - scenario: a scenario id; nil: ``defaultScenario``.
    ///   - explain: record every rule's condition and how it evaluated in ``Advice/explanations``.
    ///   - today: days since 1970-01-01, to warn about a scenario's old market figures; nil: no check.
    /// - Throws: ``AdviserWorkspaceError/unknownID(kind:id:known:)`` when an id names nothing.
    public func advise(
        offering: String, segment: String, scenario: String? = nil, explain: Bool = false, today: Int? = nil
    ) throws(AdviserWorkspaceError) -> Advice {
        try advise(offerings: [offering], segments: [segment], scenario: scenario, explain: explain, today: today)[0]
    }

    /// The advice for every offering × segment (each segment for the offerings it buys), or for the
    /// named ones only, as `adviser advise`: offerings in file order, then segments.
    ///
    /// - Parameters:
    ///   - offerings: offering ids; empty: all.
    ///   - segments: segment ids; empty: all. When both lists name ids, every pair is advised, even
    ///     an offering the segment does not buy today.
    ///   - scenario: a scenario id; nil: ``defaultScenario``.
    ///   - explain: record every rule's condition and how it evaluated.
    ///   - today: days since 1970-01-01, to warn about a scenario's old market figures; nil: no check.
    public func advise(
        offerings: [String] = [], segments: [String] = [], scenario: String? = nil, explain: Bool = false, today: Int? = nil
    ) throws(AdviserWorkspaceError) -> [Advice] {
        do {
            let request = AdviceRequest(
                scenario: try engine.scenario(scenario), offerings: offerings, segments: segments,
                options: .init(explain: explain, today: today))
            return try engine.report(for: request).advice
        } catch {
            throw .unknownID(kind: error.what, id: error.id, known: error.known)
        }
    }
}

// MARK: - Checking, testing, comparing

extension AdviserWorkspace {
    /// Every finding of `adviser validate`: the loading warnings and the static analyses
    /// (conflicts, unreachable and shadowed rules, unused facts, drivers and levers, untested
    /// rules, value that cannot hold), sorted by position. All are warnings or notes.
    public func validate() -> [Diagnostic] {
        (warnings + WorkspaceAnalyzer(workspace: workspace).analyze()).sorted()
    }

    /// Runs the workspace's rule tests (`tests/*.yaml`), as `adviser test`.
    ///
    /// - Parameter today: days since 1970-01-01, for the tests' stale-scenario checks; nil: none.
    public func runTests(today: Int? = nil) -> RuleTestReport {
        RuleTestRunner(engine: engine, today: today).run()
    }

    /// What this workspace changes in the advice compared with `base`, as `adviser diff`: every
    /// offering × segment × scenario advised on both sides.
    ///
    /// - Parameters:
    ///   - base: the workspace before the change.
    ///   - baseName: how the report names `base` (a folder, a revision, "yesterday").
    ///   - headName: how the report names this workspace.
    public func diff(from base: AdviserWorkspace, baseName: String = "base", headName: String = "head") -> AdviceDiff {
        do {
            return try AdviceDiff.compare(base: base.workspace, head: workspace, baseName: baseName, headName: headName)
        } catch {
            // Both engines were built from these workspaces already, so compiling them again succeeds.
            preconditionFailure("a loaded workspace failed to compile again: \(error)")
        }
    }
}
