import Foundation

/// Where the package lives, found from this file's path (tests run from any directory).
public enum PackagePaths {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped default workspace.
    public static var rules: URL { root.appendingPathComponent("Rules") }

    /// `../shared/` beside the project (present for developers and CI, absent in a user's clone).
    public static var shared: URL { root.deletingLastPathComponent().appendingPathComponent("shared") }
}

/// A copy of a workspace in a temporary folder, to break on purpose.
public final class TemporaryWorkspace {
    /// The folder that holds the workspace (named `Rules`, like the shipped one).
    public let parent: URL
    public let root: URL

    /// Copies `source` (default: the shipped `Rules/`) into a fresh temporary folder.
    public init(copying source: URL = PackagePaths.rules) throws {
        parent = FileManager.default.temporaryDirectory.appendingPathComponent("adviser-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        root = parent.appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: source, to: root)
    }

    deinit {
        try? FileManager.default.removeItem(at: parent)
    }

    public var path: String { root.path }

    /// The path of a file inside the workspace, as diagnostics name it.
    public func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    public func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    public func write(_ relative: String, _ contents: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    public func remove(_ relative: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(relative))
    }

    /// Replaces the first occurrence of `old` in a file; fails loudly when `old` is not there, so a
    /// fixture never silently tests the unbroken workspace.
    public func edit(_ relative: String, replacing old: String, with new: String) throws {
        let text = try read(relative)
        guard let range = text.range(of: old) else {
            throw FixtureError("'\(old)' not found in \(relative)")
        }
        try write(relative, text.replacingCharacters(in: range, with: new))
    }
}

public struct FixtureError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension PackagePaths {
    /// Small workspaces the tests break on purpose; kept apart from `Rules/` so it can grow freely.
    public static func fixtureWorkspace(_ name: String) -> URL {
        root.appendingPathComponent("Tests/Fixtures/workspaces").appendingPathComponent(name)
    }
}
