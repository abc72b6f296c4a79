/// Writes JSON straight into bytes, one value after another, with no tree in between: batch mode
/// writes one large document per client, and building then freeing a tree cost more than writing.
///
/// Keys are written in the order given; callers give them sorted (the tool's output promise), and
/// debug builds check that they do.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    /// Has the innermost open container a member yet? (for commas). Kept apart from the enclosing
    /// containers' flags, which change only when a container opens or closes: it is read and set
    /// for every value, and an array element costs a uniqueness check on each write.
    private var hasMember = false
    /// The same flag for each enclosing container, outermost first; empty at the top level.
    private var enclosing: [Bool] = []
    /// In debug, per open object: the last key written.
    #if DEBUG
    private var lastKey: [String] = []
    #endif

    public init(pretty: Bool = false, capacity: Int = 4_096) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: - Containers

    public mutating func beginObject() {
        separate()
        bytes.append(0x7B)
        open()
        #if DEBUG
        lastKey.append("")
        #endif
    }

    public mutating func endObject() {
        close(0x7D)
        #if DEBUG
        lastKey.removeLast()
        #endif
    }

    public mutating func beginArray() {
        separate()
        bytes.append(0x5B)
        open()
    }

    public mutating func endArray() { close(0x5D) }

    /// A member name written in the source; the value follows with one of the value calls.
    /// Such names are plain ASCII with nothing to escape, so their bytes are copied as they are:
    /// an advice record has some 250 of them.
    public mutating func key(_ name: StaticString) {
        #if DEBUG
        assert(name.hasPointerRepresentation, "a key is a string literal")
        let text = name.description
        assert(!text.utf8.contains { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }, "a literal key needs no escaping: \(text)")
        checkOrder(text)
        #endif
        separate()
        bytes.append(0x22)
        bytes += UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        bytes.append(0x22)
        endKey()
    }

    /// A member name made at run time (a fact's name, a key of a `JSONValue`), escaped as a string.
    public mutating func key(escaping name: String) {
        #if DEBUG
        checkOrder(name)
        #endif
        separate()
        Self.appendString(name, to: &bytes)
        endKey()
    }

    private mutating func endKey() {
        if pretty { bytes += [0x20, 0x3A, 0x20] } else { bytes.append(0x3A) }
        valueAfterKey = true  // the value that follows needs no separator of its own
    }

    #if DEBUG
    private mutating func checkOrder(_ name: String) {
        assert(lastKey[lastKey.count - 1] < name || lastKey[lastKey.count - 1].isEmpty, "JSON keys out of order: \(name)")
        lastKey[lastKey.count - 1] = name
    }
    #endif

    private var valueAfterKey = false

    // MARK: - Values

    public mutating func string(_ value: String) {
        separate()
        Self.appendString(value, to: &bytes)
    }

    public mutating func number(_ value: Double) {
        separate()
        Self.appendNumber(value, to: &bytes)
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes += value ? Self.trueBytes : Self.falseBytes
    }

    public mutating func null() {
        separate()
        bytes += Self.nullBytes
    }

    /// A value already written as compact JSON (a whole object or array), copied as it is; only a
    /// compact writer takes one, as a pretty one would need it indented.
    public mutating func raw(_ json: [UInt8]) {
        precondition(!pretty, "raw JSON goes into compact output only")
        separate()
        bytes += json
    }

    public var isPretty: Bool { pretty }

    /// Where the value written after `start` (a byte count taken just before it) begins: past the
    /// comma that separated it from its sibling. Compact output only.
    func valueStart(from start: Int) -> Int {
        start < bytes.count && bytes[start] == 0x2C ? start + 1 : start
    }

    /// Writes again a value written earlier into this writer (its byte range). Compact output only.
    mutating func repeatValue(_ range: Range<Int>) {
        precondition(!pretty, "repeated JSON goes into compact output only")
        let value = Array(bytes[range])
        separate()
        bytes += value
    }

    /// `key: value` for the common cases.
    public mutating func member(_ name: StaticString, _ value: String) { key(name); string(value) }
    public mutating func member(_ name: StaticString, _ value: Double) { key(name); number(value) }
    public mutating func member(_ name: StaticString, _ value: Int) { key(name); number(Double(value)) }
    public mutating func member(_ name: StaticString, _ value: Bool) { key(name); bool(value) }
    public mutating func member(_ name: StaticString, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    // MARK: - Layout

    /// Before a value or key: a comma after a previous sibling, and a new line when pretty.
    private mutating func separate() {
        if valueAfterKey {
            valueAfterKey = false
            return
        }
        guard !enclosing.isEmpty else { return }
        if hasMember { bytes.append(0x2C) }
        hasMember = true
        if pretty { newline(enclosing.count) }
    }

    private mutating func open() {
        enclosing.append(hasMember)
        hasMember = false
    }

    private mutating func close(_ bracket: UInt8) {
        let empty = !hasMember
        hasMember = enclosing.removeLast()
        if pretty && !empty { newline(enclosing.count) }
        bytes.append(bracket)
    }

    private mutating func newline(_ depth: Int) {
        bytes.append(0x0A)
        bytes += repeatElement(0x20, count: depth * 2)
    }

    private static let nullBytes = Array("null".utf8), trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)

    /// Whole numbers without a fraction (`4800`), others in the shortest form that reads back exactly.
    /// Whole numbers are written digit by digit: making a `String` of each cost more than the rest.
    static func appendNumber(_ n: Double, to out: inout [UInt8]) {
        guard n.isFinite else {
            out += nullBytes
            return
        }
        guard n == n.rounded(), abs(n) < 1e15 else {
            out += n.description.utf8
            return
        }
        let whole = Int64(n)
        if whole < 0 { out.append(0x2D) }
        var magnitude = whole.magnitude
        var divisor: UInt64 = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            out.append(0x30 + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }

    /// A JSON string: runs that need no escaping are copied as UTF-8 in one go.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for i in 0..<bytes.count {
                let c = bytes[i]
                guard c == 0x22 || c == 0x5C || c < 0x20 else { continue }
                out += UnsafeBufferPointer(rebasing: bytes[start..<i])
                switch c {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                default:
                    let hex = String(c, radix: 16)
                    out += Array("\\u".utf8) + Array(repeating: 0x30, count: 4 - hex.count) + Array(hex.utf8)
                }
                start = i + 1
            }
            out += UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])
        }
        out.append(0x22)
    }
}
