import AdviserCore
import ArgumentParser
import Foundation

/// Loads a workspace for a command; on errors prints them as `validate` does and exits
/// (1 for an invalid workspace, 2 when there is no workspace to read).
enum WorkspaceSession {
    static func load(_ root: String) throws -> Workspace {
        let outcome = WorkspaceLoader().load(root)
        keepUntilExit(outcome)
        guard outcome.diagnostics.hasErrors else { return outcome.workspace }
        let formatter = DiagnosticFormatter(sources: outcome.workspace.sources, colors: Console.colors(forStandardError: true))
        for diagnostic in outcome.diagnostics { Console.error(formatter.format(diagnostic)) }
        if outcome.diagnostics.contains(where: { $0.code == .workspaceNotFound }) { throw ExitCode(2) }
        Console.error(DiagnosticFormatter.summary(outcome.diagnostics, files: outcome.workspace.fileCount))
        Console.error("The workspace has errors; no advice was given. Fix them (adviser validate lists them) and run again.")
        throw ExitCode.failure
    }

    /// Keeps a value alive until the process exits. A large workspace is millions of small objects;
    /// freeing them one by one just before exit costs a sixth of `validate`'s time for nothing.
    nonisolated(unsafe) private static var keptUntilExit: [Any] = []

    static func keepUntilExit(_ value: Any) {
        keptUntilExit.append(value)
    }

    static func engine(for workspace: Workspace) throws -> AdviceEngine {
        do {
            return try AdviceEngine(workspace: workspace)
        } catch .invalidWorkspace(let diagnostics) {
            for diagnostic in diagnostics { Console.error(DiagnosticFormatter.line(diagnostic)) }
            throw ExitCode.failure
        }
    }

    /// Today as days since 1970-01-01; ADVISER_TODAY=YYYY-MM-DD pins it (for reproducible reports).
    static var today: Int? {
        if let text = ProcessInfo.processInfo.environment["ADVISER_TODAY"] {
            return try? ScalarReader.date(YAMLScalar(text)).get()
        }
        return Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
    }

    /// Prints a usage-level problem (an unknown id on the command line) and exits with 2.
    static func usage(_ message: String) -> ExitCode {
        Console.error("error: \(message)")
        return ExitCode(2)
    }

    /// Writes the report to standard output, or atomically to a file.
    static func emit(_ text: String, output: String?) throws {
        guard let output else {
            Console.write(text)
            return
        }
        do {
            try ReportWriter.write(text, to: output)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        Console.error("Wrote \(output)")
    }
}

extension WorkspaceSession {
    /// A scenario id, a scenario .yaml file, or (nil) the workspace's default scenario.
    static func scenario(_ idOrFile: String?, workspace: Workspace, engine: AdviceEngine) throws -> Scenario {
        if let idOrFile, idOrFile.hasSuffix(".yaml") || idOrFile.hasSuffix(".yml") {
            let (loaded, diagnostics) = WorkspaceLoader().loadScenario(at: idOrFile, for: workspace)
            for diagnostic in diagnostics { Console.error(DiagnosticFormatter.line(diagnostic)) }
            guard let loaded else { throw ExitCode.failure }
            return loaded
        }
        do {
            return try engine.scenario(idOrFile)
        } catch {
            throw usage(error.description)
        }
    }
}
