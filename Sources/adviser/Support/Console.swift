import AdviserCore
import Foundation

/// Where the CLI writes: standard output for results, standard error for diagnostics and progress.
enum Console {
    static func out(_ text: String, terminator: String = "\n") {
        write(text + terminator)
    }

    /// Writes results to standard output. When that fails (a full disk, a closed pipe) the output is
    /// incomplete: say so and exit with 2 rather than trap, or exit 0 over half a report.
    static func write(_ text: String) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            Console.error("error: cannot write standard output: \(error.localizedDescription)")
            exit(2)
        }
    }

    static func error(_ text: String) {
        // Best effort: there is nowhere left to report a failure to write an error.
        try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
    }

    /// Progress on a terminal, without a newline; best effort.
    static func progress(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }

    static func exit(_ code: Int32) -> Never {
        Foundation.exit(code)
    }

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    static func colors(forStandardError: Bool = false) -> TerminalColors {
        let fd = forStandardError ? STDERR_FILENO : STDOUT_FILENO
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalColors(enabled: isatty(fd) == 1 && !noColor)
    }
}
