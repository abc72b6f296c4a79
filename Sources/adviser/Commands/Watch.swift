import AdviserCore
import ArgumentParser
import Dispatch
import Foundation

extension Adviser {
    /// `adviser watch`: advice (or validation) again on every save, with what changed.
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Advise again whenever a workspace file changes, and show what changed in the advice.",
            discussion: """
                Checks the workspace's files about three times a second. After each change:
                the diagnostics of a broken edit (keeping the last good advice), or what
                changed in the advice since the last run: rules now firing or no longer
                firing, lever settings, value held. With --output, the report is also
                rewritten to that file after every good run; an HTML brief then reloads itself
                in the browser that shows it. Ctrl-C stops it.

                Examples:
                  adviser watch
                  adviser watch --scenario downturn --segment micro-retail
                  adviser watch --format html --output brief.html   (open brief.html in a browser)
                  adviser watch --validate         (just check the files on every save)
                """
        )

        @OptionGroup var workspaceOptions: WorkspaceOptions

        @Option(help: ArgumentHelp("A scenario id. Default: the workspace's default scenario.", valueName: "ID"))
        var scenario: String?

        @OptionGroup var selection: SelectionOptions

        @Flag(name: .customLong("validate"), help: "Validate instead of advising.")
        var validateOnly = false

        @OptionGroup var output: OutputOptions<AdviceFormat>

        func validate() throws {
            if output.output == nil, output.format != .text {
                throw ValidationError("watch writes --format \(output.format.rawValue) to a file: add --output FILE")
            }
            if validateOnly, output.output != nil {
                throw ValidationError("--validate writes no report: drop --output")
            }
        }

        func run() throws {
            let root = workspaceOptions.rules
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
                Console.error("error: no workspace folder at \(root)")
                throw ExitCode(2)
            }
            let signals = Self.stopOnSignals()
            Console.out("watching \(root.hasSuffix("/") ? root : root + "/") (Ctrl-C to stop)")
            var session = WatchSession(root: root, scenario: scenario, offerings: selection.offering, segments: selection.segment, validateOnly: validateOnly,
                                       report: output.output.map { (format: output.format, path: $0) })
            var stamp = WorkspaceStamp.take(root)
            session.runOnce(changed: [])
            withExtendedLifetime(signals) {
                while true {
                    Thread.sleep(forTimeInterval: 0.3)
                    var next = WorkspaceStamp.take(root)
                    guard next != stamp else { continue }
                    // Debounce: an editor's save may touch several files; wait until they settle.
                    repeat {
                        Thread.sleep(forTimeInterval: 0.2)
                        let again = WorkspaceStamp.take(root)
                        if again == next { break }
                        next = again
                    } while true
                    let changed = next.changed(since: stamp)
                    stamp = next
                    session.runOnce(changed: changed)
                }
            }
        }

        /// SIGINT (Ctrl-C) and SIGTERM end the watch cleanly, with exit status 0.
        private static func stopOnSignals() -> [any DispatchSourceSignal] {
            [SIGINT, SIGTERM].map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    Console.out("stopped watching")
                    Console.exit(0)
                }
                source.resume()
                return source
            }
        }
    }
}

/// One watch: the last good advice, and how to produce and compare the next.
struct WatchSession {
    let root: String
    let scenario: String?
    let offerings: [String]
    let segments: [String]
    let validateOnly: Bool
    /// Where to rewrite the report after each good run, in which format (nil: the terminal only).
    let report: (format: AdviceFormat, path: String)?
    private var lastGood: [Advice]?
    private var lastGoodTime: String?

    init(root: String, scenario: String?, offerings: [String], segments: [String], validateOnly: Bool,
         report: (format: AdviceFormat, path: String)? = nil) {
        self.root = root
        self.scenario = scenario
        self.offerings = offerings
        self.segments = segments
        self.validateOnly = validateOnly
        self.report = report
    }

    mutating func runOnce(changed: [String]) {
        let time = Self.clock()
        if !changed.isEmpty {
            Console.out("")
            Console.out("[\(time)] changed: " + changed.prefix(5).joined(separator: ", ") + (changed.count > 5 ? " and \(changed.count - 5) more" : ""))
        }
        let outcome = WorkspaceLoader().load(root)
        let formatter = DiagnosticFormatter(sources: outcome.workspace.sources, colors: Console.colors())
        if validateOnly || outcome.diagnostics.hasErrors {
            for diagnostic in outcome.diagnostics { Console.out(formatter.format(diagnostic)) }
            Console.out(DiagnosticFormatter.summary(outcome.diagnostics, files: outcome.workspace.fileCount))
        }
        if validateOnly { return }
        guard !outcome.diagnostics.hasErrors else { return keepLastGood() }
        let report: AdviceReport
        do {
            let engine = try AdviceEngine(workspace: outcome.workspace)
            let request = AdviceRequest(
                scenario: try engine.scenario(scenario), offerings: offerings, segments: segments,
                options: .init(today: WorkspaceSession.today))
            report = try engine.report(for: request)
        } catch {
            Console.out("error: \(error)")
            return keepLastGood()
        }
        if let lastGood {
            let changes = AdviceChanges(from: lastGood, to: report.advice)
            if changes.isEmpty {
                Console.out("no change in the advice")
            } else {
                for line in changes.lines { Console.out("  " + line) }
            }
        } else if self.report == nil {
            Console.out(AdviceFormat.text.reporter(options: ReportOptions(colors: Console.colors(), locale: outcome.workspace.settings.locale)).render(report), terminator: "")
        }
        if let file = self.report {
            let text = file.format.reporter(options: ReportOptions(locale: outcome.workspace.settings.locale)).render(report)
            do {
                try ReportWriter.write(file.format == .html ? LiveReload.html(text) : text, to: file.path)
                Console.out("[\(time)] wrote \(file.path)")
            } catch {
                Console.out("error: \(error)")
            }
        }
        let held = report.advice.count { $0.value.held }
        Console.out("[\(time)] advice: \(report.advice.count) recommendation\(report.advice.count == 1 ? "" : "s") under \(report.scenario.id), value held in \(held)")
        lastGood = report.advice
        lastGoodTime = time
    }

    private func keepLastGood() {
        if let lastGoodTime {
            Console.out("The workspace has errors; keeping the last good advice (from \(lastGoodTime)). Still watching.")
        } else {
            Console.out("The workspace has errors; no advice yet. Still watching.")
        }
    }

    static func clock() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }
}
