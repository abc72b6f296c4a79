// libFuzzer target: the minimal test workspace held in memory with one file replaced by the input
// (the first byte picks which), loaded and checked as `adviser validate` does. Run with
// Fuzz/run.sh loader SECONDS.
@_spi(Fuzzing) import AdviserCore
import Foundation

private let base: [String: [UInt8]] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/workspaces/minimal")
    var files: [String: [UInt8]] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root.path)!
    while let relative = enumerator.nextObject() as? String {
        guard relative.hasSuffix(".yaml") else { continue }
        files[relative] = [UInt8](FileManager.default.contents(atPath: root.appendingPathComponent(relative).path)!)
    }
    return files
}()

private let targets = base.keys.sorted()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    var files = base
    files[targets[Int(data[0]) % targets.count]] = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let outcome = WorkspaceLoader().load(files: files)
    if !outcome.diagnostics.hasErrors, let engine = try? AdviceEngine(workspace: outcome.workspace),
       let scenario = outcome.workspace.scenarios.first {
        for offering in outcome.workspace.offerings {
            for segment in outcome.workspace.segments {
                _ = engine.advise(offering: offering, segment: segment, scenario: scenario, options: .init(explain: true))
            }
        }
    }
    return 0
}
