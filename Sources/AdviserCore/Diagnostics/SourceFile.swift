import Synchronization

/// A file's path as a number: `SourceLocation` holds this instead of the path itself.
///
/// Every key and value of every file carries its location into the model, and a path held as a
/// `String` costs a retain and a release at each copy (a large share of loading a big workspace);
/// a number is copied for free. Paths are interned once and never forgotten: a process sees a few
/// thousand at most.
package struct SourceFile: Hashable, Sendable {
    private let id: UInt32

    package init(_ path: String) {
        id = Self.registry.withLock { $0.id(for: path) }
    }

    package var path: String {
        Self.registry.withLock { $0.paths[Int(id)] }
    }

    private static let registry = Mutex(Registry())

    private struct Registry {
        var paths: [String] = []
        var ids: [String: UInt32] = [:]

        mutating func id(for path: String) -> UInt32 {
            if let id = ids[path] { return id }
            let id = UInt32(paths.count)
            paths.append(path)
            ids[path] = id
            return id
        }
    }
}
