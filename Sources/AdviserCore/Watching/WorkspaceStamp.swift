import Foundation

/// The modification time and size of every file under a workspace folder: cheap to take every few
/// hundred milliseconds, and portable (no file-system events needed). Two stamps differ when a file
/// was added, removed or rewritten.
package struct WorkspaceStamp: Equatable, Sendable {
    package struct Entry: Equatable, Sendable {
        package var modified: Double
        package var size: Int
    }

    /// By path relative to the root.
    package var files: [String: Entry]

    package init(files: [String: Entry] = [:]) {
        self.files = files
    }

    /// Takes the stamp of every regular file under `root` (hidden files and editors' backups included:
    /// a save that goes through a temporary file still shows as a change of the real one).
    package static func take(_ root: String) -> WorkspaceStamp {
        var files: [String: Entry] = [:]
        let base = URL(fileURLWithPath: root)
        let keys: [URLResourceKey] = [.isRegularFileKey, .contentModificationDateKey, .fileSizeKey]
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: keys) else { return .init() }
        let prefix = base.standardizedFileURL.path + "/"
        for case let url as URL in walker {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
            files[relative] = Entry(
                modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0, size: values.fileSize ?? 0)
        }
        return WorkspaceStamp(files: files)
    }

    /// Files added, removed or changed since `old`, sorted.
    package func changed(since old: WorkspaceStamp) -> [String] {
        Set(files.keys).union(old.files.keys).filter { files[$0] != old.files[$0] }.sorted()
    }
}
