/// `unused-driver`: a driver that plays no part in any advice: no lever of any offering relieves it
/// (so it never counts in perceived value), and no rule emphasizes it or gives a talking point about
/// it, by its id or by its kind.
struct UnusedDriverAnalysis {
    let workspace: Workspace

    func run() -> [Diagnostic] {
        let levers = Set(workspace.offerings.flatMap { $0.levers.map(\.id) })
        var mentioned: Set<DriverTarget> = []
        for rule in workspace.rules {
            for action in rule.actions {
                switch action {
                case .emphasize(let target, _): mentioned.insert(target.value)
                case .say(_, let about?, _): mentioned.insert(about.value)
                default: break
                }
            }
        }
        var diagnostics: [Diagnostic] = []
        for segment in workspace.segments {
            for driver in segment.drivers {
                let relieved = driver.reliefs.contains { levers.contains($0.lever.value) }
                let named = mentioned.contains(.driver(driver.id)) || mentioned.contains(.kind(driver.kind))
                guard !relieved && !named else { continue }
                diagnostics.append(.warning(
                    .unusedDriver,
                    "the driver '\(driver.id)' of segment '\(segment.id)' plays no part in advice: no lever relieves it and no rule emphasizes it or speaks about it",
                    at: driver.location,
                    hint: "say which levers relieve it (relieved_by), or emphasize it / speak about it in a rule, or remove it"))
            }
        }
        return diagnostics
    }
}
