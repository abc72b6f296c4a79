/// Variable values for one evaluation, stored by slot (see `Declarations.slot(of:)`).
/// Besides the values it keeps an unboxed numeric view that compiled comparisons read
/// directly, so a rule condition costs a few loads and compares, not enum dispatch.
public struct Activation: Sendable {
    /// Kinds in the unboxed view.
    @usableFromInline enum Kind: UInt8, Sendable {
        /// No value or not a number/string.
        case other = 0
        /// A double, or an int/uint small enough (|x| ≤ 2^53) to be exact as a double.
        case exactNumber = 1
        case string = 2
    }

    private let slotsByName: [String: Int]
    @usableFromInline private(set) var values: [Value?]
    @usableFromInline private(set) var numbers: [Double]
    @usableFromInline private(set) var kinds: [UInt8]

    public init(declarations: Declarations) {
        slotsByName = declarations.slots
        values = Array(repeating: nil, count: declarations.count)
        numbers = Array(repeating: .nan, count: declarations.count)
        kinds = Array(repeating: Kind.other.rawValue, count: declarations.count)
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
        var kind = Kind.other
        var number = Double.nan
        switch value {
        case .double(let d)?: kind = .exactNumber; number = d
        case .int(let i)? where i.magnitude <= 1 << 53: kind = .exactNumber; number = Double(i)
        case .uint(let u)? where u <= 1 << 53: kind = .exactNumber; number = Double(u)
        case .string?: kind = .string
        default: break
        }
        numbers[slot] = number
        kinds[slot] = kind.rawValue
    }
}
