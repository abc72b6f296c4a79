/// Reads CSV (RFC 4180) one record at a time from blocks of bytes, so memory stays constant however
/// long the file is: a client list exported from a CRM or saved by a spreadsheet program.
///
/// Reads what those programs write: a UTF-8 byte-order mark, CRLF, LF or CR line ends, `,` or `;`
/// between fields (told, or detected from the header row), quoted fields with doubled quotes and
/// line breaks inside. It reads as leniently as Excel where a file bends the RFC (a quote inside an
/// unquoted field, text after a closing quote: kept as written), and never lets one bad record
/// cost another: a field that is not UTF-8 is reported in its own record, a record longer than
/// `maxRecordBytes` is skipped to the end of its line and reported, and a quote never closed is
/// reported at the end of the file.
///
/// Not yaslab/CSV.swift (on this machine, 2.5.2): it ends the file silently at the first byte that
/// is not UTF-8, dropping every later row, and an unclosed quote reads the rest of the file into one
/// field in memory. Not SwiftCSV (0.10.0): it reads the whole file into one string first.
public struct CSVRecordReader {
    /// One record as read, numbered as a spreadsheet numbers rows (the first record is row 1).
    public enum Record: Sendable, Equatable {
        /// The fields of a record; nil for a field that is not valid UTF-8.
        case fields([String?], row: Int)
        /// A record longer than the reader takes, skipped to the end of its line.
        case tooLong(row: Int, bytes: Int, limit: Int)
        /// A quoted field, starting in this record's `field` (1-based), never closed: the file ended inside it.
        case unclosedQuote(row: Int, field: Int)

        /// The row the record starts on.
        public var row: Int {
            switch self {
            case .fields(_, let row), .tooLong(let row, _, _), .unclosedQuote(let row, _): row
            }
        }
    }

    /// The field delimiter: told, or detected from the first record when it is first read.
    public private(set) var delimiter: UInt8?
    /// Longest record kept in memory; a longer one (an export gone wrong) is reported, not kept.
    public let maxRecordBytes: Int
    private let read: () throws -> [UInt8]?
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var started = false
    private var row = 0

    /// A reader of the blocks `read` returns in turn (nil or empty at the end of the input).
    public init(delimiter: UInt8? = nil, maxRecordBytes: Int = 1 << 20, read: @escaping () throws -> [UInt8]?) {
        self.delimiter = delimiter
        self.maxRecordBytes = maxRecordBytes
        self.read = read
    }

    private static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// The next record, or nil at the end of the input. Throws only what `read` throws.
    public mutating func next() throws -> Record? {
        if !started {
            started = true
            try skipByteOrderMark()
            if delimiter == nil { delimiter = try detectDelimiter() }
        }
        guard try peek() != nil else { return nil }
        row += 1
        let delimiter = self.delimiter ?? UInt8(ascii: ",")
        var fields: [String?] = []
        var field: [UInt8] = []
        var size = 0
        var inQuotes = false
        var fieldStarted = false  // a byte or an opening quote of the current field has been read
        func endField() {
            fields.append(String(validating: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
        }
        while let byte = try take() {
            size += 1
            if size > maxRecordBytes {
                return .tooLong(row: row, bytes: size + (try skipLine()), limit: maxRecordBytes)
            }
            if inQuotes {
                if byte == Self.quote {
                    if try peek() == Self.quote {
                        _ = try take()
                        size += 1
                        field.append(Self.quote)
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case delimiter:
                endField()
            case Self.quote where !fieldStarted:
                inQuotes = true
                fieldStarted = true
            case Self.cr, Self.lf:
                if byte == Self.cr, try peek() == Self.lf { _ = try take() }
                endField()
                return .fields(fields, row: row)
            default:
                field.append(byte)
                fieldStarted = true
            }
        }
        if inQuotes { return .unclosedQuote(row: row, field: fields.count + 1) }
        endField()
        return .fields(fields, row: row)
    }

    // MARK: - Bytes

    private mutating func peek() throws -> UInt8? {
        if position == buffer.count {
            guard !atEnd else { return nil }
            guard let block = try read(), !block.isEmpty else {
                atEnd = true
                return nil
            }
            buffer = block
            position = 0
        }
        return buffer[position]
    }

    private mutating func take() throws -> UInt8? {
        guard let byte = try peek() else { return nil }
        position += 1
        return byte
    }

    /// Skips to the next line end, whatever the quotes; the bytes skipped.
    private mutating func skipLine() throws -> Int {
        var skipped = 0
        while let byte = try take() {
            skipped += 1
            if byte == Self.lf { break }
        }
        return skipped
    }

    private mutating func skipByteOrderMark() throws {
        try fill(upTo: 3)
        if buffer.count - position >= 3, buffer[position..<position + 3].elementsEqual([0xEF, 0xBB, 0xBF]) { position += 3 }
    }

    /// `;` when the first record has more semicolons than commas outside quotes (as Excel writes
    /// where the decimal separator is a comma), `,` otherwise.
    private mutating func detectDelimiter() throws -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false
        var offset = 0  // from `position`, which `fill` may move
        while true {
            if position + offset == buffer.count {
                guard offset < maxRecordBytes, try fill(upTo: offset + 1) else { break }
            }
            let byte = buffer[position + offset]
            offset += 1
            if byte == Self.quote { inQuotes.toggle() }
            if inQuotes { continue }
            if byte == Self.cr || byte == Self.lf { break }
            if byte == UInt8(ascii: ",") { commas += 1 }
            if byte == UInt8(ascii: ";") { semicolons += 1 }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Reads blocks until `count` unread bytes are in the buffer or the input ends; whether they are.
    @discardableResult
    private mutating func fill(upTo count: Int) throws -> Bool {
        while buffer.count - position < count, !atEnd {
            guard let block = try read(), !block.isEmpty else {
                atEnd = true
                break
            }
            buffer = Array(buffer[position...]) + block
            position = 0
        }
        return buffer.count - position >= count
    }
}
