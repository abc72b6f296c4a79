import Synchronization

/// The `lowers-protected-driver` warnings an engine has worded, each with its compact JSON, for
/// batch advice to reuse.
///
/// Such a warning depends only on the rule, the segment, the offering's lever, the driver, the two
/// settings and why the driver is protected; the clients of one segment fire the same rules with
/// the same settings. A workspace whose rules lower drivers their own talking points are about
/// repeats the same handful of warnings for every client, and wording each (names, settings, the
/// reason, the location) cost more than firing the rules. Only advice of a workspace segment as it
/// is (batch mode's `PreparedAdvice`) is remembered, and only so many warnings: settings that follow
/// client facts could make every one new.
final class WordedWarnings: Sendable {
    struct Key: Hashable {
        var rule: ObjectIdentifier
        /// Positions in the workspace, the offering's lever and the segment's driver.
        var offering: Int, segment: Int, lever: Int, driver: Int
        var today: Double
        var setting: Double
        var protection: Protection

        /// The positions only: keys that differ in the rest alone are few, and hashing the
        /// protection's rule id cost more than comparing it.
        func hash(into hasher: inout Hasher) {
            hasher.combine(rule)
            hasher.combine(offering)
            hasher.combine(segment)
            hasher.combine(lever)
            hasher.combine(driver)
        }
    }

    struct Entry: Sendable {
        var warning: AdviceWarning
        var json: [UInt8]
    }

    static let capacity = 4_096
    private let entries = Mutex<[Key: Entry]>([:])

    /// The remembered warning of `key`, or `word()`'s, remembered while there is room.
    func warning(_ key: Key, word: () -> AdviceWarning) -> Entry {
        if let entry = entries.withLock({ $0[key] }) { return entry }
        let warning = word()
        let entry = Entry(warning: warning, json: AdviceJSON.compact { AdviceJSON.write(warning, to: &$0) })
        entries.withLock { table in
            if table.count < Self.capacity { table[key] = entry }
        }
        return entry
    }
}

