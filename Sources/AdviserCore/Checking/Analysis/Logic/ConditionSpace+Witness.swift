/// Conjunctions put in words: the fact values that make one hold (a witness), its atoms as
/// written in a condition, and why one cannot hold.
extension ConditionSpace {
    /// A value a witness gives a variable.
    enum WitnessValue: Equatable, Sendable {
        case number(Double), text(String), bool(Bool)
    }

    /// Values for the variables a conjunction constrains (a segment's id and size from one segment),
    /// sorted by name.
    /// - Parameter only: the variables worth naming (those the conditions read); nil names all.
    func witnessValues(_ state: ConstraintState, only: VariableSet? = nil) -> [(name: String, value: WitnessValue)] {
        var values: [(name: String, value: WitnessValue)] = []
        let pair = segmentPair(state)
        let byName = state.domains.indices.sorted { rankByName[state.domains[$0].variable] < rankByName[state.domains[$1].variable] }
        for (v, domain) in byName.map({ state.domains[$0] }) where only?.contains(v) ?? true {
            if let pair, v == segmentID || v == segmentSize {
                values.append((names[v], .text(v == segmentID ? pair.id : pair.size)))
                continue
            }
            switch domain {
            case .numeric(let d):
                if let w = d.witness { values.append((names[v], .number(w))) }
            case .values(let d):
                guard let w = d.witness else { continue }
                if isBool(v) {
                    values.append((names[v], .bool(w == "true")))
                } else {
                    values.append((names[v], .text(w)))
                }
            }
        }
        return values
    }

    /// `market.phase = "downturn", segment.price_sensitivity = 0.5`.
    func witness(_ state: ConstraintState, only: VariableSet? = nil) -> String {
        var text = ""
        for (name, value) in witnessValues(state, only: only) {
            text += text.isEmpty ? name : ", " + name
            switch value {
            case .number(let n): text += " = " + formatNumber(n)
            case .text(let t): text += " = \"" + t + "\""
            case .bool(let b): text += b ? " = true" : " = false"
            }
        }
        if text.isEmpty { text = "always" }
        let undecided = state.undecided.map { $0.positive ? $0.text : "!(\($0.text))" }
        if !undecided.isEmpty { text += " (if " + undecided.joined(separator: " and ") + " can hold too)" }
        return text
    }

    func text(_ atom: Atom) -> String {
        switch atom {
        case .compare(let v, let op, let value): return "\(names[v]) \(op.symbol) \(formatNumber(value))"
        case .member(let v, let values, let negated):
            let quoted = values.map { word in
                if isBool(v) { return word }
                return "\"\(word)\""
            }
            if values.count == 1 { return "\(names[v]) \(negated ? "!=" : "==") \(quoted[0])" }
            return (negated ? "!(" : "") + "\(names[v]) in [\(quoted.joined(separator: ", "))]" + (negated ? ")" : "")
        case .undecided(let text, let positive): return positive ? text : "!(\(text))"
        }
    }

    /// Why a conjunction cannot hold: the constraints on the variable that ran out of values.
    func reason(_ state: ConstraintState) -> String {
        guard let v = state.emptied else { return "it is always false" }
        if v < 0 {
            let texts = state.undecided.map(\.text)
            return "it requires both \(texts.first ?? "a part") and its opposite"
        }
        if v == segmentSize, state.domains.contains(where: { $0.variable == segmentID }) {
            let texts = state.atoms.filter { $0.variable == segmentID || $0.variable == segmentSize }.map(text)
            return "no segment has " + texts.joined(separator: " and ")
        }
        let texts = state.atoms.filter { $0.variable == v }.map(text)
        var reason = texts.count == 1 ? "\(texts[0]) can never hold" : texts.joined(separator: " and ") + " cannot hold at once"
        if let range = variables[v].fact.flatMap(Self.declaredRange) { reason += " (\(names[v]) is declared \(range))" }
        return reason
    }

    /// How facts.yaml bounds a fact (`0..1`, `one of a, b`), when it does.
    private static func declaredRange(_ fact: Fact) -> String? {
        switch fact.kind {
        case .number, .integer:
            guard fact.min != nil || fact.max != nil else { return nil }
            return (fact.min.map { formatNumber($0) } ?? "") + ".." + (fact.max.map { formatNumber($0) } ?? "")
        case .enumeration(let values): return "one of " + values.joined(separator: ", ")
        case .bool, .string: return nil
        }
    }
}
