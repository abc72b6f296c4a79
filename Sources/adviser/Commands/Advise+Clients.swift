import AdviserCore
import ArgumentParser
import Foundation

extension Adviser.Advise {
    /// `--clients FILE|-`: advice for every client of a JSON Lines file, streamed in input order.
    func adviseClients(_ path: String, engine: AdviceEngine, scenario: Scenario) async throws {
        // --clients writes JSON Lines: json is implied, any other format asked for is refused.
        guard output.chosenFormat == nil || output.chosenFormat == .json else {
            throw WorkspaceSession.usage("--clients writes JSON Lines; use it with --format json (or leave --format out)")
        }
        let input: FileHandle
        if path == "-" {
            input = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw WorkspaceSession.usage("the clients file \(path) is a folder")
            }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw WorkspaceSession.usage("cannot read the clients file \(path)")
            }
            input = handle
        }
        let batch = BatchAdviser(engine: engine, scenario: scenario, options: .init(explain: explain, today: WorkspaceSession.today))
        let sink = try OutputSink(path: output.output)
        var reader = LineReader(handle: input)
        var number = 0
        var progress = Progress(enabled: isatty(STDERR_FILENO) == 1)
        // Chunks keep memory constant and give both cores a share; output order is input order.
        while true {
            var chunk: [(number: Int, line: BatchAdviser.InputLine)] = []
            while chunk.count < BatchAdviser.clientsPerChunk, let line = try Self.next(&reader, path: path) {
                number += 1
                chunk.append((number, line))
            }
            if chunk.isEmpty { break }
            try sink.write(await batch.adviseRecords(chunk: chunk))
            progress.update(number)
        }
        progress.finish(number)
        try sink.close()
    }
}

extension Adviser.Advise {
    /// The next line, or a usage error naming the file when it cannot be read (a folder, an I/O error).
    fileprivate static func next(_ reader: inout LineReader, path: String) throws -> BatchAdviser.InputLine? {
        do {
            return try reader.next()
        } catch {
            throw WorkspaceSession.usage("cannot read the clients file \(path): \(error.localizedDescription)")
        }
    }
}

/// Standard output, or a report file written atomically (`ReportWriter`), fed in blocks as the
/// clients are advised: memory stays constant however many there are.
private final class OutputSink {
    private let file: ReportWriter?
    private var pending = Data()

    init(path: String?) throws {
        guard let path else {
            file = nil
            return
        }
        do {
            file = try ReportWriter(path: path)
        } catch {
            throw WorkspaceSession.usage(error.description)
        }
    }

    /// Each client's records, one line each, in order.
    func write(_ records: [[[UInt8]]]) throws {
        for lines in records {
            for line in lines { try write(line) }
        }
    }

    func write(_ line: [UInt8]) throws {
        pending.append(contentsOf: line)
        pending.append(UInt8(ascii: "\n"))
        if pending.count > 1 << 16 { try flush() }
    }

    /// A failed write (a full disk) ends the run with an error instead of trapping; a report file
    /// keeps its previous content.
    private func flush() throws {
        do {
            if let file {
                try file.write(pending)
            } else {
                try FileHandle.standardOutput.write(contentsOf: pending)
            }
        } catch let failure as ReportWriter.Failure {
            throw WorkspaceSession.usage(failure.description)
        } catch {
            throw WorkspaceSession.usage("cannot write the output: \(error.localizedDescription)")
        }
        pending.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        do {
            try file?.commit()
        } catch {
            throw WorkspaceSession.usage(error.description)
        }
    }
}

/// "advised 12000 clients" on a terminal, at most every quarter second.
private struct Progress {
    let enabled: Bool
    private var last = Date.distantPast

    init(enabled: Bool) { self.enabled = enabled }

    mutating func update(_ count: Int) {
        guard enabled, Date().timeIntervalSince(last) > 0.25 else { return }
        last = Date()
        Console.progress("\radvised \(count) client lines…")
    }

    func finish(_ count: Int) {
        guard enabled else { return }
        Console.progress("\radvised \(count) client lines.   \n")
    }
}
