// libFuzzer target: the minimal test workspace held in memory with one file replaced by the input
// (the first byte picks which), loaded, checked and advised as `adviser validate` and `advise` do.
// Run with Fuzz/run.sh loader SECONDS.
import AdviserCore
import Foundation

private let base = FuzzEntryPoints.files(of: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/workspaces/minimal"))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let outcome = FuzzEntryPoints.loader(Array(UnsafeBufferPointer(start: data, count: size)), base: base)
    // Every diagnostic names a file of the workspace (or the workspace) at a real position.
    for diagnostic in outcome.diagnostics {
        precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "bad location: \(diagnostic)")
    }
    return 0
}
