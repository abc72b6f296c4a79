import Foundation

/// One way to break a workspace, with the place the diagnostic must point at marked by `⏵`
/// inside the replacement text (the marker is removed before the file is written).
public struct Breakage: CustomStringConvertible, Sendable {
    public var file: String
    public var old: String
    public var new: String

    public init(_ file: String, replacing old: String, with new: String) {
        self.file = file
        self.old = old
        self.new = new
    }

    public static let marker: Character = "⏵"

    public var description: String { "\(file): '\(old)' → '\(new)'" }
}

/// The expected location of a marked breakage: (file relative to the workspace, line, column).
public struct MarkedLocation: Equatable, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

extension TemporaryWorkspace {
    /// Applies the breakages and returns where the marker stood (nil when none had a marker).
    @discardableResult
    public func apply(_ breakages: [Breakage]) throws -> MarkedLocation? {
        var marked: MarkedLocation?
        for breakage in breakages {
            let text = try read(breakage.file)
            guard let range = text.range(of: breakage.old) else {
                throw FixtureError("'\(breakage.old)' not found in \(breakage.file)")
            }
            var edited = text.replacingCharacters(in: range, with: breakage.new)
            if let index = edited.firstIndex(of: Breakage.marker) {
                let before = edited[..<index]
                let line = before.count { $0 == "\n" } + 1
                let lineStart = before.lastIndex(of: "\n").map { edited.index(after: $0) } ?? edited.startIndex
                let column = edited.unicodeScalars[lineStart..<index].count + 1
                marked = MarkedLocation(file: breakage.file, line: line, column: column)
                edited.remove(at: index)
            }
            try write(breakage.file, edited)
        }
        return marked
    }
}
