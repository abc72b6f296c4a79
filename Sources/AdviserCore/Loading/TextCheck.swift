/// Checks that a file's bytes are text the YAML reader can take, and says exactly where they are
/// not: libyaml reports an invalid byte without a line, and a NUL byte as "control characters".
enum TextCheck {
    /// The first problem with `bytes` as UTF-8 YAML text, located by line and column (columns count
    /// Unicode scalars, as the YAML reader and editors do; a leading byte-order mark is not counted).
    static func problem(in bytes: [UInt8], file: String) -> Diagnostic? {
        bytes.withUnsafeBufferPointer { buffer -> Diagnostic? in
            // The common case, valid text without control characters, costs one pass and no allocation.
            var index = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let start = index
            while index < buffer.count {
                let byte = buffer[index]
                if byte >= 0x20 && byte < 0x7F || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    index += 1
                    continue
                }
                if byte < 0x80 {
                    return located(buffer, start: start, at: index, file: file, byte: byte)
                }
                let length = sequenceLength(buffer, at: index)
                guard length > 0 else { return located(buffer, start: start, at: index, file: file, byte: byte) }
                index += length
            }
            return nil
        }
    }

    /// The length of the valid UTF-8 sequence starting at `index` (a non-ASCII lead byte), or 0.
    private static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = b[index]
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < b.count && range.contains(b[index + offset])
        }
        switch lead {
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0  // no surrogates
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }

    private static func located(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, at offset: Int, file: String, byte: UInt8) -> Diagnostic {
        var line = 1, column = 1
        var index = start
        while index < offset {
            if buffer[index] == 0x0A {
                line += 1
                column = 1
            } else if buffer[index] & 0xC0 != 0x80 {
                column += 1  // count lead bytes only: one per Unicode scalar
            }
            index += 1
        }
        let at = SourceLocation(file: file, line: line, column: column)
        switch byte {
        case 0x00:
            return .error(
                .nulByte, "the file holds a NUL byte (offset \(offset))", at: at,
                hint: "a workspace file is UTF-8 text; is this a binary file, or saved as UTF-16?")
        case 0x01...0x7F:
            let hex = String(byte, radix: 16, uppercase: true)
            return .error(
                .controlCharacter, "the file holds the control character U+\(hex.count < 2 ? "000" : "00")\(hex)", at: at,
                hint: "remove it; only tabs and line breaks may appear among the text")
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            return .error(
                .invalidUTF8, "the file is not valid UTF-8: byte 0x\(hex) at offset \(offset)", at: at,
                hint: "save the file as UTF-8 (Latin-1 and Windows-1252 files show this error on their first accented letter)")
        }
    }
}
