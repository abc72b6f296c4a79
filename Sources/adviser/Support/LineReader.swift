import Foundation

/// Reads a file (or standard input) line by line in fixed-size blocks, so memory stays constant
/// however many lines there are.
struct LineReader {
    private let handle: FileHandle
    private var buffer = Data()
    private var atEnd = false

    init(handle: FileHandle) {
        self.handle = handle
    }

    /// The next line without its newline (a trailing `\r` is dropped too), or nil at the end.
    mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = buffer[buffer.startIndex..<newline]
                buffer = buffer[(newline + 1)...]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                return String(decoding: line, as: UTF8.self)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer = Data() }
                return String(decoding: buffer, as: UTF8.self)
            }
            let block = handle.readData(ofLength: 1 << 16)
            if block.isEmpty { atEnd = true } else { buffer = Data(buffer) + block }
        }
    }
}
