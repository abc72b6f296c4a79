import AdviserExpression
import Foundation
import Synchronization

/// Advice for a client base, one client per JSON line: a stateless filter from client records to
/// advice records (docs/scale.md), so any batch system can run it on shards.
///
/// Input line: `{"id": "c-1", "segment": "micro-retail", "facts": {"price_sensitivity": 0.9},
/// "offerings": ["bookkeeping"]}` (`facts` and `offerings` optional). Output: one line per client ×
/// offering, `{"client": …, "line": …, "advice": {…}}`, or one error line `{"client": …, "line": …,
/// "error": {"code": …, "message": …}}` for a bad input line; the other lines are still advised.
package struct BatchAdviser: Sendable {
    package let engine: AdviceEngine
    package let scenario: Scenario
    package let options: AdviceEngine.Options

    /// One engine and one set of prepared facts per core. Advice retains and releases the compiled
    /// rules, their programs and prewritten records hundreds of times per client; with every core on
    /// the same objects, every reference count bounced between caches and a second core added little.
    /// Each worker has its own copies, so its counts stay in its own cache.
    private let replicas: [Replica]

    private struct Replica: Sendable {
        let engine: AdviceEngine
        /// The facts of each offering × segment under the scenario, made once for all clients; by
        /// offering position, then segment position in the workspace.
        let prepared: [[Activation]]
    }

    package init(engine: AdviceEngine, scenario: Scenario, options: AdviceEngine.Options = .init()) {
        self.engine = engine
        self.scenario = scenario
        self.options = options
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        self.replicas = (0..<cores).map { core in
            // The engine compiled this workspace already, so compiling it again cannot fail.
            var replica = core == 0 ? engine : (try? AdviceEngine(workspace: engine.workspace)) ?? engine
            replica.balancer = engine.balancer
            return Replica(engine: replica, prepared: Self.prepare(replica, scenario: scenario))
        }
    }

    private static func prepare(_ engine: AdviceEngine, scenario: Scenario) -> [[Activation]] {
        engine.workspace.offerings.map { offering in
            engine.workspace.segments.map { segment in
                FactActivation.make(
                    declarations: engine.declarations, workspace: engine.workspace, offering: offering, segment: segment,
                    scenario: scenario, overrides: [:])
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
            [Self.failure(code, message, number: number, client: client)]
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
        guard let segmentIndex = engine.workspace.segments.firstIndex(where: { $0.id == segmentID }) else {
            let hint = Suggestion.hint(for: segmentID, in: engine.workspace.segments.map(\.id)).map { " (\($0))" } ?? ""
            return failure(.unknownSegment, "unknown segment '\(segmentID)'\(hint)", client: client)
        }
        let segment = engine.workspace.segments[segmentIndex]
        var overrides = options.overrides
        if let facts = object["facts"] {
            guard case .object(let facts) = facts else { return failure(.wrongType, "\"facts\" must be an object", client: client) }
            for name in facts.keys.sorted() {
                guard let fact = engine.workspace.fact("segment.\(name)") else {
                    let hint = Suggestion.hint(for: name, in: engine.workspace.facts.filter { $0.scope == "segment" }.map(\.shortName))
                    return failure(.unknownFact, "'segment.\(name)' is not declared in facts.yaml" + (hint.map { " (\($0))" } ?? ""), client: client)
                }
                guard let value = facts[name]!.factValue else {
                    return failure(.wrongType, "segment.\(name) must be a number, true/false or a text", client: client)
                }
                if let problem = FactCheck.problem(value, for: fact) {
                    return failure(BatchErrorCode(factProblem: problem.code), problem.message, client: client)
                }
                overrides[fact.name] = value
            }
        }
        // Offerings by position in the workspace, where their prepared facts are: the ones the
        // segment is offered, unless the client line names its own.
        var offerings = engine.workspace.offerings.indices.filter { segment.isOffered(engine.workspace.offerings[$0].id) }
        if let wanted = object["offerings"] {
            guard case .array(let items) = wanted, case let ids = items.compactMap(\.text), ids.count == items.count else {
                return failure(.wrongType, "\"offerings\" must be a list of offering ids", client: client)
            }
            offerings = []
            for id in ids {
                guard let index = engine.workspace.offerings.firstIndex(where: { $0.id == id }) else {
                    let hint = Suggestion.hint(for: id, in: engine.workspace.offerings.map(\.id)).map { " (\($0))" } ?? ""
                    return failure(.unknownOffering, "unknown offering '\(id)'\(hint)", client: client)
                }
                offerings.append(index)
            }
        }
        var options = self.options
        options.overrides = overrides
        options.segmentIndex = segmentIndex
        return offerings.map { offeringIndex in
            var options = options
            options.preparedFacts = replica.prepared[offeringIndex][segmentIndex]
            let offering = engine.workspace.offerings[offeringIndex]
            let advice = engine.advise(offering: offering, segment: segment, scenario: scenario, options: options)
            var writer = JSONWriter(capacity: 16_384)
            writer.beginObject()
            writer.key("advice")
            AdviceJSON.write(advice, explain: options.explain, to: &writer)
            writer.member("client", client)
            writer.member("line", number)
            writer.endObject()
            return writer.bytes
        }
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
            return [Self.failure(.invalidUTF8, "line \(number) is not valid UTF-8 text", number: number)]
        case .tooLong(let bytes, let limit):
            return [Self.failure(.lineTooLong, "line \(number) is \(bytes) bytes long, more than the limit of \(limit)", number: number)]
        }
    }

    /// The error record of a line that cannot be advised (docs/scale.md).
    private static func failure(_ code: BatchErrorCode, _ message: String, number: Int, client: String? = nil) -> [UInt8] {
        var record: JSONObject = [
            "line": .number(Double(number)), "error": .object(["code": .string(code.rawValue), "message": .string(message)]),
        ]
        if let client { record["client"] = .string(client) }
        return Array(JSONValue.object(record).serialized().utf8)
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

/// A JSON value as read from a client line; decoded by hand so that `true` and `1` stay distinct.
enum InputJSON: Decodable {
    case null, bool(Bool), number(Double), string(String), array([InputJSON]), object([String: InputJSON])

    /// A JSON value is of exactly one kind, so the order of the attempts changes nothing but their
    /// cost: each wrong guess throws an error. The kinds most values of a client line have come
    /// first (the id and the segment are strings, facts numbers).
    init(from decoder: Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let s = try? single.decode(String.self) {
            self = .string(s)
        } else if let container = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [String: InputJSON] = [:]
            for key in container.allKeys { members[key.stringValue] = try container.decode(InputJSON.self, forKey: key) }
            self = .object(members)
        } else if let n = try? single.decode(Double.self) {
            self = .number(n)
        } else if let b = try? single.decode(Bool.self) {
            self = .bool(b)
        } else {
            var container = try decoder.unkeyedContainer()
            var items: [InputJSON] = []
            while !container.isAtEnd { items.append(try container.decode(InputJSON.self)) }
            self = .array(items)
        }
    }

    var text: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var factValue: FactValue? {
        switch self {
        case .bool(let b): .bool(b)
        case .number(let n): .number(n)
        case .string(let s): .string(s)
        default: nil
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
