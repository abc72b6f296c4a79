/// Writes JSON straight into bytes, one value after another, with no tree in between: batch mode
/// writes one large document per client, and building then freeing a tree cost more than writing.
///
/// Keys are written in the order given; callers give them sorted (the tool's output promise), and
/// debug builds check that they do. Numbers the tool computes go through `rounded(_:)`, the one
/// rounding rule of every JSON document.
///
/// Each key or value goes into `bytes` in a single append, separator included: an advice record
/// is some 600 small pieces, and every `Array.append` checks uniqueness and capacity again.
package struct JSONWriter {
    /// Compact (one line, for JSON Lines) or pretty (two-space indent, for files and terminals).
    enum Layout: Sendable {
        case compact, pretty
        /// Pretty, as Foundation's `JSONEncoder` writes it: an empty array or object over two
        /// lines, every number as `Double.description` less a trailing `.0` (negative zero is
        /// `-0`), and `\b`, `\f` escapes. The comparison and tipping-point documents were first
        /// written by `JSONEncoder`; this keeps their bytes.
        case prettyAsFoundation
    }

    package private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    /// `Layout.prettyAsFoundation`: read on the rare paths only (empty containers, escapes) and
    /// once per number.
    private let asFoundation: Bool
    /// Has the innermost open container a member yet? (for commas). Kept apart from the enclosing
    /// containers' flags, which change only when a container opens or closes: it is read and set
    /// for every value, and an array element costs a uniqueness check on each write.
    private var hasMember = false
    /// The same flag for each enclosing container, outermost first; empty at the top level.
    private var enclosing: [Bool] = []
    /// Was the last thing written a key? Its value then needs no separator of its own.
    private var valueAfterKey = false
    /// In debug, per open object: the last key written.
    #if DEBUG
    private var lastKey: [String] = []
    #endif

    package init(pretty: Bool = false, capacity: Int = 4_096) {
        self.init(layout: pretty ? .pretty : .compact, capacity: capacity)
    }

    init(layout: Layout, capacity: Int = 4_096) {
        pretty = layout != .compact
        asFoundation = layout == .prettyAsFoundation
        bytes.reserveCapacity(capacity)
    }

    /// Rounded to 6 decimals: enough for any decision, and free of floating-point dust
    /// (`0.30000000000000004`). Every number the tool computes is written so, in every document.
    static func rounded(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }

    package var text: String { String(decoding: bytes, as: UTF8.self) }

    package var isPretty: Bool { pretty }

    // MARK: - Containers

    package mutating func beginObject() {
        emit(upTo: 1) { $0.append(0x7B) }
        open()
        #if DEBUG
        lastKey.append("")
        #endif
    }

    package mutating func endObject() {
        close(0x7D)
        #if DEBUG
        lastKey.removeLast()
        #endif
    }

    package mutating func beginArray() {
        emit(upTo: 1) { $0.append(0x5B) }
        open()
    }

    package mutating func endArray() { close(0x5D) }

    // MARK: - Keys

    /// A member name written in the source; the value follows with one of the value calls.
    /// Such names are plain ASCII with nothing to escape, so their bytes are copied as they are:
    /// an advice record has some 250 of them.
    package mutating func key(_ name: StaticString) {
        #if DEBUG
        assert(name.hasPointerRepresentation, "a key is a string literal")
        let text = name.description
        assert(!text.utf8.contains(where: Self.needsEscape), "a literal key needs no escaping: \(text)")
        checkOrder(text)
        #endif
        let pretty = self.pretty
        emit(upTo: name.utf8CodeUnitCount + 5) { span in
            span.append(0x22)
            span.append(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            span.append(0x22)
            Self.colon(pretty, to: &span)
        }
        valueAfterKey = true
    }

    /// A member name made at run time (a fact's name, a key of a `JSONValue`), escaped as a string.
    package mutating func key(escaping name: String) {
        #if DEBUG
        checkOrder(name)
        #endif
        var name = name
        let asFoundation = self.asFoundation
        name.withUTF8 { utf8 in
            let pretty = self.pretty
            emit(upTo: Self.escapedCount(utf8) + 5) { span in
                Self.appendString(utf8, asFoundation: asFoundation, to: &span)
                Self.colon(pretty, to: &span)
            }
        }
        valueAfterKey = true
    }

    private static func colon(_ pretty: Bool, to span: inout OutputSpan<UInt8>) {
        if pretty {
            span.append(0x20)
            span.append(0x3A)
            span.append(0x20)
        } else {
            span.append(0x3A)
        }
    }

    #if DEBUG
    private mutating func checkOrder(_ name: String) {
        assert(lastKey[lastKey.count - 1] < name || lastKey[lastKey.count - 1].isEmpty, "JSON keys out of order: \(name)")
        lastKey[lastKey.count - 1] = name
    }
    #endif

    // MARK: - Values

    package mutating func string(_ value: String) {
        var value = value
        let asFoundation = self.asFoundation
        value.withUTF8 { utf8 in
            emit(upTo: Self.escapedCount(utf8)) { Self.appendString(utf8, asFoundation: asFoundation, to: &$0) }
        }
    }

    /// Whole numbers without a fraction (`4800`), others in the shortest form that reads back exactly.
    package mutating func number(_ value: Double) {
        guard value.isFinite else { return literal("null") }
        if asFoundation {
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            return text.withUTF8 { utf8 in emit(upTo: utf8.count) { $0.append(utf8) } }
        }
        guard value == value.rounded(), abs(value) < 1e15 else {
            var text = value.description
            return text.withUTF8 { utf8 in emit(upTo: utf8.count) { $0.append(utf8) } }
        }
        // Written digit by digit, without making a `String` of each number first.
        let whole = Int64(value)
        emit(upTo: 17) { span in
            if whole < 0 { span.append(0x2D) }
            var magnitude = whole.magnitude
            var divisor: UInt64 = 1
            while divisor <= magnitude / 10 { divisor *= 10 }
            repeat {
                span.append(0x30 + UInt8(magnitude / divisor))
                magnitude %= divisor
                divisor /= 10
            } while divisor > 0
        }
    }

    package mutating func bool(_ value: Bool) { literal(value ? "true" : "false") }

    package mutating func null() { literal("null") }

    private mutating func literal(_ text: StaticString) {
        emit(upTo: text.utf8CodeUnitCount) { $0.append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)) }
    }

    /// A value already written as compact JSON (a whole object or array), copied as it is; only a
    /// compact writer takes one, as a pretty one would need it indented.
    package mutating func raw(_ json: [UInt8]) {
        precondition(!pretty, "raw JSON goes into compact output only")
        json.withUnsafeBufferPointer { json in emit(upTo: json.count) { $0.append(json) } }
    }

    /// Where the value written after `start` (a byte count taken just before it) begins: past the
    /// comma that separated it from its sibling. Compact output only.
    func valueStart(from start: Int) -> Int {
        start < bytes.count && bytes[start] == 0x2C ? start + 1 : start
    }

    /// Writes again a value written earlier into this writer (its byte range). Compact output only.
    mutating func repeatValue(_ range: Range<Int>) {
        precondition(!pretty, "repeated JSON goes into compact output only")
        raw(Array(bytes[range]))
    }

    /// `key: value` for the common cases.
    package mutating func member(_ name: StaticString, _ value: String) { key(name); string(value) }
    package mutating func member(_ name: StaticString, _ value: Double) { key(name); number(value) }
    /// A number the tool computed, written with the one rounding rule.
    mutating func member(_ name: StaticString, rounded value: Double) { key(name); number(Self.rounded(value)) }
    package mutating func member(_ name: StaticString, _ value: Int) { key(name); number(Double(value)) }
    package mutating func member(_ name: StaticString, _ value: Bool) { key(name); bool(value) }
    package mutating func member(_ name: StaticString, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    // MARK: - Layout

    /// Appends what `body` writes, at most `count` bytes, after the separator that the next key or
    /// value needs, in one append.
    private mutating func emit(upTo count: Int, _ body: (inout OutputSpan<UInt8>) -> Void) {
        let separator = nextSeparator()
        let indent = pretty && separator != nil ? enclosing.count * 2 : 0
        bytes.append(addingCapacity: count + 2 + indent) { span in
            if separator == true { span.append(0x2C) }
            if indent > 0 {
                span.append(0x0A)
                span.append(repeating: 0x20, count: indent)
            }
            body(&span)
        }
    }

    /// What comes before the next key or value: nil for nothing (a value after its key, or at the
    /// top level), true for a comma after a sibling, false for none before a first member.
    private mutating func nextSeparator() -> Bool? {
        if valueAfterKey {
            valueAfterKey = false
            return nil
        }
        guard !enclosing.isEmpty else { return nil }
        defer { hasMember = true }
        return hasMember
    }

    private mutating func open() {
        enclosing.append(hasMember)
        hasMember = false
    }

    private mutating func close(_ bracket: UInt8) {
        let empty = !hasMember
        hasMember = enclosing.removeLast()
        let newline = pretty && (!empty || asFoundation)
        let indent = newline ? enclosing.count * 2 : 0
        bytes.append(addingCapacity: indent + 3) { span in
            if newline {
                if empty { span.append(0x0A) }
                span.append(0x0A)
                span.append(repeating: 0x20, count: indent)
            }
            span.append(bracket)
        }
    }

    // MARK: - Strings

    private static func needsEscape(_ byte: UInt8) -> Bool { byte == 0x22 || byte == 0x5C || byte < 0x20 }

    /// The bytes of a JSON string with these UTF-8 bytes, quotes included.
    private static func escapedCount(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var count = utf8.count + 2
        for byte in utf8 where needsEscape(byte) {
            count += byte == 0x22 || byte == 0x5C || byte == 0x0A || byte == 0x0D || byte == 0x09 ? 1 : 5
        }
        return count
    }

    /// A JSON string: runs that need no escaping are copied in one go. The count of
    /// `escapedCount(_:)` is an upper bound for the `\b` and `\f` of `asFoundation`.
    private static func appendString(_ utf8: UnsafeBufferPointer<UInt8>, asFoundation: Bool, to span: inout OutputSpan<UInt8>) {
        span.append(0x22)
        var start = 0
        for i in 0..<utf8.count where needsEscape(utf8[i]) {
            span.append(UnsafeBufferPointer(rebasing: utf8[start..<i]))
            span.append(0x5C)
            switch utf8[i] {
            case 0x22: span.append(0x22)
            case 0x5C: span.append(0x5C)
            case 0x0A: span.append(0x6E)
            case 0x0D: span.append(0x72)
            case 0x09: span.append(0x74)
            case 0x08 where asFoundation: span.append(0x62)
            case 0x0C where asFoundation: span.append(0x66)
            default:
                // \u00XX with lowercase hex digits; below 0x20, the first X is 0 or 1.
                let low = utf8[i] & 0x0F
                span.append(0x75)
                span.append(0x30)
                span.append(0x30)
                span.append(0x30 + (utf8[i] >> 4))
                span.append(low < 10 ? 0x30 + low : 0x57 + low)
            }
            start = i + 1
        }
        span.append(UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        span.append(0x22)
    }
}

extension OutputSpan<UInt8> {
    /// Copies a run of bytes in one go; the span must have room for them.
    fileprivate mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        precondition(run.count <= freeCapacity, "no room for \(run.count) bytes")
        guard let source = run.baseAddress, !run.isEmpty else { return }
        withUnsafeMutableBufferPointer { buffer, initialized in
            (buffer.baseAddress! + initialized).initialize(from: source, count: run.count)
            initialized += run.count
        }
    }
}
