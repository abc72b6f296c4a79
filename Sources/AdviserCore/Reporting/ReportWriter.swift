import Foundation

/// Writes a report atomically: into a temporary file beside the target, then renamed over it, so a
/// killed run leaves the previous report whole and a reader never sees half a file.
///
/// A whole report is written with `write(_:to:)`. One too large to hold (batch advice, streamed
/// client by client) is written piece by piece with `write(_:)`, then `commit()`ed; a writer that
/// is never committed (the run failed half way) removes its temporary file, and the target keeps
/// its previous content.
package final class ReportWriter {
    /// Why the report could not be written, as the user reads it: `cannot write PATH: reason`.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    private let path: String
    private let target: URL
    private let temporary: URL
    private let handle: FileHandle
    private var finished = false

    /// Opens the temporary file beside `path`.
    package init(path: String) throws(Failure) {
        self.path = path
        target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(description: "cannot write \(path): the folder \(directory.path) does not exist")
        }
        temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary.path)
        else {
            throw Failure(description: "cannot write \(path): the folder is not writable")
        }
        self.handle = handle
    }

    /// Writes `text` to `path` atomically.
    package static func write(_ text: String, to path: String) throws(Failure) {
        let writer = try ReportWriter(path: path)
        try writer.write(Data(text.utf8))
        try writer.commit()
    }

    /// Appends to the temporary file. A failed write (a full disk) removes it and is reported.
    package func write(_ data: Data) throws(Failure) {
        do {
            try handle.write(contentsOf: data)
        } catch {
            abandon()
            throw Failure(description: "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Puts the temporary file in the target's place. On disk before the rename: after a crash of
    /// the machine, not only of the process, the target is the old report or the whole new one.
    package func commit() throws(Failure) {
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            abandon()
            throw Failure(description: "cannot write \(path): \(error.localizedDescription)")
        }
        finished = true
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw Failure(description: "cannot write \(path): \(reason)")
        }
    }

    deinit {
        if !finished { abandon() }
    }

    private func abandon() {
        finished = true
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }
}
