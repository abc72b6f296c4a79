import AdviserCore
import Foundation

/// Reads a file (or standard input) line by line in fixed-size blocks, so memory stays constant
/// however many lines there are.
struct LineReader {
    private let handle: FileHandle
    private var buffer = Data()
    private var atEnd = false
    /// Longest line kept in memory; a longer one (a CRM export gone wrong) is skipped to its end and
    /// reported, so one bad line cannot exhaust memory.
    let maxLineBytes: Int

    init(handle: FileHandle, maxLineBytes: Int = 1 << 20) {
        self.handle = handle
        self.maxLineBytes = maxLineBytes
    }

    /// The next line without its newline (a trailing `\r` is dropped too), or nil at the end.
    mutating func next() throws -> BatchAdviser.InputLine? {
        var skipped = 0  // bytes of an over-long line already dropped
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = buffer[buffer.startIndex..<newline]
                buffer = buffer[(newline + 1)...]
                if skipped > 0 || line.count > maxLineBytes { return .tooLong(bytes: skipped + line.count, limit: maxLineBytes) }
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                return Self.decode(line)
            }
            if atEnd {
                guard !buffer.isEmpty || skipped > 0 else { return nil }
                defer { buffer = Data() }
                if skipped > 0 { return .tooLong(bytes: skipped + buffer.count, limit: maxLineBytes) }
                return Self.decode(buffer)
            }
            if buffer.count > maxLineBytes {
                skipped += buffer.count
                buffer = Data()
            }
            // Throws (a folder, an I/O error) where readData(ofLength:) would trap.
            let block = try handle.read(upToCount: 1 << 16) ?? Data()
            if block.isEmpty { atEnd = true } else { buffer = Data(buffer) + block }
        }
    }

    private static func decode(_ bytes: Data) -> BatchAdviser.InputLine {
        guard let text = String(validating: bytes, as: UTF8.self) else { return .invalidUTF8 }
        return .text(text)
    }
}
