// Columns of plain-text reports, lined up by characters as a terminal shows them.

extension String {
    /// The text followed by spaces up to `width` characters; a longer text stays whole.
    func padded(to width: Int) -> String {
        let count = self.count
        return count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// The text without the spaces at its end (a line whose last columns are empty).
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.utf8.last == UInt8(ascii: " ") { text.removeLast() }
        return text
    }
}
