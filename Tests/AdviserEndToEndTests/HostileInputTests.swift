import AdviserCore
import AdviserTestSupport
import Foundation
import Testing

/// Hostile input through the real binary: an alias bomb refused fast, 10,000-deep nesting refused
/// without a stack overflow, reports that survive a kill, and client files whose garbage lines cost no
/// good line its place.
@Suite(.serialized)
struct HostileInputTests {
    static let minimal = PackagePaths.fixtureWorkspace("minimal")

    /// Ten levels of ten aliases: 10^10 values once expanded, in about a kilobyte.
    static let aliasBomb: String = {
        var text = "id: current\nname: Bomb\n"
        for level in 0..<10 {
            let items = Array(repeating: level == 0 ? "\"lol\"" : "*l\(level - 1)", count: 10).joined(separator: ", ")
            text += "l\(level): &l\(level) [\(items)]\n"
        }
        return text + String(repeating: "# padding to a round kilobyte\n", count: 16)
    }()

    @Test func aliasBombIsRefusedFast() throws {
        #expect((900...1_400).contains(Self.aliasBomb.utf8.count), "the bomb is \(Self.aliasBomb.utf8.count) bytes")
        // In process: the composer alone.
        let clock = ContinuousClock()
        var result: YAMLComposer.Result?
        let composeTime = clock.measure { result = YAMLComposer().compose(Array(Self.aliasBomb.utf8), file: "bomb.yaml") }
        #expect(result?.diagnostics.map(\.code) == [.yamlAliasLimit])
        // End to end: validate a workspace that holds it.
        let workspace = try TemporaryWorkspace(copying: Self.minimal)
        try workspace.write("scenarios/current.yaml", Self.aliasBomb)
        let start = Date()
        let run = try AdviserProcess.run(["validate", workspace.path])
        let seconds = Date().timeIntervalSince(start)
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(workspace.path("scenarios/current.yaml")):"))
        #expect(run.stdout.contains("error[yaml-alias-limit]"), "\(run.stdout)")
        #expect(composeTime < .seconds(2))
        #expect(seconds < 2)
        print("alias bomb (\(Self.aliasBomb.utf8.count) bytes): refused by the composer in \(composeTime.microseconds) µs, by adviser validate in \(Int(seconds * 1000)) ms (process included)")
    }

    @Test func tenThousandDeepListIsADiagnostic() throws {
        let workspace = try TemporaryWorkspace(copying: Self.minimal)
        try workspace.edit(
            "scenarios/current.yaml", replacing: "name: Today's market",
            with: "name: Today's market\ndeep:\n" + String(repeating: "- ", count: 10_000) + "x")
        let run = try AdviserProcess.run(["validate", workspace.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("error[yaml-too-deep]"), "\(run.stdout.prefix(500))")
        // The flow form, [[[[…]]]], too.
        try workspace.write("scenarios/current.yaml", "deep: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n")
        let flow = try AdviserProcess.run(["validate", workspace.path])
        #expect(flow.status == 1)
        #expect(flow.stdout.contains("\(workspace.path("scenarios/current.yaml")):1:"))
        #expect(flow.stdout.contains("error[yaml-too-deep]"))
    }

    @Test func tenThousandDeepConditionIsADiagnostic() throws {
        let workspace = try TemporaryWorkspace(copying: Self.minimal)
        let condition = String(repeating: "(", count: 10_000) + "market.inflation > 1.0" + String(repeating: ")", count: 10_000)
        try workspace.edit(
            "rules/business-cycle.yaml", replacing: "market.phase == \"downturn\" && segment.price_sensitivity >= 0.5", with: condition)
        for arguments in [["validate", workspace.path], ["advise", "--rules", workspace.path]] {
            let run = try AdviserProcess.run(arguments)
            #expect(run.status == 1)
            // The first parenthesis past the limit of 100: line 5, column 11 + 100.
            #expect((run.stdout + run.stderr).contains("\(workspace.path("rules/business-cycle.yaml")):5:111: error[expr-too-deep]"),
                    "\((run.stdout + run.stderr).prefix(500))")
        }
        let eval = try AdviserProcess.run(["eval", condition, "--rules", workspace.path])
        #expect(eval.status != 0)
        #expect(eval.terminationWasExit)
    }

    @Test func crlfFileKeepsItsColumns() throws {
        let workspace = try TemporaryWorkspace(copying: Self.minimal)
        let text = try workspace.read("offerings/sales-consultation.yaml")
            .replacingOccurrences(of: "    step: 100", with: "    step: \"100\"")
        try workspace.write("offerings/sales-consultation.yaml", "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n"))
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("step: \"100\"") }! + 1
        let run = try AdviserProcess.run(["validate", workspace.path])
        #expect(run.stdout.contains("\(workspace.path("offerings/sales-consultation.yaml")):\(line):11: error[wrong-type]"), "\(run.stdout)")
    }

    /// A workspace big enough that `advise` takes a moment: the minimal one with many segments.
    static func bigWorkspace() throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace(copying: minimal)
        let segment = try workspace.read("segments/micro-retail.yaml")
        for index in 0..<400 {
            try workspace.write("segments/copy-\(index).yaml", segment.replacingOccurrences(of: "id: micro-retail", with: "id: micro-retail-\(index)"))
        }
        return workspace
    }

    @Test func killedRunLeavesTheReportWhole() throws {
        let workspace = try Self.bigWorkspace()
        let report = workspace.parent.appendingPathComponent("report.md")
        let arguments = ["advise", "--rules", workspace.path, "--format", "markdown", "--output", report.path]
        let environment = ["ADVISER_TODAY": "2026-11-01"]
        let began = Date()
        let reference = try AdviserProcess.run(arguments, environment: environment)
        let runTime = Date().timeIntervalSince(began)
        #expect(reference.status == 0, "\(reference.stderr.prefix(500))")
        let complete = try Data(contentsOf: report)
        #expect(complete.count > 100_000)
        let previous = Data("# The previous report\n".utf8)
        var outcomes: [String] = []
        // Kills spread over the whole run, thickest near its end, when the report is written.
        for delay in [0.1, 0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 0.93, 0.96, 0.98, 1.0, 1.02, 1.05].map({ $0 * runTime }) {
            try previous.write(to: report)
            let process = Process()
            process.executableURL = AdviserProcess.binary
            process.arguments = arguments
            var env = ProcessInfo.processInfo.environment
            env["ADVISER_TODAY"] = "2026-11-01"
            process.environment = env
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try Data(contentsOf: report)
            #expect(now == previous || now == complete, "after \(delay) s: \(now.count) bytes, neither the previous report nor the complete new one")
            outcomes.append(now == previous ? "previous" : "new")
        }
        print("advise took \(Int(runTime * 1000)) ms; killed runs left: \(outcomes.joined(separator: ", "))")
    }

    @Test func garbageClientLinesCostNoGoodLineItsPlace() throws {
        var lines: [[UInt8]] = []
        var expected: [(line: Int, client: String?, code: String?)] = []
        func good(_ id: String) {
            lines.append(Array(#"{"id": "\#(id)", "segment": "micro-retail", "offerings": ["sales-consultation"]}"#.utf8))
            expected.append((lines.count, id, nil))
        }
        func bad(_ bytes: [UInt8], _ code: String) {
            lines.append(bytes)
            expected.append((lines.count, nil, code))
        }
        good("a")
        bad(Array(#"{"id": "caf"#.utf8) + [0xE9] + Array(#"", "segment": "micro-retail"}"#.utf8), "invalid-utf8")
        good("b")
        bad(Array((#"{"id": "huge", "x": ""# + String(repeating: "x", count: 3 << 20) + #""}"#).utf8), "line-too-long")
        good("c")
        bad(Array(String(repeating: "[", count: 100_000).utf8), "invalid-json")
        good("d")
        bad(Array(#"{"id": "n"#.utf8) + [0] + Array(#"ul", "segment": "micro-retail"}"#.utf8), "invalid-json")
        good("e")
        bad(Array(#"{"id": "deep", "segment": "micro-retail", "facts": "# .utf8) + Array(repeating: UInt8(ascii: "{"), count: 1) + Array(String(repeating: #""a": {"#, count: 20_000).utf8), "invalid-json")
        good("f")
        bad([0xFF, 0xFE, 0x7B, 0x00], "invalid-utf8")
        good("g")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("clients-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(lines.map { $0 + [0x0A] }.joined()).write(to: file)
        let run = try AdviserProcess.run(["advise", "--rules", Self.minimal.path, "--clients", file.path])
        #expect(run.status == 0, "\(run.stderr.prefix(500))")
        let records = run.stdout.split(separator: "\n").map { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
        #expect(records.count == expected.count && records.allSatisfy { $0 != nil })
        for (record, want) in zip(records.compactMap { $0 }, expected) {
            #expect(record["line"] as? Int == want.line)
            if let client = want.client {
                #expect(record["client"] as? String == client && record["advice"] != nil, "line \(want.line): \(record)")
            } else {
                #expect((record["error"] as? [String: Any])?["code"] as? String == want.code, "line \(want.line): \(record)")
            }
        }
    }

    @Test func clientsFileThatIsAFolder() throws {
        let run = try AdviserProcess.run(["advise", "--rules", Self.minimal.path, "--clients", Self.minimal.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("is a folder"), "\(run.stderr)")
    }

    /// A full disk (here /dev/full) is an error with exit status 2, not a trap, for results on standard
    /// output and for the client stream.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"))) func fullDiskIsAnErrorNotACrash() throws {
        let clients = FileManager.default.temporaryDirectory.appendingPathComponent("clients-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: clients) }
        try Data(Array(#"{"id": "a", "segment": "micro-retail"}"#.utf8) + [0x0A]).write(to: clients)
        for arguments in [["advise", "--rules", Self.minimal.path], ["validate", Self.minimal.path],
                          ["advise", "--rules", Self.minimal.path, "--clients", clients.path]] {
            let process = Process()
            process.executableURL = AdviserProcess.binary
            process.arguments = arguments
            var environment = ProcessInfo.processInfo.environment
            environment["SWIFT_BACKTRACE"] = "enable=no"
            process.environment = environment
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit && process.terminationStatus == 2, "\(arguments): \(message)")
            #expect(message.contains("cannot write"), "\(arguments): \(message)")
        }
    }
}

extension Duration {
    fileprivate var microseconds: Int { Int(components.seconds * 1_000_000 + components.attoseconds / 1_000_000_000_000) }
}

extension AdviserProcess.Output {
    /// Exit statuses from a signal show as 128+N through a shell, and as the signal number from
    /// Process; the adviser's own statuses are 0, 1 and 2.
    fileprivate var terminationWasExit: Bool { (0...2).contains(status) }
}
