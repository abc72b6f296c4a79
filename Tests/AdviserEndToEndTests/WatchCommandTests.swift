import AdviserTestSupport
import Foundation
import Testing

/// `adviser watch`, run as a user runs it: a real process on a copy of the minimal workspace, edited
/// while it runs. Every wait is bounded and polls the output; nothing relies on a fixed sleep.
struct WatchCommandTests {
    @Test func showsEachChangeKeepsTheLastGoodAdviceThroughABrokenEditAndStopsCleanlyOnCtrlC() throws {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        let watcher = try Watcher(["watch", "--scenario", "downturn", "--rules", copy.path])
        defer { watcher.kill() }

        var mark = try watcher.waitFor("watching \(copy.path)/ (Ctrl-C to stop)")
        mark = try watcher.waitFor("advice: 2 recommendations under downturn, value held in 2", after: mark)

        // A 20 % cut instead of 10 %: 4 800 → 3 840, on the grid 3 800.
        try copy.edit("rules/business-cycle.yaml", replacing: "by: -10%", with: "by: -20%")
        mark = try watcher.waitFor("changed: rules/business-cycle.yaml", after: mark)
        mark = try watcher.waitFor("Micro retail shops: Package price 4300 → 3800 EUR", after: mark)
        mark = try watcher.waitFor("advice: 2 recommendations", after: mark)

        // A broken edit: the diagnostics, and the last good advice kept.
        let good = try copy.read("rules/business-cycle.yaml")
        try copy.write("rules/business-cycle.yaml", good + "rules: [\n")
        mark = try watcher.waitFor("error[", after: mark)
        mark = try watcher.waitFor("keeping the last good advice", after: mark)

        // Fixed again: advice again, the same as the last good one.
        try copy.write("rules/business-cycle.yaml", good)
        mark = try watcher.waitFor("no change in the advice", after: mark)
        mark = try watcher.waitFor("advice: 2 recommendations", after: mark)
        #expect(watcher.isRunning)

        let status = try watcher.interrupt()
        #expect(status == 0, "watch should end with 0 on Ctrl-C; output:\n\(watcher.output)")
    }

    @Test func sigtermEndsItCleanlyToo() throws {
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        let watcher = try Watcher(["watch", "--validate", "--rules", copy.path])
        defer { watcher.kill() }
        _ = try watcher.waitFor("0 errors")
        #expect(try watcher.interrupt(signal: SIGTERM) == 0)
    }

    /// `watch --format html --output`: the brief is rewritten after every good run, and a browser
    /// that has it open reloads it by itself: after a rule is edited, the open page shows the new
    /// advice, its next screenshot differs, and the reader's scroll position is kept. Needs a Chromium
    /// and python3 (which drives it), as `HTMLReportTests` does; CI installs Chromium.
    @Test(.enabled(if: Browser.chromium != nil && Browser.find(["python3"]) != nil,
                   "no chromium or python3 on PATH: the watched-brief browser test is skipped (apt-get install chromium)"))
    func anOpenHTMLBriefReloadsItselfAfterAnEditAndTheNextScreenshotDiffers() throws {
        let chromium = try #require(Browser.chromium)
        let copy = try TemporaryWorkspace(copying: PackagePaths.fixtureWorkspace("minimal"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("adviser-watch-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("brief.html")
        let watcher = try Watcher(["watch", "--scenario", "downturn", "--rules", copy.path, "--format", "html", "--output", page.path])
        defer { watcher.kill() }

        var mark = try watcher.waitFor("wrote \(page.path)")
        let first = try String(contentsOf: page, encoding: .utf8)
        #expect(first.contains("<meta http-equiv=\"refresh\" content=\"2\">"), "the watched brief reloads itself")
        #expect(first.contains("Package price 4800 → <strong>4300 EUR</strong>"))

        // A 20 % cut instead of 10 %, made while the page is open: 4 800 → 3 840, on the grid 3 800.
        let open = try BrowserSession.watchEdit(
            chromium: chromium, page: page, edit: URL(fileURLWithPath: copy.path("rules/business-cycle.yaml")),
            replacing: "by: -10%", with: "by: -20%", expected: "3800 EUR", directory: dir)
        mark = try watcher.waitFor("Micro retail shops: Package price 4300 → 3800 EUR", after: mark)
        mark = try watcher.waitFor("wrote \(page.path)", after: mark)
        #expect(open.reloaded && open.showsExpected, "the open page did not reload to the new advice: \(open)")
        #expect(open.screenshotDiffers, "the screenshot after the edit is the same as before it")
        #expect(open.scrolledBefore > 0 && open.scrolledAfter == open.scrolledBefore, "the reader's place was lost: \(open)")
        #expect(try watcher.interrupt() == 0)
    }

    @Test func aReportFormatOtherThanTextNeedsAFile() throws {
        let result = try AdviserProcess.run(["watch", "--format", "html", "--rules", PackagePaths.fixtureWorkspace("minimal").path])
        #expect(result.status != 0 && result.stderr.contains("watch writes --format html to a file: add --output FILE"))
    }

    @Test func aMissingWorkspaceIsAnErrorNotAWatch() throws {
        let result = try AdviserProcess.run(["watch", "--rules", "/nonexistent/Rules"])
        #expect(result.status == 2 && result.stderr.contains("no workspace folder"))
    }
}

/// The `adviser` binary running in the background, its output collected in a file.
final class Watcher {
    let process = Process()
    let outputURL: URL
    private let directory: URL

    init(_ arguments: [String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("adviser-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        outputURL = directory.appendingPathComponent("output")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        let handle = try FileHandle(forWritingTo: outputURL)
        process.executableURL = AdviserProcess.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    var output: String { (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "" }
    var isRunning: Bool { process.isRunning }

    /// Waits (polling, bounded) until `text` appears after character offset `after`; returns the
    /// offset just past it.
    @discardableResult
    func waitFor(_ text: String, after offset: Int = 0, timeout: TimeInterval = 15) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            let all = output
            let start = all.index(all.startIndex, offsetBy: min(offset, all.count))
            if let range = all.range(of: text, range: start..<all.endIndex) {
                return all.distance(from: all.startIndex, to: range.upperBound)
            }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        throw FixtureError("'\(text)' did not appear within \(Int(timeout)) s (running: \(process.isRunning)); output:\n\(output)")
    }

    /// Sends the signal and waits (bounded) for the exit status.
    func interrupt(signal number: Int32 = SIGINT, timeout: TimeInterval = 15) throws -> Int32 {
        Foundation.kill(process.processIdentifier, number)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard !process.isRunning else { throw FixtureError("watch did not stop within \(Int(timeout)) s") }
        return process.terminationStatus
    }

    func kill() {
        if process.isRunning { process.terminate() }
    }
}
