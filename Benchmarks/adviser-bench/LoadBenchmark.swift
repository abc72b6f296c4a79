import AdviserCore
import Foundation

/// `adviser-bench load [DIR]`: the load + validate of one workspace against libyaml's parse floor,
/// split into its two phases, for profiling the loader (`perf record` this rather than `scale`).
enum LoadBenchmark {
    static func run(arguments: [String]) {
        let passes = option("--passes", in: arguments).flatMap(Int.init) ?? 9
        var root = arguments.first.flatMap { $0.hasPrefix("--") ? nil : $0 }
        let generated = FileManager.default.temporaryDirectory.appendingPathComponent("adviser-load-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: generated) }
        if root == nil {
            let rules = option("--rules", in: arguments).flatMap(Int.init) ?? 10_000
            _ = try? WorkspaceGenerator(rules: rules).write(to: generated)
            root = generated
        }
        guard let root else { return }
        let files = ScaleBenchmark.yamlFiles(root)
        let bytes = files.reduce(0) { $0 + $1.count }
        let floor = ScaleBenchmark.median(passes) { for file in files { ScaleBenchmark.parseEvents(file) } }
        let (reading, read) = ScaleBenchmark.median(passes) { WorkspaceLoader().read(root) }
        let (checking, _) = ScaleBenchmark.median(passes) { WorkspaceChecker(workspace: read.workspace).check() }
        let cpuBefore = cpuSeconds()
        let (load, loaded) = ScaleBenchmark.median(passes) { WorkspaceLoader().load(root) }
        let cpu = (cpuSeconds() - cpuBefore) / Double(passes)
        if loaded.diagnostics.hasErrors { fail("the workspace has errors: \(loaded.diagnostics.prefix(3).map(DiagnosticFormatter.line))") }
        let ms = ScaleBenchmark.ms
        print("""
            workspace              \(root): \(files.count) files, \(bytes / 1_000) kB
            libyaml parse (floor)  \(ms(floor)) ms (\(ScaleBenchmark.mbps(bytes, floor)) MB/s)
            read (YAML, shapes)    \(ms(reading)) ms
            check (references)     \(ms(checking)) ms
            load + validate        \(ms(load)) ms (\(String(format: "%.2f", load / floor))× the floor); \(ms(cpu)) ms of CPU (\(String(format: "%.2f", cpu / floor))×)
            """)
    }

    /// User + system time of the process so far: steadier than wall time on a shared machine.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
