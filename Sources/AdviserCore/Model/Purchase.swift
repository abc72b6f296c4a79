/// A lever setting as a segment writes it: a number, or the name of a level.
package enum LeverSetting: Hashable, Sendable, CustomStringConvertible {
    case number(Double)
    case level(String)

    package var description: String {
        switch self {
        case .number(let n): formatNumber(n)
        case .level(let name): name
        }
    }
}

/// One lever's setting in a segment's file, located.
package struct SettingAssignment: Sendable {
    package var lever: Located<String>
    package var value: Located<LeverSetting>

    package init(lever: Located<String>, value: Located<LeverSetting>) {
        self.lever = lever
        self.value = value
    }
}

/// What a segment buys of one offering today: the settings it has where they differ from the
/// offering's baseline. Listing an offering is also what makes it one the segment is advised on.
package struct Purchase: Sendable {
    package var offering: Located<String>
    package var settings: [SettingAssignment]

    package init(offering: Located<String>, settings: [SettingAssignment]) {
        self.offering = offering
        self.settings = settings
    }
}

/// A segment's own bounds on a lever, narrower than the lever's ("never slower than 4 hours"):
/// rules are clamped to them and the balancer stays inside them.
package struct LeverBound: Sendable {
    package var lever: Located<String>
    /// The one offering whose lever it bounds (`offering-id.lever-id:`); nil: every offering's.
    package var offering: String?
    package var min: Located<LeverSetting>?
    package var max: Located<LeverSetting>?

    package init(lever: Located<String>, offering: String? = nil, min: Located<LeverSetting>? = nil, max: Located<LeverSetting>? = nil) {
        self.lever = lever
        self.offering = offering
        self.min = min
        self.max = max
    }
}

extension Lever {
    /// A written setting as a grid value (a level's index for a level lever); nil when it does not
    /// fit this lever (a word for a number lever, a level it does not have).
    package func value(of setting: LeverSetting) -> Double? {
        switch (setting, kind) {
        case (.level(let name), .level): levels.firstIndex(of: name).map(Double.init)
        case (.number(let n), .number), (.number(let n), .price): n
        default: nil
        }
    }
}

extension Segment {
    /// Whether the segment is advised on this offering: every offering when the segment lists no
    /// purchases (workspaces written before `buys:`), otherwise the ones it lists.
    package func isOffered(_ offeringID: String) -> Bool {
        guard let buys else { return true }
        return buys.contains { $0.offering.value == offeringID }
    }

    /// What the segment has today of each lever of `offering`, in lever order: its own setting
    /// where `buys:` gives one, the offering's baseline otherwise.
    package func today(_ offering: Offering) -> [Double] {
        offering.levers.map { today($0, of: offering) }
    }

    /// What the segment has today of `lever` of `offering`: its own setting where `buys:` gives
    /// one, the lever's baseline otherwise.
    package func today(_ lever: Lever, of offering: Offering) -> Double {
        guard let purchase = buys?.first(where: { $0.offering.value == offering.id }),
              let assignment = purchase.settings.last(where: { $0.lever.value == lever.id }),
              let value = lever.value(of: assignment.value.value)
        else { return lever.baseline }
        return value
    }

    /// The settings this segment allows for `lever` of `offering`: the lever's bounds, narrowed by
    /// the segment's (those for every offering's lever of that id, and those for this offering's).
    package func allowedRange(_ lever: Lever, of offering: String) -> ClosedRange<Double> {
        var low = lever.min, high = lever.max
        for bound in bounds where bound.lever.value == lever.id && (bound.offering == nil || bound.offering == offering) {
            if let min = bound.min.flatMap({ lever.value(of: $0.value) }) { low = Swift.max(low, min) }
            if let max = bound.max.flatMap({ lever.value(of: $0.value) }) { high = Swift.min(high, max) }
        }
        return low <= high ? low...high : low...low
    }
}
