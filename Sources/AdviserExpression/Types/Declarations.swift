/// The variables (facts) an expression may use, each with a type and an integer slot.
/// Names may be dotted (`market.phase`); the checker resolves `market.phase` written as a
/// select chain to the declared name (longest declared prefix wins).
public struct Declarations: Sendable {
    struct Variable: Sendable {
        var name: String
        var type: ExprType
        var enumValues: [String]?
    }

    private(set) var variables: [Variable] = []
    private(set) var slots: [String: Int] = [:]

    /// No declarations.
    public init() {}

    /// Declares (or redeclares, keeping its slot) a variable. `enumValues` lists the allowed
    /// strings of an enum-like `.string` fact; comparing it with another string literal is a
    /// checking error.
    public mutating func declare(_ name: String, type: ExprType, enumValues: [String]? = nil) {
        let variable = Variable(name: name, type: type, enumValues: enumValues)
        if let slot = slots[name] {
            variables[slot] = variable
        } else {
            slots[name] = variables.count
            variables.append(variable)
        }
    }

    package func slot(of name: String) -> Int? { slots[name] }

    /// Declared names in slot order.
    public var names: [String] { variables.map(\.name) }

    /// The declared type of `name`, if it is declared.
    public func type(of name: String) -> ExprType? { slots[name].map { variables[$0].type } }

    /// The allowed values of an enum-like string variable, if it has them.
    public func enumValues(of name: String) -> [String]? { slots[name].flatMap { variables[$0].enumValues } }

    /// Number of slots.
    public var count: Int { variables.count }
}
