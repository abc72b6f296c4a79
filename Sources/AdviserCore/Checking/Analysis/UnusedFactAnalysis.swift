/// `unused-fact`: a fact declared in facts.yaml that no rule's condition reads. Segments and
/// scenarios must still give it a value, so it costs upkeep for nothing.
struct UnusedFactAnalysis {
    let logic: RuleLogic
    let workspace: Workspace

    func run() -> [Diagnostic] {
        let variables = logic.entries.reduce(VariableSet()) { $0.union($1.reads) }
        let read = Set(variables.members.map { logic.space.names[$0] })
        return workspace.facts.filter { !read.contains($0.name) }.map { fact in
            .warning(
                .unusedFact, "no rule reads the fact \(fact.name)", at: fact.location,
                hint: "use it in a rule's when, or remove it from facts.yaml and from every \(fact.scope == "market" ? "scenario" : "segment")")
        }
    }
}
