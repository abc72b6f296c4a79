/// A small RE2-style regular expression engine: the pattern compiles to an NFA that is
/// simulated breadth-first (Pike VM), so matching is linear in the input — `(a+)+$` on a
/// long string cannot blow up. Constructs that need backtracking (backreferences,
/// lookaround) are rejected with an error, as RE2 does.
///
/// Supported: literals, `.`, `[...]` / `[^...]` with ranges, `\d \w \s \D \W \S`, escapes,
/// `^ $`, groups `( )` / `(?: )`, `|`, `* + ?` (and lazy forms), `{n}` `{n,}` `{n,m}`, `(?i)`.
package struct RegexProgram: Sendable {
    package struct CompileError: Error, Sendable {
        package let message: String
    }

    enum Instruction: Sendable {
        case char(CharClass)
        case split(Int, Int)
        case jump(Int)
        case lineStart
        case lineEnd
        case match
    }

    struct CharClass: Sendable {
        var ranges: [ClosedRange<UInt32>]
        var negated: Bool
        func matches(_ c: UInt32) -> Bool {
            var inside = false
            for r in ranges where r.contains(c) { inside = true; break }
            return inside != negated
        }
    }

    let program: [Instruction]

    /// Instructions in the compiled pattern: the most threads a match may run at one position.
    package var size: Int { program.count }

    /// Compiles `pattern`, or explains why it is not supported.
    package static func compile(_ pattern: String) -> Result<RegexProgram, CompileError> {
        var parser = RegexParser(Array(pattern.unicodeScalars).map(\.value))
        do {
            let node = try parser.parseAlternation()
            if parser.position < parser.pattern.count {
                throw CompileError(message: "unmatched ')'")
            }
            var code: [Instruction] = []
            try emit(node, into: &code)
            code.append(.match)
            return .success(RegexProgram(program: code))
        } catch let error as CompileError {
            return .failure(error)
        } catch {
            return .failure(CompileError(message: "\(error)"))
        }
    }

    // MARK: - Matching (Pike VM)

    /// Whether the pattern matches anywhere in `text` (RE2 partial match, as CEL's `matches`).
    package func matches(_ text: String) -> Bool {
        let input = Array(text.unicodeScalars).map(\.value)
        var current = ThreadList(capacity: program.count)
        var next = ThreadList(capacity: program.count)
        for position in 0...input.count {
            // Unanchored search: a new thread starts at every position.
            if addThread(&current, 0, position, input) { return true }
            if position == input.count { break }
            let c = input[position]
            next.clear()
            for pc in current.items {
                if case .char(let cls) = program[pc], cls.matches(c) {
                    if addThread(&next, pc + 1, position + 1, input) { return true }
                }
            }
            swap(&current, &next)
        }
        return false
    }

    struct ThreadList {
        /// The `char` instructions waiting for the next input character.
        var items: [Int] = []
        var seen: [Bool]
        /// Every instruction marked in `seen` (splits and jumps too), so that `clear` unmarks them all:
        /// a split left marked would cut off every later thread through it.
        var marked: [Int] = []
        init(capacity: Int) { seen = Array(repeating: false, count: capacity) }
        mutating func mark(_ pc: Int) {
            seen[pc] = true
            marked.append(pc)
        }
        mutating func clear() {
            for i in marked { seen[i] = false }
            marked.removeAll(keepingCapacity: true)
            items.removeAll(keepingCapacity: true)
        }
    }

    /// Follows jumps, splits and assertions from `pc`; returns true if `match` is reachable.
    private func addThread(_ list: inout ThreadList, _ start: Int, _ position: Int, _ input: [UInt32]) -> Bool {
        var stack = [start]
        while let pc = stack.popLast() {
            if list.seen[pc] { continue }
            list.mark(pc)
            switch program[pc] {
            case .match: return true
            case .jump(let target): stack.append(target)
            case .split(let a, let b): stack.append(b); stack.append(a)
            case .lineStart: if position == 0 { stack.append(pc + 1) }
            case .lineEnd: if position == input.count { stack.append(pc + 1) }
            case .char: list.items.append(pc)
            }
        }
        return false
    }

    // MARK: - Compilation

    indirect enum Node {
        case empty
        case char(CharClass)
        case start, end
        case concat([Node])
        case alternate([Node])
        case repeatRange(Node, min: Int, max: Int?)   // max nil = unbounded
    }

    static func emit(_ node: Node, into code: inout [Instruction]) throws {
        if code.count > 20_000 { throw CompileError(message: "pattern is too large") }
        switch node {
        case .empty: break
        case .char(let c): code.append(.char(c))
        case .start: code.append(.lineStart)
        case .end: code.append(.lineEnd)
        case .concat(let parts): for p in parts { try emit(p, into: &code) }
        case .alternate(let options):
            var jumps: [Int] = []
            for (i, option) in options.enumerated() {
                if i < options.count - 1 {
                    let split = code.count
                    code.append(.split(split + 1, 0))
                    try emit(option, into: &code)
                    jumps.append(code.count)
                    code.append(.jump(0))
                    code[split] = .split(split + 1, code.count)
                } else {
                    try emit(option, into: &code)
                }
            }
            for j in jumps { code[j] = .jump(code.count) }
        case .repeatRange(let inner, let min, let max):
            for _ in 0..<min { try emit(inner, into: &code) }
            if let max {
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(code.count)
                    code.append(.split(0, 0))
                    try emit(inner, into: &code)
                }
                for s in splits { code[s] = .split(s + 1, code.count) }
            } else {
                let loop = code.count
                code.append(.split(0, 0))
                try emit(inner, into: &code)
                code.append(.jump(loop))
                code[loop] = .split(loop + 1, code.count)
            }
        }
    }
}

// MARK: - Pattern parser

private struct RegexParser {
    typealias Node = RegexProgram.Node
    typealias CharClass = RegexProgram.CharClass
    let pattern: [UInt32]
    var position = 0
    var caseInsensitive = false
    var depth = 0

    init(_ pattern: [UInt32]) { self.pattern = pattern }

    func error(_ message: String) -> RegexProgram.CompileError { .init(message: message) }

    var peek: UInt32? { position < pattern.count ? pattern[position] : nil }

    mutating func parseAlternation() throws -> Node {
        depth += 1
        defer { depth -= 1 }
        if depth > 100 { throw error("pattern nests too deeply") }
        var options = [try parseConcat()]
        while peek == 0x7C /* | */ {
            position += 1
            options.append(try parseConcat())
        }
        return options.count == 1 ? options[0] : .alternate(options)
    }

    mutating func parseConcat() throws -> Node {
        var parts: [Node] = []
        while let c = peek, c != 0x7C, c != 0x29 /* ) */ {
            var atom = try parseAtom()
            atom = try parseQuantifiers(atom)
            parts.append(atom)
        }
        return parts.count == 1 ? parts[0] : .concat(parts)
    }

    mutating func parseQuantifiers(_ atom: Node) throws -> Node {
        var node = atom
        while let c = peek {
            let (min, max): (Int, Int?)
            switch c {
            case 0x2A: (min, max) = (0, nil); position += 1
            case 0x2B: (min, max) = (1, nil); position += 1
            case 0x3F: (min, max) = (0, 1); position += 1
            case 0x7B:
                guard let range = try parseBraces() else { return node }
                (min, max) = range
            default: return node
            }
            if peek == 0x3F { position += 1 }   // lazy: same language, same answer for matches()
            if case .repeatRange = node { throw error("repetition of a repetition is not supported") }
            node = .repeatRange(node, min: min, max: max)
        }
        return node
    }

    /// `{n}`, `{n,}`, `{n,m}`; nil (and no input consumed) if the brace is a literal.
    mutating func parseBraces() throws -> (Int, Int?)? {
        let save = position
        position += 1
        func number() -> Int? {
            var v = 0, any = false
            while let d = peek, d >= 0x30, d <= 0x39 { v = min(v * 10 + Int(d - 0x30), 100_000); any = true; position += 1 }
            return any ? v : nil
        }
        guard let low = number() else { position = save; return nil }
        var high: Int? = low
        if peek == 0x2C { position += 1; high = number() }
        guard peek == 0x7D else { position = save; return nil }
        position += 1
        if low > 1000 || (high ?? 0) > 1000 { throw error("repetition count is too large (at most 1000)") }
        if let h = high, h < low { throw error("invalid repetition range {\(low),\(h)}") }
        return (low, high)
    }

    mutating func parseAtom() throws -> Node {
        let c = pattern[position]
        position += 1
        switch c {
        case 0x28: // (
            if peek == 0x3F { // ?
                position += 1
                guard let k = peek else { throw error("incomplete group") }
                if k == 0x3A { position += 1 }    // (?:
                else if k == 0x3D || k == 0x21 || k == 0x3C {
                    throw error("lookaround assertions are not supported")
                } else {
                    // Flags, e.g. (?i) or (?i:...)
                    var flags: [UInt32] = []
                    while let f = peek, f != 0x29, f != 0x3A { flags.append(f); position += 1 }
                    guard flags.allSatisfy({ $0 == 0x69 || $0 == 0x73 || $0 == 0x6D }) else {
                        throw error("unsupported group flags")
                    }
                    if flags.contains(0x69) { caseInsensitive = true }
                    if peek == 0x29 { position += 1; return .empty }
                    position += 1
                }
            }
            let inner = try parseAlternation()
            guard peek == 0x29 else { throw error("missing ')'") }
            position += 1
            // Wrapped so that a quantified group, e.g. (a+)+, is not mistaken for a
            // doubled quantifier like a**.
            return .concat([inner])
        case 0x29: throw error("unmatched ')'")
        case 0x2A, 0x2B, 0x3F: throw error("missing argument to repetition operator")
        case 0x5B: return .char(try parseClass())
        case 0x2E: return .char(CharClass(ranges: [0x0A...0x0A], negated: true))
        case 0x5E: return .start
        case 0x24: return .end
        case 0x5C: return .char(try parseEscape(inClass: false))
        default: return .char(literal(c))
        }
    }

    func literal(_ c: UInt32) -> CharClass {
        var ranges = [c...c]
        if caseInsensitive {
            if c >= 0x41 && c <= 0x5A { ranges.append((c + 32)...(c + 32)) }
            if c >= 0x61 && c <= 0x7A { ranges.append((c - 32)...(c - 32)) }
        }
        return CharClass(ranges: ranges, negated: false)
    }

    static let digit: [ClosedRange<UInt32>] = [0x30...0x39]
    static let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F...0x5F]
    static let space: [ClosedRange<UInt32>] = [0x09...0x0A, 0x0C...0x0D, 0x20...0x20]

    mutating func parseEscape(inClass: Bool) throws -> CharClass {
        guard let e = peek else { throw error("trailing backslash") }
        position += 1
        switch e {
        case 0x64: return CharClass(ranges: Self.digit, negated: false)   // d
        case 0x44: return CharClass(ranges: Self.digit, negated: true)
        case 0x77: return CharClass(ranges: Self.word, negated: false)    // w
        case 0x57: return CharClass(ranges: Self.word, negated: true)
        case 0x73: return CharClass(ranges: Self.space, negated: false)   // s
        case 0x53: return CharClass(ranges: Self.space, negated: true)
        case 0x6E: return literal(0x0A)
        case 0x74: return literal(0x09)
        case 0x72: return literal(0x0D)
        case 0x66: return literal(0x0C)
        case 0x76: return literal(0x0B)
        case 0x31...0x39: throw error("backreferences are not supported")
        case 0x62, 0x42, 0x41, 0x7A: throw error("assertion '\\\(UnicodeScalar(e)!)' is not supported")
        default:
            let isAlnum = (e >= 0x30 && e <= 0x39) || (e >= 0x41 && e <= 0x5A) || (e >= 0x61 && e <= 0x7A)
            if isAlnum { throw error("invalid escape '\\\(UnicodeScalar(e)!)'") }
            return literal(e)
        }
    }

    mutating func parseClass() throws -> CharClass {
        var negated = false
        if peek == 0x5E { negated = true; position += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while true {
            guard let c = peek else { throw error("missing ']'") }
            if c == 0x5D && !first { position += 1; break }
            first = false
            position += 1
            var low: UInt32
            if c == 0x5C {
                let cls = try parseEscape(inClass: true)
                if cls.negated || cls.ranges.count != 1 || cls.ranges[0].count != 1 {
                    guard !cls.negated else { throw error("negated escapes inside [] are not supported") }
                    ranges += cls.ranges
                    continue
                }
                low = cls.ranges[0].lowerBound
            } else {
                low = c
            }
            if peek == 0x2D, position + 1 < pattern.count, pattern[position + 1] != 0x5D {
                position += 1
                var high = pattern[position]
                position += 1
                if high == 0x5C {
                    let cls = try parseEscape(inClass: true)
                    guard cls.ranges.count == 1, cls.ranges[0].count == 1 else { throw error("invalid range in []") }
                    high = cls.ranges[0].lowerBound
                }
                guard high >= low else { throw error("invalid range in []") }
                ranges.append(low...high)
            } else {
                ranges.append(low...low)
            }
        }
        if caseInsensitive {
            for r in ranges {
                let lo = max(r.lowerBound, 0x41), hi = min(r.upperBound, 0x5A)
                if lo <= hi { ranges.append((lo + 32)...(hi + 32)) }
                let lo2 = max(r.lowerBound, 0x61), hi2 = min(r.upperBound, 0x7A)
                if lo2 <= hi2 { ranges.append((lo2 - 32)...(hi2 - 32)) }
            }
        }
        return CharClass(ranges: ranges, negated: negated)
    }
}

// MARK: - matches()

extension Builtins {
    static func matches(_ a: Value, _ b: Value) throws(EvaluationError) -> Value {
        let (s, pattern) = try stringPair("matches", a, b)
        return .bool(try regex(pattern).matches(s))
    }

    static func regex(_ pattern: String) throws(EvaluationError) -> RegexProgram {
        switch RegexProgram.compile(pattern) {
        case .success(let re): return re
        case .failure(let e): throw EvaluationError(message: "invalid regular expression: \(e.message)")
        }
    }
}
