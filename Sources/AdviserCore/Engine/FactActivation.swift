import AdviserExpression

/// The values a rule condition reads for one (offering, segment, scenario): the workspace's
/// `ConditionVariables`, read for that piece of advice.
package enum FactActivation {
    /// - Parameter declarations: the engine's, made from the same workspace's `ConditionVariables`.
    package static func make(
        declarations: Declarations, workspace: Workspace, offering: Offering, segment: Segment, scenario: Scenario,
        overrides: [String: FactValue]
    ) -> Activation {
        let variables = ConditionVariables(workspace: workspace)
        assert(variables.declarations.names == declarations.names, "declarations of another workspace")
        return variables.activation(for: .init(offering: offering, segment: segment, scenario: scenario, overrides: overrides))
    }

    /// Sets override values on an activation made earlier (batch mode reuses one per offering × segment).
    static func apply(_ overrides: [String: FactValue], to activation: inout Activation, workspace: Workspace) {
        for (name, value) in overrides {
            guard let fact = workspace.fact(name) else { continue }
            activation[name] = value.expressionValue(as: fact.kind)
        }
    }
}

extension FactValue {
    /// The expression language's value for a fact of the given kind.
    func expressionValue(as kind: Fact.Kind) -> Value {
        switch (self, kind) {
        case (.number(let n), .integer): .int(Int64(n))
        case (.number(let n), .string), (.number(let n), .enumeration): .string(formatNumber(n))
        case (.number(let n), _): .double(n)
        case (.bool(let b), _): .bool(b)
        case (.string(let s), _): .string(s)
        }
    }
}
