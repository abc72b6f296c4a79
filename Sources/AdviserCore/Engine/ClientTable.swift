/// The columns of a client list in CSV (`advise --clients clients.csv`), read from its header row,
/// and each later row read as a client for `BatchAdviser` (docs/scale.md).
///
/// Columns: `id`, `segment`, optionally `offerings` (ids separated by spaces, `,`, `;` or `|`), and
/// one per `segment.*` fact, named `segment.price_sensitivity` or `price_sensitivity`; names are
/// read without case or surrounding spaces, in any order. An empty cell is no value: the segment's
/// own fact, the segment's offerings. A header the workspace cannot read is an error before any
/// client is advised; a row that cannot be advised gets its error record, naming its row and
/// column, and never costs another row its advice.
public struct ClientTable: Sendable {
    enum Column: Sendable, Equatable {
        case id, segment, offerings
        case fact(String)
        /// A trailing column with no name (a spreadsheet's stray separator): its cells must be empty.
        case unnamed
    }

    let columns: [Column]
    /// The header's names, as written, for error records.
    let names: [String]
    let facts: [String: Fact]
    /// A `;`-separated file writes numbers with a decimal comma (`0,8`), as Excel does there.
    let decimalComma: Bool

    /// A header that names no id or segment column, a column the workspace does not know, or one
    /// column twice.
    public struct HeaderError: Error, CustomStringConvertible {
        /// 1-based column of the header at fault.
        public var column: Int
        public var message: String
        public var description: String { "row 1, column \(column): \(message)" }
    }

    /// The columns of the header row `header` (the first record), for clients of `workspace`.
    public init(header: [String?], workspace: Workspace, delimiter: UInt8) throws(HeaderError) {
        let segmentFacts = workspace.facts.filter { $0.scope == "segment" }
        var columns: [Column] = []
        var names: [String] = []
        // Trailing unnamed columns are a spreadsheet's stray separators; others are an error.
        let lastNamed = header.lastIndex { $0.map(Self.normalized)?.isEmpty == false } ?? -1
        for (index, raw) in header.enumerated() {
            guard let raw else { throw HeaderError(column: index + 1, message: "the column's name is not valid UTF-8 text") }
            let name = Self.normalized(raw)
            names.append(raw.trimmingCharacters(in: .whitespaces))
            let column: Column
            switch name {
            case "id": column = .id
            case "segment": column = .segment
            case "offerings": column = .offerings
            case "" where index > lastNamed: column = .unnamed
            case "": throw HeaderError(column: index + 1, message: "the column has no name")
            default:
                let short = name.hasPrefix("segment.") ? String(name.dropFirst("segment.".count)) : name
                guard let fact = segmentFacts.first(where: { $0.shortName.lowercased() == short }) else {
                    let known = ["id", "segment", "offerings"] + segmentFacts.map(\.shortName)
                    let hint = Suggestion.hint(for: short, in: known).map { " (\($0))" } ?? ""
                    throw HeaderError(
                        column: index + 1,
                        message: "unknown column '\(raw)'\(hint); a client list has id, segment, offerings and segment facts")
                }
                column = .fact(fact.name)
            }
            if column != .unnamed, let first = columns.firstIndex(of: column) {
                throw HeaderError(column: index + 1, message: "'\(raw)' is the same column as column \(first + 1)")
            }
            columns.append(column)
        }
        for required in [Column.id, .segment] where !columns.contains(required) {
            throw HeaderError(column: 1, message: "the header has no '\(required == .id ? "id" : "segment")' column")
        }
        self.columns = columns
        self.names = names
        self.facts = Dictionary(segmentFacts.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.decimalComma = delimiter == UInt8(ascii: ";")
    }

    private static func normalized(_ name: String) -> String { name.trimmingCharacters(in: .whitespaces).lowercased() }

    /// The client of one record after the header, as batch advice takes it; nil for a blank row.
    public func input(_ record: CSVRecordReader.Record) -> BatchAdviser.InputLine? {
        switch record {
        case .tooLong(let row, let bytes, let limit):
            return .rejected(BatchFailure(.lineTooLong, "row \(row) is \(bytes) bytes long, more than the limit of \(limit)"), client: nil)
        case .unclosedQuote(let row, let field):
            let column = field <= names.count ? names[field - 1] : nil
            return .rejected(
                BatchFailure(
                    .unclosedQuote, "row \(row): a quoted field is never closed, so the rest of the file is in it", column: column),
                client: nil)
        case .fields(let fields, let row):
            return input(fields, row: row)
        }
    }

    private func input(_ fields: [String?], row: Int) -> BatchAdviser.InputLine? {
        if fields.allSatisfy({ $0?.trimmingCharacters(in: .whitespaces).isEmpty == true }) { return nil }
        func cell(_ column: Column) -> String? {
            columns.firstIndex(of: column).flatMap { $0 < fields.count ? fields[$0]?.trimmingCharacters(in: .whitespaces) : nil }
        }
        let client = cell(.id).flatMap { $0.isEmpty ? nil : $0 }
        func rejected(_ code: BatchErrorCode, _ message: String, column: Int?) -> BatchAdviser.InputLine {
            .rejected(BatchFailure(code, message, column: column.map { $0 < names.count ? names[$0] : "" }), client: client)
        }
        if let bad = fields.firstIndex(where: { $0 == nil }) {
            return rejected(.invalidUTF8, "row \(row), column \(bad + 1) is not valid UTF-8 text", column: bad)
        }
        for index in fields.indices where (index >= columns.count || columns[index] == .unnamed) && fields[index]?.isEmpty == false {
            return rejected(.extraField, "row \(row) has a value in column \(index + 1), beyond the header's named columns", column: nil)
        }
        guard let client else {
            return rejected(.missingKey, "row \(row) has no id", column: columns.firstIndex(of: .id))
        }
        guard let segment = cell(.segment), !segment.isEmpty else {
            return rejected(.missingKey, "row \(row) has no segment", column: columns.firstIndex(of: .segment))
        }
        var input = ClientInput(id: client, segment: segment, facts: [])
        input.segmentColumn = columns.firstIndex(of: .segment).map { names[$0] }
        for (index, column) in columns.enumerated() {
            guard case .fact(let name) = column, let fact = facts[name], let text = cell(column), !text.isEmpty else { continue }
            if let value = value(text, for: fact) {
                input.facts.append(.value(fact, value, column: names[index]))
            } else {
                input.facts.append(.invalid(BatchFailure(
                    .wrongType, "\(fact.name) is \(FactCheck.describe(fact.kind)), found '\(text)'", column: names[index])))
            }
        }
        if let offerings = cell(.offerings), !offerings.isEmpty {
            input.offerings = .success(offerings.split { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "|" }.map(String.init))
            input.offeringsColumn = columns.firstIndex(of: .offerings).map { names[$0] }
        }
        return .client(input)
    }

    /// A cell's text as a value of the fact's type, or nil when it is none: numbers with a decimal
    /// point (or, in a `;`-separated file, a decimal comma) and no grouping; true/false, yes/no or 1/0.
    private func value(_ text: String, for fact: Fact) -> FactValue? {
        switch fact.kind {
        case .number, .integer:
            let number = decimalComma && !text.contains(".") ? text.replacingOccurrences(of: ",", with: ".") : text
            guard let value = Double(number), value.isFinite else { return nil }
            return .number(value)
        case .bool:
            switch text.lowercased() {
            case "true", "yes", "1": return .bool(true)
            case "false", "no", "0": return .bool(false)
            default: return nil
            }
        case .string, .enumeration:
            return .string(text)
        }
    }
}
