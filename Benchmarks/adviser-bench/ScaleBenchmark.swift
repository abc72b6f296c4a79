import AdviserCore
import CYaml
import Foundation

/// `adviser-bench scale`: the figures of docs/performance.md, as one table.
enum ScaleBenchmark {
    static func run(arguments: [String]) {
        let rules = option("--rules", in: arguments).flatMap(Int.init) ?? 10_000
        let clients = option("--clients", in: arguments).flatMap(Int.init) ?? 100_000
        let batchRules = option("--batch-rules", in: arguments).flatMap(Int.init) ?? 500
        let passes = option("--passes", in: arguments).flatMap(Int.init) ?? 5
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("adviser-scale-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: base) }

        var rows: [(String, String)] = []

        // 1. Load + validate a large workspace, against libyaml's own parse of the same bytes.
        let big = base + "/big"
        let bytes = (try? WorkspaceGenerator(rules: rules).write(to: big)) ?? 0
        let files = yamlFiles(big)
        let floor = median(passes) { for file in files { parseEvents(file) } }
        let (load, loaded) = median(passes) { WorkspaceLoader().load(big) }
        let diagnostics = loaded.diagnostics
        if diagnostics.hasErrors { fail("the generated workspace has errors: \(diagnostics.prefix(3).map(DiagnosticFormatter.line))") }
        rows.append(("workspace", "\(rules) rules, \(files.count) files, \(bytes / 1_000) kB"))
        rows.append(("libyaml parse (floor)", "\(ms(floor)) ms (\(mbps(bytes, floor)) MB/s)"))
        rows.append(("load + validate", "\(ms(load)) ms (\(String(format: "%.2f", load / floor))× the floor)"))

        // 2. Batch advice: clients × offerings with a smaller rule set.
        let batchRoot = base + "/batch"
        _ = try? WorkspaceGenerator(rules: batchRules).write(to: batchRoot)
        let clientsFile = base + "/clients.jsonl"
        try? WorkspaceGenerator(rules: batchRules).writeClients(count: clients, to: clientsFile)
        let outcome = WorkspaceLoader().load(batchRoot)
        guard let engine = try? AdviceEngine(workspace: outcome.workspace), let scenario = outcome.workspace.defaultScenario else {
            fail("could not build the batch workspace")
        }
        let batch = BatchAdviser(engine: engine, scenario: scenario)
        let lines = ((try? String(contentsOfFile: clientsFile, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        var advised = 0
        let sample = lines.prefix(200).flatMap { batch.advise(line: $0, number: 0) }
        let firedPerAdvice = Double(sample.reduce(0) { $0 + $1.components(separatedBy: "\"ruleset\"").count - 1 }) / Double(max(sample.count, 1))
        let bytesPerAdvice = sample.reduce(0) { $0 + $1.utf8.count } / max(sample.count, 1)
        let seconds = measure {
            let semaphore = DispatchSemaphore(value: 0)
            let box = Counter()
            Task {
                var start = 0
                while start < lines.count {
                    let end = min(start + BatchAdviser.clientsPerChunk, lines.count)
                    let chunk = (start..<end).map { (number: $0 + 1, line: BatchAdviser.InputLine.text(lines[$0])) }
                    let out = await batch.adviseRecords(chunk: chunk)
                    box.add(out.reduce(0) { $0 + $1.count })
                    start = end
                }
                semaphore.signal()
            }
            semaphore.wait()
            advised = box.value
        }
        rows.append(("batch advice", "\(clients) clients × \(outcome.workspace.offerings.count) offerings, \(batchRules) rules: "
            + "\(advised) advices in \(String(format: "%.2f", seconds)) s = \(Int(Double(advised) / seconds)) advices/s on \(ProcessInfo.processInfo.activeProcessorCount) cores"
            + " (\(String(format: "%.1f", firedPerAdvice)) rules fired and \(bytesPerAdvice / 1_000) kB of JSON per advice)"))

        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        rows.append(("peak memory", "\(usage.ru_maxrss / 1_024) MB (max resident set)"))

        let width = rows.map(\.0.count).max() ?? 0
        for (name, value) in rows {
            print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
        }
        print("(conditions: `adviser-bench conditions`; balancing: `adviser-bench balance`)")
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add(_ n: Int) { lock.lock(); count += n; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }

    static func yamlFiles(_ root: String) -> [[UInt8]] {
        let enumerator = FileManager.default.enumerator(atPath: root)
        var files: [[UInt8]] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".yaml"), let data = FileManager.default.contents(atPath: root + "/" + path) { files.append([UInt8](data)) }
        }
        return files
    }

    /// libyaml's event parser alone: the floor no YAML loader can beat.
    static func parseEvents(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            yaml_parser_initialize(&parser)
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if done { break }
            }
        }
    }

    static func measure(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(_ passes: Int, _ body: () -> Void) -> Double {
        let times = (0..<max(1, passes)).map { _ in measure(body) }.sorted()
        return times[times.count / 2]
    }

    /// The median time of `body`, and its last result. A pass's result is freed after the next
    /// pass is timed, not inside it: the CLI never frees its workspace (it exits), so freeing is
    /// no part of what a user waits for.
    static func median<Result>(_ passes: Int, _ body: () -> Result) -> (seconds: Double, result: Result) {
        var times: [Double] = []
        var last: Result?
        for _ in 0..<max(1, passes) {
            var result: Result?
            times.append(measure { result = body() })
            last = result  // frees the previous pass's result, untimed
        }
        times.sort()
        return (times[times.count / 2], last!)
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1_000) }
    static func mbps(_ bytes: Int, _ seconds: Double) -> String { String(format: "%.0f", Double(bytes) / seconds / 1e6) }
}
