// libFuzzer target: one client line of `adviser advise --clients`, advised against the minimal
// test workspace. Run with Fuzz/run.sh client-line SECONDS.
import AdviserCore
import Foundation

private let batch: BatchAdviser = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/workspaces/minimal")
    let outcome = WorkspaceLoader().load(root.path)
    precondition(!outcome.diagnostics.hasErrors, "the minimal workspace must load: \(outcome.diagnostics)")
    return BatchAdviser(engine: try! AdviceEngine(workspace: outcome.workspace), scenario: outcome.workspace.scenarios[0])
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClientLine(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let output = FuzzEntryPoints.clientLine(Array(UnsafeBufferPointer(start: data, count: size)), batch: batch)
    // Every output line is one JSON object: a bad line gives exactly one error record.
    for record in output {
        precondition((try? JSONSerialization.jsonObject(with: Data(record.utf8))) is [String: Any], "not a JSON object: \(record)")
    }
    return 0
}
