import Foundation

/// What each libFuzzer target (Fuzz/Targets) does with one input, here so that the regression tests
/// replay what the fuzzers found through exactly the same code, in process.
package enum FuzzEntryPoints {
    /// The `*.yaml` files of a workspace folder, by path relative to it.
    package static func files(of root: URL) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return files }
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".yaml"), let data = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) else { continue }
            files[relative] = [UInt8](data)
        }
        return files
    }

    /// The loader target: the first byte picks which file of `base` the rest replaces; the workspace
    /// is loaded and checked in memory and, when it has no errors, advised for every offering ×
    /// segment (with explanations) under its first scenario.
    package static func loader(_ input: [UInt8], base: [String: [UInt8]]) -> WorkspaceLoader.Outcome {
        var files = base
        let targets = base.keys.sorted()
        if let first = input.first, !targets.isEmpty {
            files[targets[Int(first) % targets.count]] = Array(input.dropFirst())
        }
        let outcome = WorkspaceLoader().load(files: files)
        if !outcome.diagnostics.hasErrors, let engine = try? AdviceEngine(workspace: outcome.workspace),
           let scenario = outcome.workspace.scenarios.first {
            for offering in outcome.workspace.offerings {
                for segment in outcome.workspace.segments {
                    _ = engine.advise(offering: offering, segment: segment, scenario: scenario, options: .init(explain: true))
                }
            }
        }
        return outcome
    }

    /// The expression target: one condition, parsed, checked, compiled and evaluated as `adviser eval`
    /// does, against the engine's first scenario, segment and offering.
    package static func expression(_ input: [UInt8], engine: AdviceEngine) -> ExpressionScratchpad.Outcome {
        let workspace = engine.workspace
        return ExpressionScratchpad(engine: engine).evaluate(
            String(decoding: input, as: UTF8.self), scenario: workspace.scenarios[0], segment: workspace.segments[0],
            offering: workspace.offerings[0])
    }

    /// The client-line target: one line of `advise --clients` as the line reader hands it over.
    package static func clientLine(_ input: [UInt8], batch: BatchAdviser) -> [String] {
        let line: BatchAdviser.InputLine = String(validating: input, as: UTF8.self).map { .text($0) } ?? .invalidUTF8
        return batch.advise(line, number: 1)
    }
}
