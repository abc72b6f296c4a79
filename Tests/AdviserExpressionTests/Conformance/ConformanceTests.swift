import Foundation
import Testing
import AdviserExpression

/// Runs Google's CEL conformance suite (JSON form, see its README.md) against the whole
/// pipeline: Parser → Checker → Program.
struct ConformanceTests {
    /// `CEL_CONFORMANCE_DIR`, else `shared/conformance/cel` beside the package root (or one
    /// level further up), as laid out on the dev machine and in CI.
    static let directory: URL? = {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["CEL_CONFORMANCE_DIR"], !env.isEmpty {
            return fm.fileExists(atPath: env) ? URL(fileURLWithPath: env) : nil
        }
        // #filePath = <root>/Tests/AdviserExpressionTests/Conformance/ConformanceTests.swift
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for relative in ["../shared/conformance/cel", "../../shared/conformance/cel"] {
            let candidate = root.appendingPathComponent(relative).standardizedFileURL
            if fm.fileExists(atPath: candidate.appendingPathComponent("basic.json").path) { return candidate }
        }
        return nil
    }()

    /// Whole files left out, each for a feature outside the supported subset.
    static let excludedFiles: [String: String] = [
        "bindings_ext": "cel.bind() extension macro is not supported",
        "block_ext": "cel.block() extension is not supported",
        "encoders_ext": "base64 encoder extension is not supported",
        "math_ext": "math.* extension library (only plain min/max are supported)",
        "network_ext": "ip/cidr network extension is not supported",
        "optionals": "optional types are not supported",
        "string_ext": "string extension library (charAt, indexOf, format, …) is not supported",
        "type_deduction": "checks deduced types of protobuf/abstract types, beyond the supported type system",
    ]

    /// Single tests left out (file/section/name), each with its reason.
    static let excludedTests: [String: String] = [:]

    @Test(.enabled(if: directory != nil,
                   "CEL conformance data not found: set CEL_CONFORMANCE_DIR or put shared/conformance/cel beside the package"))
    func celConformance() throws {
        let dir = try #require(Self.directory)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".json") && $0 != "index.json" }.sorted()
        var totals = (passed: 0, failed: 0, excluded: 0)
        var failures: [String] = []
        for file in files {
            let name = String(file.dropLast(5))
            let data = try Data(contentsOf: dir.appendingPathComponent(file))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            var counts = (passed: 0, failed: 0, excluded: 0)
            for section in json["sections"] as? [[String: Any]] ?? [] {
                let sectionName = section["name"] as? String ?? "?"
                for test in section["tests"] as? [[String: Any]] ?? [] {
                    let testName = test["name"] as? String ?? "?"
                    if Self.excludedFiles[name] != nil || Self.excludedTests["\(name)/\(sectionName)/\(testName)"] != nil {
                        counts.excluded += 1
                        continue
                    }
                    if let problem = Self.run(test) {
                        counts.failed += 1
                        failures.append("\(name)/\(sectionName)/\(testName): \(test["expr"] as? String ?? "")\n    \(problem)")
                    } else {
                        counts.passed += 1
                    }
                }
            }
            print("cel-conformance[\(name)]: \(counts.passed) passed, \(counts.failed) failed, \(counts.excluded) excluded")
            totals.passed += counts.passed
            totals.failed += counts.failed
            totals.excluded += counts.excluded
        }
        print("cel-conformance: \(totals.passed) passed, \(totals.failed) failed, \(totals.excluded) excluded")
        for f in failures { print("cel-conformance FAILED \(f)") }
        #expect(failures.isEmpty, "\(failures.count) conformance cases failed (listed above)")
    }

    // MARK: - One case


    /// nil when the case passes, else what went wrong.
    static func run(_ test: [String: Any]) -> String? {
        let expr = test["expr"] as? String ?? ""
        let expect = test["expect"] as? [String: Any] ?? [:]
        let expectsError = expect["error"] != nil
        var declarations = Declarations()
        for decl in test["type_env"] as? [[String: Any]] ?? [] {
            guard let name = decl["name"] as? String, let type = decl["type"] as? String else { continue }
            declarations.declare(name, type: ExprType(parsing: type) ?? .dyn)
        }
        let bindings = test["bindings"] as? [String: Any] ?? [:]
        for name in bindings.keys.sorted() where declarations.slot(of: name) == nil {
            declarations.declare(name, type: .dyn)
        }
        let parsed: ParsedExpression
        switch Parser.parse(expr) {
        case .success(let p): parsed = p
        case .failure(let d): return "parse failed: \(d)"
        }
        let checker = Checker(declarations: declarations, container: test["container"] as? String ?? "")
        let checked: CheckedExpression
        if test["disable_check"] as? Bool == true {
            checked = checker.resolveWithoutChecking(parsed)
        } else {
            switch checker.check(parsed) {
            case .success(let c): checked = c
            // Strict: a checking error fails the case even when an evaluation error is expected.
            case .failure(let d): return "check failed: \(d)"
            }
        }
        var activation = Activation(declarations: declarations)
        for (name, raw) in bindings {
            guard let value = decode(raw) else { return "cannot decode binding \(name)" }
            activation[name] = value
        }
        let result = Program(checked, declarations: declarations).evaluate(activation)
        if expectsError {
            if case .success(let v) = result { return "expected error \(expect["error"]!), got \(v)" }
            return nil
        }
        guard let raw = expect["value"], let expected = decode(raw) else { return "cannot decode expectation" }
        switch result {
        case .success(let v): return strictEquals(v, expected) ? nil : "expected \(expected), got \(v)"
        case .failure(let e): return "expected \(expected), got error \(e.message)"
        }
    }

    /// The tagged JSON value encoding of the suite.
    static func decode(_ raw: Any) -> Value? {
        guard let object = raw as? [String: Any], let (tag, payload) = object.first else { return nil }
        switch tag {
        case "int": return (payload as? String).flatMap(Int64.init).map(Value.int)
        case "uint": return (payload as? String).flatMap(UInt64.init).map(Value.uint)
        case "double":
            if let s = payload as? String {
                switch s {
                case "NaN": return .double(.nan)
                case "Infinity": return .double(.infinity)
                case "-Infinity": return .double(-.infinity)
                default: return Double(s).map(Value.double)
                }
            }
            return (payload as? NSNumber).map { .double($0.doubleValue) }
        case "string": return (payload as? String).map(Value.string)
        case "bytes_b64": return (payload as? String).flatMap { Data(base64Encoded: $0) }.map { .bytes(Array($0)) }
        case "bool": return (payload as? Bool).map(Value.bool)
        case "null": return .null
        case "type": return (payload as? String).map(Value.type)
        case "list":
            guard let items = payload as? [Any] else { return nil }
            let values = items.compactMap(decode)
            return values.count == items.count ? .list(values) : nil
        case "map":
            guard let pairs = payload as? [[Any]] else { return nil }
            var entries: [(Value, Value)] = []
            for pair in pairs {
                guard pair.count == 2, let k = decode(pair[0]), let v = decode(pair[1]) else { return nil }
                entries.append((k, v))
            }
            return ValueMap(entries: entries).map(Value.map)
        default: return nil
        }
    }

    /// Equality with types kept (1 ≠ 1u ≠ 1.0), NaN matching NaN, maps unordered.
    static func strictEquals(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.double(let x), .double(let y)): return (x.isNaN && y.isNaN) || x == y
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy(strictEquals)
        case (.map(let x), .map(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in zip(x.keys, x.values) {
                guard let i = y.keys.firstIndex(where: { strictEquals($0, k) }), strictEquals(y.values[i], v) else { return false }
            }
            return true
        default: return a == b
        }
    }
}
