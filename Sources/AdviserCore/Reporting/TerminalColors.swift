/// ANSI colours for terminal output; `.none` when output is not a terminal or NO_COLOR is set.
package struct TerminalColors: Sendable {
    package var enabled: Bool

    package init(enabled: Bool) { self.enabled = enabled }

    package static let none = TerminalColors(enabled: false)

    private func wrap(_ code: String, _ text: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    package func bold(_ text: String) -> String { wrap("1", text) }
    package func dim(_ text: String) -> String { wrap("2", text) }
    package func red(_ text: String) -> String { wrap("31", text) }
    package func green(_ text: String) -> String { wrap("32", text) }
    package func yellow(_ text: String) -> String { wrap("33", text) }
    package func cyan(_ text: String) -> String { wrap("36", text) }
}
