import AdviserCore
import Foundation

/// Where the CLI writes: standard output for results, standard error for diagnostics and progress.
enum Console {
    static func out(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
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
