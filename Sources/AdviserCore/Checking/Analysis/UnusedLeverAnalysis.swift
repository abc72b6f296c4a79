/// `unused-lever`: a lever of an offering that no driver of any segment is relieved by. Moving it
/// changes no perceived value, so the balancer cannot use it and rules that adjust it only change
/// the margin.
struct UnusedLeverAnalysis {
    let workspace: Workspace

    func run() -> [Diagnostic] {
        let referenced = Set(workspace.segments.flatMap { $0.drivers.flatMap { $0.reliefs.map(\.lever.value) } })
        return workspace.offerings.flatMap { offering in
            offering.levers.filter { !referenced.contains($0.id) }.map { lever in
                Diagnostic.warning(
                    .unusedLever, "no driver of any segment is relieved by the lever '\(lever.id)' of '\(offering.id)'",
                    at: lever.location,
                    hint: "add it to the relieved_by curves of the drivers it helps, or remove it")
            }
        }
    }
}
