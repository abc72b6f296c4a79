import AdviserCore
import ArgumentParser
import Foundation

extension Adviser.Advise {
    /// `--clients FILE|-`: advice for every client of a JSON Lines file, or of a CSV file (by its
    /// `.csv` name), streamed in input order, as JSON Lines or (`--format csv`) CSV.
    func adviseClients(
        _ path: String, format: AdviceFormat, options: ReportOptions, engine: AdviceEngine, scenario: Scenario
    ) async throws {
        guard format == .json || format == .csv else {
            throw WorkspaceSession.usage("--clients writes JSON Lines or CSV; use it with --format json or csv (or leave --format out)")
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
        let isCSV = path.lowercased().hasSuffix(".csv")
        let output: BatchAdviser.Output = format == .csv ? .csv(CSVWriter.Dialect(options)) : .jsonLines
        let batch = BatchAdviser(
            engine: engine, scenario: scenario, options: .init(explain: explain, today: WorkspaceSession.today),
            position: isCSV ? .row : .line, output: output)
        let next = try isCSV ? Self.csvClients(input, path: path, workspace: engine.workspace) : Self.jsonLines(input, path: path)
        let sink = try OutputSink(path: self.output.output, terminator: batch.recordTerminator)
        if let header = batch.csvHeader { try sink.write(Array(header.utf8), terminated: false) }
        var count = 0
        var progress = Progress(enabled: isatty(STDERR_FILENO) == 1)
        // Chunks keep memory constant and give both cores a share; output order is input order.
        while true {
            var chunk: [(number: Int, line: BatchAdviser.InputLine)] = []
            while chunk.count < BatchAdviser.clientsPerChunk, let client = try next() {
                chunk.append(client)
            }
            if chunk.isEmpty { break }
            count += chunk.count
            try sink.write(await batch.adviseRecords(chunk: chunk))
            progress.update(count)
        }
        progress.finish(count)
        try sink.close()
    }
}

extension Adviser.Advise {
    /// The clients of a JSON Lines file, numbered by line.
    fileprivate static func jsonLines(_ input: FileHandle, path: String) -> () throws -> (number: Int, line: BatchAdviser.InputLine)? {
        var reader = LineReader(handle: input)
        var number = 0
        return {
            guard let line = try readable(path, { try reader.next() }) else { return nil }
            number += 1
            return (number, line)
        }
    }

    /// The clients of a CSV file, numbered by row as a spreadsheet shows them; its header row is
    /// read first, and one the workspace cannot read stops the run before any client is advised.
    fileprivate static func csvClients(
        _ input: FileHandle, path: String, workspace: Workspace
    ) throws -> () throws -> (number: Int, line: BatchAdviser.InputLine)? {
        var reader = CSVRecordReader { try input.read(upToCount: 1 << 16).map { Array($0) } }
        guard case .fields(let header, _)? = try readable(path, { try reader.next() }) else {
            throw WorkspaceSession.usage("the clients file \(path) has no header row (id, segment, offerings, segment facts)")
        }
        let table: ClientTable
        do {
            table = try ClientTable(header: header, workspace: workspace, delimiter: reader.delimiter ?? UInt8(ascii: ","))
        } catch {
            throw WorkspaceSession.usage("\(path): \(error)")
        }
        return {
            while let record = try readable(path, { try reader.next() }) {
                if let line = table.input(record) { return (record.row, line) }
            }
            return nil
        }
    }

    /// What `read` reads, or a usage error naming the file when it cannot be read (a folder, an I/O error).
    fileprivate static func readable<T>(_ path: String, _ read: () throws -> T) throws -> T {
        do {
            return try read()
        } catch {
            throw WorkspaceSession.usage("cannot read the clients file \(path): \(error.localizedDescription)")
        }
    }
}

/// Standard output, or a report file written atomically (`ReportWriter`), fed in blocks as the
/// clients are advised: memory stays constant however many there are.
private final class OutputSink {
    private let file: ReportWriter?
    private let terminator: [UInt8]
    private var pending = Data()

    init(path: String?, terminator: [UInt8]) throws {
        self.terminator = terminator
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

    func write(_ line: [UInt8], terminated: Bool = true) throws {
        pending.append(contentsOf: line)
        if terminated { pending.append(contentsOf: terminator) }
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
        Console.progress("\radvised \(count) clients…")
    }

    func finish(_ count: Int) {
        guard enabled else { return }
        Console.progress("\radvised \(count) clients.   \n")
    }
}
