// A location is held as an interned file number (`SourceFile`), which means nothing outside this
// process: it is coded as the path itself.

extension SourceLocation: Codable {
    private enum CodingKeys: String, CodingKey {
        case file, line, column
    }

    /// Decodes `file`, `line` and `column`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            file: try c.decode(String.self, forKey: .file), line: try c.decode(Int.self, forKey: .line),
            column: try c.decode(Int.self, forKey: .column))
    }

    /// Encodes `file` (the path), `line` and `column`, 1-based.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
    }
}

extension Located: Codable where Value: Codable {
    private enum CodingKeys: String, CodingKey {
        case value, location
    }

    /// Decodes `value` and `location`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(Value.self, forKey: .value), at: try c.decode(SourceLocation.self, forKey: .location))
    }

    /// Encodes `value` and `location`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(location, forKey: .location)
    }
}
