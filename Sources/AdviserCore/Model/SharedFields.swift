/// An immutable box of a value's fields and, for a record the engine writes once, its compact
/// JSON. Advice copies levers and the engine's records many times per piece; copying a box costs
/// one retain where the fields themselves cost one per string and collection. A change makes a
/// new box, so copies sharing the old one keep their values.
final class SharedFields<Fields: Sendable>: Sendable {
    let fields: Fields
    let compactJSON: [UInt8]?

    init(_ fields: Fields, _ compactJSON: [UInt8]? = nil) {
        self.fields = fields
        self.compactJSON = compactJSON
    }

    /// A box with changed fields and no JSON, so the two never disagree.
    func updated(_ change: (inout Fields) -> Void) -> SharedFields {
        var fields = self.fields
        change(&fields)
        return SharedFields(fields)
    }
}
