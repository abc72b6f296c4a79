/// Variable values for one evaluation, stored by slot (see `Declarations.slot(of:)`).
/// Besides the values it keeps an unboxed view per slot (a double, or the bytes of a short
/// string packed into two words) that the flat condition form reads directly, so a rule
/// condition costs a few loads and compares, not enum dispatch or string comparison calls.
public struct Activation: Sendable {
    private let slotsByName: [String: Int]
    private(set) var values: [Value?]
    private(set) var unboxed: [UnboxedSlot]

    public init(declarations: Declarations) {
        slotsByName = declarations.slots
        values = Array(repeating: nil, count: declarations.count)
        unboxed = Array(repeating: UnboxedSlot(), count: declarations.count)
    }

    /// The value of a declared variable by name; nil if unset or undeclared. Setting an
    /// undeclared name is ignored (there is no slot for it).
    public subscript(name: String) -> Value? {
        get { slotsByName[name].flatMap { values[$0] } }
        set {
            guard let slot = slotsByName[name] else { return }
            set(slot: slot, newValue)
        }
    }

    /// The value in a slot; `.null` if unset.
    public subscript(slot: Int) -> Value {
        get { values[slot] ?? .null }
        set { set(slot: slot, newValue) }
    }

    /// Whether the slot holds a value.
    public func isSet(slot: Int) -> Bool { values[slot] != nil }

    func value(slot: Int) -> Value? { values[slot] }

    private mutating func set(slot: Int, _ value: Value?) {
        values[slot] = value
        unboxed[slot] = UnboxedSlot(value)
    }
}

/// The unboxed view of one slot.
struct UnboxedSlot: Sendable {
    enum Kind: UInt8 {
        /// Unset, or not representable here (lists, large ints, long strings…).
        case other
        /// A double, or an int/uint with |x| ≤ 2^53 (exact as a double).
        case number
        /// A string of at most 15 UTF-8 bytes, packed with its length (injective).
        case shortString
    }

    var number: Double = .nan
    var word0: UInt64 = 0
    var word1: UInt64 = 0
    var kind: Kind = .other

    init() {}

    init(_ value: Value?) {
        switch value {
        case .double(let d)?: kind = .number; number = d
        case .int(let i)? where i.magnitude <= 1 << 53: kind = .number; number = Double(i)
        case .uint(let u)? where u <= 1 << 53: kind = .number; number = Double(u)
        case .string(let s)?:
            if let (w0, w1) = packShortString(s) { kind = .shortString; word0 = w0; word1 = w1 }
        default: break
        }
    }
}

/// The UTF-8 bytes of a string of at most 15 bytes, with the length in the top byte, as two
/// words; equal words ⇔ equal byte sequences. nil for longer strings.
func packShortString(_ s: String) -> (UInt64, UInt64)? {
    let bytes = Array(s.utf8)
    guard bytes.count <= 15 else { return nil }
    var w0: UInt64 = 0, w1: UInt64 = UInt64(bytes.count) << 56
    for (i, b) in bytes.enumerated() {
        if i < 8 { w0 |= UInt64(b) << (8 * UInt64(i)) } else { w1 |= UInt64(b) << (8 * UInt64(i - 8)) }
    }
    return (w0, w1)
}
