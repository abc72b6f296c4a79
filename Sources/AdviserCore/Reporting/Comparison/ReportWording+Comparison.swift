extension ReportWording {
    /// "current only", "current and downturn", "all but peak".
    static func scenarioList(_ ids: [String]) -> String {
        switch ids.count {
        case 0: "none"
        case 1: ids[0]
        default: ids.dropLast().joined(separator: ", ") + " and " + ids.last!
        }
    }

    /// How a lever stands under one scenario: "4300 EUR (rule downturn-cost-focus)".
    func outcome(_ o: LeverOutcome) -> String {
        Self.setting(settingText(o, recommended: true), o.unit, kind: o.kind) + (o.changed ? "" : " (today's)")
    }

    func held(_ v: ValueOutcome) -> String {
        "\(index(v.final)) \(v.held ? "held" : "NOT held")"
    }
}
