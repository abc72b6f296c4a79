import AdviserExpression
import Foundation
import Synchronization

/// Advice for a client base, one client per JSON line or CSV row: a stateless filter from client
/// records to advice records (docs/scale.md), so any batch system can run it on shards.
///
/// Input line: `{"id": "c-1", "segment": "micro-retail", "facts": {"price_sensitivity": 0.9},
/// "offerings": ["bookkeeping"]}` (`facts` and `offerings` optional); a CSV row has the same in
/// columns (`ClientTable`). Output: one record per client × offering, `{"client": …, "line": …,
/// "advice": {…}}`, or one error record `{"client": …, "line": …, "error": {"code": …, "message": …}}`
/// for a bad input; the others are still advised. Records of CSV rows say `row` (and the `column`
/// at fault) where those of lines say `line`; as CSV, each record is the advice's rows
/// (`AdviceCSVReporter`), after the client and its line or row.
package struct BatchAdviser: Sendable {
    package let engine: AdviceEngine
    package let scenario: Scenario
    package let options: AdviceEngine.Options
    /// How records name where their client was in the input.
    package let position: Position
    /// What records are written as.
    package let output: Output

    /// One engine and one set of prepared facts per core. Advice retains and releases the compiled
    /// rules, their programs and prewritten records hundreds of times per client; with every core on
    /// the same objects, every reference count bounced between caches and a second core added little.
    /// Each worker has its own copies, so its counts stay in its own cache.
    private let replicas: [Replica]

    private struct Replica: Sendable {
        let engine: AdviceEngine
        /// What advice on each offering × segment starts from under the scenario, prepared once for
        /// all clients; by offering position, then segment position in the workspace.
        let prepared: [[PreparedAdvice]]
    }

    /// Where a client was in the input: the line of a JSON Lines file, or the row of a CSV file as a
    /// spreadsheet numbers it (the header is row 1).
    package enum Position: String, Sendable {
        case line, row
    }

    /// JSON Lines, or CSV rows in a dialect.
    package enum Output: Sendable {
        case jsonLines
        case csv(CSVWriter.Dialect)
    }

    package init(
        engine: AdviceEngine, scenario: Scenario, options: AdviceEngine.Options = .init(), position: Position = .line,
        output: Output = .jsonLines
    ) {
        self.engine = engine
        self.scenario = scenario
        self.options = options
        self.position = position
        self.output = output
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        self.replicas = (0..<cores).map { core in
            // The engine compiled this workspace already, so compiling it again cannot fail.
            var replica = core == 0 ? engine : (try? AdviceEngine(workspace: engine.workspace)) ?? engine
            replica.balancer = engine.balancer
            return Replica(engine: replica, prepared: Self.prepare(replica, scenario: scenario))
        }
    }

    private static func prepare(_ engine: AdviceEngine, scenario: Scenario) -> [[PreparedAdvice]] {
        engine.workspace.offerings.indices.map { offeringIndex in
            engine.workspace.segments.indices.map { segmentIndex in
                PreparedAdvice(engine: engine, offeringIndex: offeringIndex, segmentIndex: segmentIndex, scenario: scenario)
            }
        }
    }

    static let keys: Set<String> = ["id", "segment", "facts", "offerings"]

    /// The output lines for one input line (without newlines). A blank line gives none.
    package func advise(line: String, number: Int) -> [String] {
        advise(line: line, number: number, replica: replicas[0]).map(Self.text)
    }

    /// Output records are made as UTF-8 bytes, and stay bytes on their way to the output: turning a
    /// record, kilobytes of JSON, into a `String` validated every byte once more.
    private static func text(_ record: [UInt8]) -> String { String(decoding: record, as: UTF8.self) }

    private func advise(line: String, number: Int, replica: Replica) -> [[UInt8]] {
        let engine = replica.engine
        let trimmed = Self.trimmed(line)
        guard !trimmed.isEmpty else { return [] }
        func failure(_ code: BatchErrorCode, _ message: String, client: String? = nil) -> [[UInt8]] {
            [failureRecord(BatchFailure(code, message), number: number, client: client)]
        }
        guard case .object(let object)? = try? JSONDecoder().decode(InputJSON.self, from: Data(trimmed.utf8)) else {
            return failure(.invalidJSON, "line \(number) is not a JSON object")
        }
        let client = object["id"]?.text
        if let unknown = object.keys.sorted().first(where: { !Self.keys.contains($0) }) {
            let hint = Suggestion.hint(for: unknown, in: Self.keys).map { " (\($0))" } ?? ""
            return failure(.unknownKey, "unknown key '\(unknown)'\(hint); a client line has id, segment, facts, offerings", client: client)
        }
        guard let client else { return failure(.missingKey, "the client has no \"id\" (text)") }
        guard let segmentID = object["segment"]?.text else {
            return failure(.missingKey, "the client has no \"segment\" (a segment id)", client: client)
        }
        var input = ClientInput(id: client, segment: segmentID, facts: [])
        if let facts = object["facts"] {
            guard case .object(let facts) = facts else {
                input.facts = [.invalid(BatchFailure(.wrongType, "\"facts\" must be an object"))]
                return advise(input, number: number, replica: replica)
            }
            for name in facts.keys.sorted() {
                guard let fact = engine.workspace.fact("segment.\(name)") else {
                    let hint = Suggestion.hint(for: name, in: engine.workspace.facts.filter { $0.scope == "segment" }.map(\.shortName))
                    input.facts.append(.invalid(BatchFailure(.unknownFact, "'segment.\(name)' is not declared in facts.yaml" + (hint.map { " (\($0))" } ?? ""))))
                    break
                }
                guard let value = facts[name]!.factValue else {
                    input.facts.append(.invalid(BatchFailure(.wrongType, "segment.\(name) must be a number, true/false or a text")))
                    break
                }
                input.facts.append(.value(fact, value, column: nil))
            }
        }
        if let wanted = object["offerings"] {
            if case .array(let items) = wanted, case let ids = items.compactMap(\.text), ids.count == items.count {
                input.offerings = .success(ids)
            } else {
                input.offerings = .failure(BatchFailure(.wrongType, "\"offerings\" must be a list of offering ids"))
            }
        }
        return advise(input, number: number, replica: replica)
    }

    /// The records of one client, however it was read: each check in the same order (segment,
    /// facts, offerings), the first problem its error record.
    private func advise(_ client: ClientInput, number: Int, replica: Replica) -> [[UInt8]] {
        let engine = replica.engine
        func failure(_ problem: BatchFailure) -> [[UInt8]] {
            [failureRecord(problem, number: number, client: client.id)]
        }
        guard let segmentIndex = engine.workspace.segments.firstIndex(where: { $0.id == client.segment }) else {
            let hint = Suggestion.hint(for: client.segment, in: engine.workspace.segments.map(\.id)).map { " (\($0))" } ?? ""
            return failure(BatchFailure(.unknownSegment, "unknown segment '\(client.segment)'\(hint)", column: client.segmentColumn))
        }
        let segment = engine.workspace.segments[segmentIndex]
        var overrides = options.overrides
        for fact in client.facts {
            switch fact {
            case .invalid(let problem):
                return failure(problem)
            case .value(let fact, let value, let column):
                if let problem = FactCheck.problem(value, for: fact) {
                    return failure(BatchFailure(BatchErrorCode(factProblem: problem.code), problem.message, column: column))
                }
                overrides[fact.name] = value
            }
        }
        // Offerings by position in the workspace, where their prepared advice is: the ones the
        // segment is offered, unless the client names its own.
        var offerings = engine.workspace.offerings.indices.filter { segment.isOffered(engine.workspace.offerings[$0].id) }
        switch client.offerings {
        case nil:
            break
        case .failure(let problem)?:
            return failure(problem)
        case .success(let ids)?:
            offerings = []
            for id in ids {
                guard let index = engine.workspace.offerings.firstIndex(where: { $0.id == id }) else {
                    let hint = Suggestion.hint(for: id, in: engine.workspace.offerings.map(\.id)).map { " (\($0))" } ?? ""
                    return failure(BatchFailure(.unknownOffering, "unknown offering '\(id)'\(hint)", column: client.offeringsColumn))
                }
                offerings.append(index)
            }
        }
        var options = self.options
        options.overrides = overrides
        return offerings.map { offeringIndex in
            var options = options
            options.prepared = replica.prepared[offeringIndex][segmentIndex]
            let offering = engine.workspace.offerings[offeringIndex]
            let advice = engine.advise(offering: offering, segment: segment, scenario: scenario, options: options)
            return adviceRecord(advice, number: number, client: client.id)
        }
    }

    /// The record of one advice: a JSON object, or the advice's CSV rows.
    private func adviceRecord(_ advice: Advice, number: Int, client: String) -> [UInt8] {
        guard case .csv(let dialect) = output else {
            var writer = JSONWriter(capacity: 16_384)
            writer.beginObject()
            writer.key("advice")
            AdviceJSON.write(advice, explain: options.explain, to: &writer)
            writer.member("client", client)
            switch position {
            case .line: writer.member("line", number)
            case .row: writer.member("row", number)
            }
            writer.endObject()
            return writer.bytes
        }
        let csv = CSVWriter(dialect: dialect)
        let rows = AdviceCSVReporter.rows(advice, in: csv).map { csv.line([client, String(number)] + $0 + ["", "", ""]) }
        return Self.withoutLastTerminator(rows.joined())
    }

    /// The line without the spaces and tabs around it. Most lines have none, and are seen to have
    /// none from their first and last bytes (ASCII, neither space nor tab), without trimming by
    /// character set, which is slow for what it does here.
    private static func trimmed(_ line: String) -> String {
        let utf8 = line.utf8
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
            first != 0x20, first != 0x09, last != 0x20, last != 0x09 {
            return line
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// One input line as read: its text, or why it has none. A line that is not UTF-8, or longer than
    /// the reader takes, still gets its own error record, so no line is lost and none moves.
    package enum InputLine: Sendable {
        case text(String)
        case invalidUTF8
        case tooLong(bytes: Int, limit: Int)
        /// A client read from a CSV row (`ClientTable`).
        case client(ClientInput)
        /// A CSV row that is no client, and why.
        case rejected(BatchFailure, client: String?)
    }

    /// The output lines for one input line as read.
    package func advise(_ input: InputLine, number: Int) -> [String] {
        advise(input, number: number, replica: replicas[0]).map(Self.text)
    }

    private func advise(_ input: InputLine, number: Int, replica: Replica) -> [[UInt8]] {
        switch input {
        case .text(let line):
            return advise(line: line, number: number, replica: replica)
        case .invalidUTF8:
            return [failureRecord(BatchFailure(.invalidUTF8, "line \(number) is not valid UTF-8 text"), number: number)]
        case .tooLong(let bytes, let limit):
            return [failureRecord(BatchFailure(.lineTooLong, "line \(number) is \(bytes) bytes long, more than the limit of \(limit)"), number: number)]
        case .client(let client):
            return advise(client, number: number, replica: replica)
        case .rejected(let problem, let client):
            return [failureRecord(problem, number: number, client: client)]
        }
    }

    /// The error record of a client that cannot be advised (docs/scale.md).
    private func failureRecord(_ problem: BatchFailure, number: Int, client: String? = nil) -> [UInt8] {
        guard case .csv(let dialect) = output else {
            var record: JSONObject = [
                position.rawValue: .number(Double(number)),
                "error": .object(["code": .string(problem.code.rawValue), "message": .string(problem.message)]),
            ]
            if let client { record["client"] = .string(client) }
            if let column = problem.column { record["column"] = .string(column) }
            return Array(JSONValue.object(record).serialized().utf8)
        }
        let empty = Array(repeating: "", count: AdviceCSVReporter.columns.count)
        let fields = [client ?? "", String(number)] + empty + [problem.code.rawValue, problem.column ?? "", problem.message]
        return Self.withoutLastTerminator(CSVWriter(dialect: dialect).line(fields))
    }

    /// The header row of CSV output, byte-order mark included where the dialect has one; nil for
    /// JSON Lines. Each record then follows as rows.
    package var csvHeader: String? {
        guard case .csv(let dialect) = output else { return nil }
        var csv = CSVWriter(dialect: dialect)
        csv.row(["client", position.rawValue] + AdviceCSVReporter.columns + ["error_code", "error_column", "error_message"])
        return csv.text
    }

    /// What ends each record in the output: a newline for JSON Lines, CRLF for CSV (RFC 4180).
    package var recordTerminator: [UInt8] {
        if case .csv = output { return Array("\r\n".utf8) }
        return [UInt8(ascii: "\n")]
    }

    /// Records are written without their terminator, which the writer adds after each.
    private static func withoutLastTerminator(_ rows: String) -> [UInt8] {
        Array(rows.utf8.dropLast(2))
    }

    /// Advises a chunk of numbered lines on every core, and returns the output in input order.
    package func advise(chunk: [(number: Int, text: String)]) async -> [[String]] {
        await advise(chunk: chunk.map { (number: $0.number, line: InputLine.text($0.text)) })
    }

    /// Advises a chunk of numbered lines as read on every core, and returns the output in input order.
    package func advise(chunk: [(number: Int, line: InputLine)]) async -> [[String]] {
        await adviseRecords(chunk: chunk).map { $0.map(Self.text) }
    }

    /// Clients to advise together in one `adviseRecords(chunk:)`: enough that starting and ending
    /// a chunk costs little, few enough that its records, kilobytes per client and offering, keep
    /// memory small. The CLI and the benchmark both use it.
    package static let clientsPerChunk = 1_024

    /// As `advise(chunk:)`, with each output record as UTF-8 bytes (no newline), ready to write.
    package func adviseRecords(chunk: [(number: Int, line: InputLine)]) async -> [[[UInt8]]] {
        let workers = max(1, min(replicas.count, chunk.count))
        // Handed out in small pieces as workers free up: with a fixed share each, one core idled
        // at the end of every chunk while the other finished a share that took longer.
        let pieceSize = max(1, chunk.count / (workers * 8))
        let pieces = (chunk.count + pieceSize - 1) / pieceSize
        let counter = PieceCounter()
        return await withTaskGroup(of: [(piece: Int, records: [[[UInt8]]])].self) { group in
            for worker in 0..<workers {
                let replica = replicas[worker]
                group.addTask {
                    var done: [(piece: Int, records: [[[UInt8]]])] = []
                    while let piece = counter.next(below: pieces) {
                        let lines = chunk[piece * pieceSize..<min((piece + 1) * pieceSize, chunk.count)]
                        done.append((piece, lines.map { self.advise($0.line, number: $0.number, replica: replica) }))
                    }
                    return done
                }
            }
            var outputs = Array(repeating: [[[UInt8]]](), count: pieces)
            for await done in group {
                for (piece, records) in done { outputs[piece] = records }
            }
            return outputs.flatMap { $0 }
        }
    }

    /// The next piece of a chunk to advise, shared by the workers.
    private final class PieceCounter: Sendable {
        private let taken = Atomic<Int>(0)

        func next(below count: Int) -> Int? {
            let piece = taken.add(1, ordering: .relaxed).oldValue
            return piece < count ? piece : nil
        }
    }
}

