import Foundation

/// What reporters may need beyond the diagnostics.
package struct DiagnosticReportContext: Sendable {
    /// File texts by path, for source snippets.
    package var sources: [String: String]
    package var fileCount: Int
    /// The folder paths are relative to (the current directory), absolute.
    package var currentDirectory: String
    /// The repository's top folder, absolute (SARIF URIs are relative to it); nil outside a repository.
    package var repositoryRoot: String?
    package var toolVersion: String

    package init(
        sources: [String: String] = [:], fileCount: Int = 0,
        currentDirectory: String = FileManager.default.currentDirectoryPath, repositoryRoot: String? = nil,
        toolVersion: String = "0.1.0"
    ) {
        self.sources = sources
        self.fileCount = fileCount
        self.currentDirectory = currentDirectory
        self.repositoryRoot = repositoryRoot
        self.toolVersion = toolVersion
    }

    /// A diagnostic's file as an absolute, normalized path.
    package func absolutePath(_ file: String) -> String {
        let full = file.hasPrefix("/") ? file : currentDirectory + "/" + file
        return URL(fileURLWithPath: full).standardizedFileURL.path
    }

    /// The file relative to the repository root when it lies inside it.
    package func repositoryRelativePath(_ file: String) -> String? {
        guard let root = repositoryRoot.map({ URL(fileURLWithPath: $0).standardizedFileURL.path }) else { return nil }
        let path = absolutePath(file)
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    /// The nearest folder at or above `directory` holding `.git` (a folder, or a file in worktrees).
    package static func repositoryRoot(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) { return url.path }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }
}
