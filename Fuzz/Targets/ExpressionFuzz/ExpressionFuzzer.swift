// libFuzzer target: one condition, parsed, checked, compiled and evaluated against the facts of
// the minimal test workspace, as `adviser eval` does. Run with Fuzz/run.sh expression SECONDS.
import AdviserCore
import Foundation

private let engine: AdviceEngine = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/workspaces/minimal")
    let outcome = WorkspaceLoader().load(root.path)
    precondition(!outcome.diagnostics.hasErrors, "the minimal workspace must load: \(outcome.diagnostics)")
    return try! AdviceEngine(workspace: outcome.workspace)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = FuzzEntryPoints.expression(Array(UnsafeBufferPointer(start: data, count: size)), engine: engine)
    return 0
}
