import AdviserTestSupport
import Foundation
import Testing

/// The bad-input corpus (Tests/Fixtures/bad/index.json): every broken input, put into a copy of the
/// minimal workspace, run through the real binary. Each must end with its documented exit status, name
/// its code at its `file:line:col`, never die of a signal, and stay within 2 s and 512 MB.
@Suite(.serialized)
struct BadInputCorpusTests {
    struct Case: Decodable, Sendable {
        var name: String
        var kind: String
        var code: String
        var exit: Int32
        var target: String?
        var input: String?
        var limits: [String: Int]?
        var at: String?
        /// The expected diagnostic's severity when it differs from the exit status's (a warning in a failing run).
        var severity: String?
        var line: Int?
        var column: Int?
    }

    struct Index: Decodable {
        var cases: [Case]
    }

    static let folder = PackagePaths.root.appendingPathComponent("Tests/Fixtures/bad")

    static func loadCases() throws -> [Case] {
        try JSONDecoder().decode(Index.self, from: Data(contentsOf: folder.appendingPathComponent("index.json"))).cases
    }

    /// One case, set up in its own workspace and started; `finish` waits and checks it.
    final class Run {
        let testCase: Case
        let workspace: TemporaryWorkspace
        let process = Process()
        let output: URL
        let timing: URL
        var started = Date()

        init(_ testCase: Case) throws {
            self.testCase = testCase
            workspace = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
            output = workspace.parent.appendingPathComponent("output")
            timing = workspace.parent.appendingPathComponent("time")
            try prepare()
        }

        private func prepare() throws {
            let manager = FileManager.default
            if let limits = testCase.limits {
                let block = "limits:\n" + limits.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)\n" }.joined()
                try workspace.write("adviser.yaml", try workspace.read("adviser.yaml") + block)
            }
            let target = testCase.target.map(workspace.path) ?? ""
            let outside = workspace.parent.appendingPathComponent("outside")
            switch testCase.kind {
            case "file":
                let data = try Data(contentsOf: folder.appendingPathComponent(testCase.input!))
                try data.write(to: URL(fileURLWithPath: target))
            case "client-line":
                break
            case "symlink-outside":
                try Data("id: elsewhere\n".utf8).write(to: outside)
                try? manager.removeItem(atPath: target)
                try manager.createSymbolicLink(atPath: target, withDestinationPath: outside.path)
            case "symlinked-folder-outside":
                try manager.moveItem(atPath: target, toPath: outside.path)
                try manager.createSymbolicLink(atPath: target, withDestinationPath: outside.path)
            case "dangling-symlink":
                try manager.createSymbolicLink(atPath: target, withDestinationPath: outside.path)
            case "directory":
                try? manager.removeItem(atPath: target)
                try manager.createDirectory(atPath: target, withIntermediateDirectories: false)
            case "fifo":
                #expect(mkfifo(target, 0o644) == 0)
            case "remove":
                try manager.removeItem(atPath: target)
            default:
                Issue.record("unknown kind \(testCase.kind) in \(testCase.name)")
            }
        }

        var arguments: [String] {
            if testCase.kind == "client-line" {
                return ["advise", "--rules", workspace.path, "--clients", folder.appendingPathComponent(testCase.input!).path]
            }
            return ["validate", workspace.path]
        }

        func start() throws {
            let time = URL(fileURLWithPath: "/usr/bin/time")
            if FileManager.default.isExecutableFile(atPath: time.path) {
                process.executableURL = time
                process.arguments = ["-f", "%U %S %M", "-o", timing.path, AdviserProcess.binary.path] + arguments
            } else {
                process.executableURL = AdviserProcess.binary
                process.arguments = arguments
            }
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = "1"
            process.environment = environment
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            let handle = try FileHandle(forWritingTo: output)
            process.standardOutput = handle
            process.standardError = handle
            process.standardInput = FileHandle.nullDevice
            started = Date()
            try process.run()
            try handle.close()
        }

        /// Waits for the run and checks it; returns its time (CPU seconds when measured, else wall) and
        /// peak memory (KB, when measured).
        func finish() throws -> (seconds: Double, kilobytes: Int?) {
            process.waitUntilExit()
            let seconds = Date().timeIntervalSince(started)
            let text = String(decoding: try Data(contentsOf: output), as: UTF8.self)
            let timeReport = (try? String(contentsOf: timing, encoding: .utf8)) ?? ""
            let name = testCase.name
            // /usr/bin/time reports a signal in its output file and exits with the child's status.
            #expect(process.terminationReason == .exit && !timeReport.contains("signal"), "\(name) died of a signal: \(timeReport)")
            #expect(process.terminationStatus == testCase.exit, "\(name): exit \(process.terminationStatus), not \(testCase.exit)\n\(text.prefix(2_000))")
            // What the run costs is its CPU time: on a shared machine its wall time is mostly the wait
            // for a core. The wall time only guards against a hang.
            let measured = timeReport.split(separator: "\n").last.map { $0.split(separator: " ").compactMap { Double($0) } } ?? []
            let cpu = measured.count == 3 ? measured[0] + measured[1] : nil
            let kilobytes = measured.count == 3 ? Int(measured[2]) : nil
            #expect(seconds < 30, "\(name) took \(seconds) s")
            if let cpu { #expect(cpu < 2, "\(name) took \(cpu) s of CPU") }
            if let kilobytes { #expect(kilobytes < 512 * 1024, "\(name) used \(kilobytes) KB") }
            if testCase.kind == "client-line" {
                checkClientOutput(text)
            } else {
                let file = testCase.at == "." ? workspace.path : workspace.path(testCase.at ?? testCase.target!)
                let severity = testCase.severity ?? (testCase.exit == 0 ? "warning" : "error")
                let expected = "\(file):\(testCase.line!):\(testCase.column!): \(severity)[\(testCase.code)]"
                #expect(text.contains(expected), "\(name): expected \(expected) in\n\(text.prefix(3_000))")
            }
            return (cpu ?? seconds, kilobytes)
        }

        /// A client file is a good line, the bad line, a good line: one error record for line 2 with the
        /// code, and both good lines advised, in order.
        private func checkClientOutput(_ text: String) {
            let records = text.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
            }
            #expect(records.count == text.split(separator: "\n").count, "\(testCase.name): a line that is not JSON in\n\(text.prefix(2_000))")
            #expect(records.map { $0["line"] as? Int } == [1, 2, 3], "\(testCase.name): \(text.prefix(2_000))")
            let errors = records.filter { $0["error"] != nil }
            #expect(errors.count == 1 && errors.first?["line"] as? Int == 2)
            #expect((errors.first?["error"] as? [String: Any])?["code"] as? String == testCase.code, "\(testCase.name): \(errors)")
        }
    }

    @Test func everyBadInputIsDiagnosedInTimeAndMemory() throws {
        let cases = try Self.loadCases()
        #expect(cases.count >= 150)
        #expect(Set(cases.map(\.name)).count == cases.count, "case names must be unique")
        let clock = Date()
        var slowest = (name: "", seconds: 0.0)
        var largest = (name: "", kilobytes: 0)
        // Four at a time: each run is mostly process start-up, and the machine has few cores.
        for start in stride(from: 0, to: cases.count, by: 4) {
            let runs = try cases[start..<min(start + 4, cases.count)].map(Run.init)
            for run in runs { try run.start() }
            for run in runs {
                let (seconds, kilobytes) = try run.finish()
                if seconds > slowest.seconds { slowest = (run.testCase.name, seconds) }
                if let kilobytes, kilobytes > largest.kilobytes { largest = (run.testCase.name, kilobytes) }
            }
        }
        if largest.kilobytes == 0 { print("bad-input corpus: /usr/bin/time not found; peak memory not checked") }
        print(String(
            format: "bad-input corpus: %d cases in %.1f s; slowest %@ (%.2f s of CPU where measured); most memory %@ (%d MB)", cases.count,
            Date().timeIntervalSince(clock), slowest.name, slowest.seconds, largest.name, largest.kilobytes / 1024))
    }

    /// Every input file belongs to a case: the table is the whole corpus.
    @Test func everyInputFileIsInTheTable() throws {
        let listed = Set(try Self.loadCases().compactMap(\.input))
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.appendingPathComponent("cases").path)
        #expect(Set(files.map { "cases/" + $0 }) == listed)
    }

    /// Every code a case expects is a documented one: docs/limits.md (or the page of its feature) names it.
    @Test func everyExpectedCodeIsDocumented() throws {
        let docs = try ["docs/limits.md", "docs/scale.md", "docs/expressions.md", "docs/rules.md"].map {
            try String(contentsOf: PackagePaths.root.appendingPathComponent($0), encoding: .utf8)
        }.joined()
        for code in Set(try Self.loadCases().map(\.code)).sorted() {
            #expect(docs.contains("`\(code)`"), "\(code) is not documented")
        }
    }
}
