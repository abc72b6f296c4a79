import AdviserExpression

/// Every rule's condition as the load parsed and type-checked it (`ConditionCompiler.check`), kept
/// so that the engine and the analysis build on it instead of parsing and checking each condition
/// again.
///
/// It belongs to the workspace it was checked from, as loaded: a rule whose expressions no longer
/// read as they did (a workspace changed after loading) gets nothing from here, and is checked again
/// by whoever asks.
package struct CheckedConditions: Sendable {
    /// Each expression of every rule's `when`, rules in `Workspace.rules` order, expressions in
    /// `Condition.expressions` order; nil where it has errors.
    private let expressions: [CheckedExpression?]
    /// The expressions of the rule at position i are `expressions[start[i]..<start[i + 1]]`.
    private let start: [Int]

    init(expressions: [CheckedExpression?], start: [Int]) {
        self.expressions = expressions
        self.start = start
    }

    /// The expressions of `rule`'s `when`, each as checked, when `rule` stands at `position` of the
    /// rules checked, reads as it did and had no errors; nil otherwise. An expression with errors
    /// keeps no text to compare, so it is never taken on trust: whoever asks checks it again.
    func expressions(of rule: Rule, at position: Int) -> ArraySlice<CheckedExpression?>? {
        guard position + 1 < start.count else { return nil }
        let checked = expressions[start[position]..<start[position + 1]]
        if case .expression(let source) = rule.when {  // the common case, without an array
            guard checked.count == 1, checked.first??.parsed.source == source.text else { return nil }
            return checked
        }
        let sources = rule.when.expressions
        guard sources.count == checked.count else { return nil }
        for (source, expression) in zip(sources, checked) where expression?.parsed.source != source.text {
            return nil
        }
        return checked
    }
}
