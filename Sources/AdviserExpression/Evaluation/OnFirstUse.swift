import Synchronization

/// A value made at most once, on first use, by whichever thread asks first; or made at once by its
/// owner, when it will be needed anyway (reading it then takes no lock).
///
/// For the parts of a program that most programs never use: the closure form of a condition the
/// flat form decides.
struct OnFirstUse<Value: Sendable>: ~Copyable, Sendable {
    private let ready: Value?
    private let later = Mutex<Value?>(nil)

    /// - Parameter value: the value, made now; nil: made by the first `value(making:)`.
    init(now value: Value?) {
        ready = value
    }

    /// The value, made by `make` if it is not made yet.
    func value(making make: () -> Value) -> Value {
        if let ready { return ready }
        return later.withLock { value in
            if let value { return value }
            let made = make()
            value = made
            return made
        }
    }
}
