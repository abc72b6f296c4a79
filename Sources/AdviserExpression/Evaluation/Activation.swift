/// Variable values for one evaluation, stored by slot (see `Declarations.slot(of:)`).
/// Besides the values it keeps an unboxed view per slot (a double, or the bytes of a short
/// string packed into two words) that the flat condition form reads directly, so a rule
/// condition costs a few loads and compares, not enum dispatch or string comparison calls.
public struct Activation: @unchecked Sendable {
    // @unchecked: `unboxed` is a raw pointer into `storage`, which is copy-on-write; the
    // pointee is never written while shared.
    /// Shared, copy-on-write storage. The unboxed view lives in manually managed memory so
    /// that the flat condition form can read it through a plain pointer (`unboxed`) without
    /// touching reference counts.
    @usableFromInline
    final class Storage: @unchecked Sendable {
        // @unchecked: mutated only through `Activation`'s copy-on-write (unique owner).
        let slotsByName: [String: Int]
        var values: [Value?]
        let unboxed: UnsafeMutablePointer<UnboxedSlot>

        init(slotsByName: [String: Int], values: [Value?], unboxed source: UnsafePointer<UnboxedSlot>?) {
            self.slotsByName = slotsByName
            self.values = values
            unboxed = .allocate(capacity: values.count)
            if let source {
                unboxed.initialize(from: source, count: values.count)
            } else {
                unboxed.initialize(repeating: UnboxedSlot(), count: values.count)
            }
        }

        deinit {
            unboxed.deinitialize(count: values.count)
            unboxed.deallocate()
        }
    }

    @usableFromInline private(set) var storage: Storage
    /// `storage.unboxed`, kept here as a trivial value (valid while `storage` lives).
    @usableFromInline private(set) var unboxed: UnsafeMutablePointer<UnboxedSlot>

    /// An activation with a slot for every declared variable, all unset.
    public init(declarations: Declarations) {
        storage = Storage(slotsByName: declarations.slots, values: Array(repeating: nil, count: declarations.count),
                          unboxed: nil)
        unboxed = storage.unboxed
    }

    /// The value of a declared variable by name; nil if unset or undeclared. Setting an
    /// undeclared name is ignored (there is no slot for it).
    public subscript(name: String) -> Value? {
        get { storage.slotsByName[name].flatMap { storage.values[$0] } }
        set {
            guard let slot = storage.slotsByName[name] else { return }
            set(slot: slot, newValue)
        }
    }

    /// The value in a slot; `.null` if unset.
    package subscript(slot: Int) -> Value {
        get { storage.values[slot] ?? .null }
        set { set(slot: slot, newValue) }
    }

    /// Whether the slot holds a value.
    package func isSet(slot: Int) -> Bool { storage.values[slot] != nil }

    func value(slot: Int) -> Value? { storage.values[slot] }

    private mutating func set(slot: Int, _ value: Value?) {
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(slotsByName: storage.slotsByName, values: storage.values, unboxed: storage.unboxed)
            unboxed = storage.unboxed
        }
        storage.values[slot] = value
        unboxed[slot] = UnboxedSlot(value)
    }
}

/// The unboxed view of one slot.
@usableFromInline
struct UnboxedSlot: Sendable {
    @usableFromInline
    enum Kind: UInt8, Sendable {
        /// Unset, or not representable here (lists, large ints, long strings…).
        case other
        /// A double, or an int/uint with |x| ≤ 2^53 (exact as a double).
        case number
        /// A string of at most 15 UTF-8 bytes, packed with its length (injective).
        case shortString
    }

    @usableFromInline var number: Double = .nan
    @usableFromInline var word0: UInt64 = 0
    @usableFromInline var word1: UInt64 = 0
    @usableFromInline var kind: Kind = .other

    @usableFromInline init() {}

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
