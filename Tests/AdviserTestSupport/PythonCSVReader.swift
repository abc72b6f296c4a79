import Foundation

/// Reads CSV back with Python's `csv` module, a reader the project did not write, so that a test
/// checks the files against how other programs read them, not against our own reading of them.
public enum PythonCSVReader {
    /// python3 is on the PATH (its `csv` module is part of the standard library).
    public static let available: Bool = (try? ExternalValidators.run("/usr/bin/env", ["python3", "-c", "import csv"]).status) == 0

    /// The rows of a CSV file as Python reads it: `utf-8-sig` drops a byte-order mark, `newline=""`
    /// keeps line breaks inside quoted fields as they are.
    public static func rows(of file: URL, delimiter: Character = ",") throws -> [[String]] {
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
                json.dump(list(csv.reader(f, delimiter=sys.argv[2], strict=True)), sys.stdout)
            """
        let result = try ExternalValidators.run("/usr/bin/env", ["python3", "-c", script, file.path, String(delimiter)])
        guard result.status == 0, let rows = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String]] else {
            throw Failure(message: "python3 could not read \(file.path): \(result.output)")
        }
        return rows
    }

    /// The rows of CSV text as Python reads it.
    public static func rows(of text: String, delimiter: Character = ",") throws -> [[String]] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("adviser-csv-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try rows(of: file, delimiter: delimiter)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
