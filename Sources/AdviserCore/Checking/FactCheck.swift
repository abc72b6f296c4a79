/// Does a value fit a fact's declaration (type, range, enum values)?
enum FactCheck {
    struct Problem {
        var code: DiagnosticCode
        var message: String
        var hint: String?
    }

    static func problem(_ value: FactValue, for fact: Fact) -> Problem? {
        switch (fact.kind, value) {
        case (.number, .number(let n)), (.integer, .number(let n)):
            if fact.kind == .integer, n.rounded() != n {
                return Problem(code: .wrongType, message: "\(fact.name) is a whole number, found \(formatNumber(n))")
            }
            if let min = fact.min, n < min {
                return Problem(code: .outOfRange, message: "\(fact.name) is \(formatNumber(n)), below its minimum \(formatNumber(min))",
                               hint: rangeHint(fact))
            }
            if let max = fact.max, n > max {
                return Problem(code: .outOfRange, message: "\(fact.name) is \(formatNumber(n)), above its maximum \(formatNumber(max))",
                               hint: rangeHint(fact))
            }
            return nil
        case (.bool, .bool), (.string, _):
            return nil
        case (.enumeration(let values), .string(let s)):
            guard values.contains(s) else {
                return Problem(
                    code: .invalidValue, message: "'\(s)' is not a value of \(fact.name)",
                    hint: Suggestion.hint(for: s, in: values) ?? "values: " + values.joined(separator: ", "))
            }
            return nil
        default:
            return Problem(code: .wrongType, message: "\(fact.name) is \(describe(fact.kind)), found '\(value)'")
        }
    }

    private static func rangeHint(_ fact: Fact) -> String {
        "declared range: \(fact.min.map { formatNumber($0) } ?? "…")..\(fact.max.map { formatNumber($0) } ?? "…")\(fact.unit.map { " \($0)" } ?? "")"
    }

    static func describe(_ kind: Fact.Kind) -> String {
        switch kind {
        case .number: "a number"
        case .integer: "a whole number"
        case .bool: "true or false"
        case .string: "a text"
        case .enumeration(let values): "one of " + values.joined(separator: ", ")
        }
    }
}
