import AdviserExpression

/// The comparison operators on a number.
enum Comparison: Hashable, Sendable {
    case less, lessEqual, greater, greaterEqual, equal, notEqual

    init?(function: String) {
        switch function {
        case Operator.less: self = .less
        case Operator.lessEqual: self = .lessEqual
        case Operator.greater: self = .greater
        case Operator.greaterEqual: self = .greaterEqual
        case Operator.equal: self = .equal
        case Operator.notEqual: self = .notEqual
        default: return nil
        }
    }

    /// The expression language's name of the operator (`_<_`).
    var function: String {
        switch self {
        case .less: Operator.less
        case .lessEqual: Operator.lessEqual
        case .greater: Operator.greater
        case .greaterEqual: Operator.greaterEqual
        case .equal: Operator.equal
        case .notEqual: Operator.notEqual
        }
    }

    var negated: Comparison {
        switch self {
        case .less: .greaterEqual
        case .lessEqual: .greater
        case .greater: .lessEqual
        case .greaterEqual: .less
        case .equal: .notEqual
        case .notEqual: .equal
        }
    }

    /// `3 < x` is `x > 3`.
    var mirrored: Comparison {
        switch self {
        case .less: .greater
        case .lessEqual: .greaterEqual
        case .greater: .less
        case .greaterEqual: .lessEqual
        case .equal, .notEqual: self
        }
    }

    var symbol: String {
        switch self {
        case .less: "<"
        case .lessEqual: "<="
        case .greater: ">"
        case .greaterEqual: ">="
        case .equal: "=="
        case .notEqual: "!="
        }
    }
}
