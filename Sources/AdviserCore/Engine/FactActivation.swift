import AdviserExpression

/// The values a rule condition reads for one (offering, segment, scenario).
public enum FactActivation {
    public static func make(
        declarations: Declarations, workspace: Workspace, offering: Offering, segment: Segment, scenario: Scenario,
        overrides: [String: FactValue]
    ) -> Activation {
        var activation = Activation(declarations: declarations)
        for fact in workspace.facts {
            let given = fact.scope == "market" ? scenario.market[fact.shortName] : segment.facts[fact.shortName]
            guard let value = overrides[fact.name] ?? given?.value.value else { continue }
            activation[fact.name] = value.expressionValue(as: fact.kind)
        }
        activation["segment.id"] = .string(segment.id)
        activation["segment.size"] = .string(segment.size.rawValue)
        activation["offering.id"] = .string(offering.id)
        for lever in offering.levers {
            activation["offering.\(lever.id)"] = lever.kind == .level ? .string(lever.display(lever.baseline)) : .double(lever.baseline)
        }
        return activation
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
