import Foundation

/// One side of `adviser diff`: a workspace folder, or the workspace folder as it was at a git
/// revision (extracted with `git archive` into a scratch folder).
package enum WorkspaceRevision {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// The folder to load for `spec`: `spec` itself when it is a folder; otherwise `spec` is a git
    /// revision and the workspace folder `workspace` (a path in the working tree) is extracted as it
    /// was at that revision into `scratch`.
    package static func folder(for spec: String, workspace: String, scratch: URL) throws(Failure) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: spec, isDirectory: &isDirectory), isDirectory.boolValue { return spec }
        let cwd = FileManager.default.currentDirectoryPath
        guard let top = try? git(["rev-parse", "--show-toplevel"], in: cwd).trimmingCharacters(in: .whitespacesAndNewlines),
              !top.isEmpty else {
            throw Failure(description: "'\(spec)' is not a folder, and \(cwd) is not in a git repository to read a revision from")
        }
        guard (try? git(["rev-parse", "--verify", "--quiet", "\(spec)^{commit}"], in: cwd)) != nil else {
            throw Failure(description: "'\(spec)' is neither a folder nor a git revision")
        }
        let absolute = URL(fileURLWithPath: workspace.hasPrefix("/") ? workspace : cwd + "/" + workspace).standardizedFileURL.path
        let root = URL(fileURLWithPath: top).resolvingSymlinksInPath().path
        let resolved = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
        guard resolved == root || resolved.hasPrefix(root + "/") else {
            throw Failure(description: "the workspace \(workspace) is not inside the repository \(top)")
        }
        let relative = resolved == root ? "." : String(resolved.dropFirst(root.count + 1))
        let side = scratch.appendingPathComponent(UUID().uuidString)
        do {
            try FileManager.default.createDirectory(at: side, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create \(side.path): \(error.localizedDescription)")
        }
        let archive = side.appendingPathComponent("workspace.tar").path
        do {
            _ = try git(["archive", "--format=tar", "--output=\(archive)", spec, "--", relative], in: root)
            _ = try run("/usr/bin/env", ["tar", "-x", "-f", archive, "-C", side.path], in: root)
        } catch {
            throw Failure(description: "cannot extract \(relative) at \(spec): \(error.description)")
        }
        let folder = side.appendingPathComponent(relative).path
        guard FileManager.default.fileExists(atPath: folder) else {
            throw Failure(description: "the revision \(spec) has no \(relative)")
        }
        return folder
    }

    static func git(_ arguments: [String], in directory: String) throws(Failure) -> String {
        try run("/usr/bin/env", ["git"] + arguments, in: directory)
    }

    /// Runs a program; its output, or a failure with its standard error.
    static func run(_ program: String, _ arguments: [String], in directory: String) throws(Failure) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw Failure(description: "cannot run \(arguments.first ?? program): \(error.localizedDescription)") }
        // Outputs here are small (a revision, a path); the archive goes to a file.
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: output, as: UTF8.self)
    }
}
