/// An immutable box of a value's fields. Advice copies levers and the engine's records many times
/// per piece; copying a box costs one retain where the fields themselves cost one per string and
/// collection. A change makes a new box, so copies sharing the old one keep their values.
final class SharedFields<Fields: Sendable>: Sendable {
    let fields: Fields

    init(_ fields: Fields) {
        self.fields = fields
    }

    /// A box with changed fields.
    func updated(_ change: (inout Fields) -> Void) -> SharedFields {
        var fields = self.fields
        change(&fields)
        return SharedFields(fields)
    }
}
