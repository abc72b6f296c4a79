import Foundation

/// Validators outside the project (python3 with jsonschema and PyYAML, check-jsonschema) that some
/// tests use when the machine has them; those tests are skipped, saying why, when it does not.
public enum ExternalValidators {
    /// python3 can import jsonschema and yaml.
    public static let python: Bool = (try? run("/usr/bin/env", ["python3", "-c", "import jsonschema, yaml"]).status) == 0

    /// `check-jsonschema` is on the PATH.
    public static let checkJSONSchema: Bool = (try? run("/usr/bin/env", ["check-jsonschema", "--version"]).status) == 0

    public static let unavailable = "skipped: neither check-jsonschema nor python3 with jsonschema is installed (pip install check-jsonschema)"
    public static let pythonUnavailable = "skipped: python3 with jsonschema and PyYAML is not installed (pip install jsonschema pyyaml)"

    /// Runs a program with arguments; status and combined output.
    public static func run(_ program: String, _ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("adviser-ext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: log), as: UTF8.self))
    }

    /// Validates a JSON file against a JSON Schema with every validator available; the failures.
    public static func validate(json file: URL, schema: URL) throws -> [String] {
        var failures: [String] = []
        if checkJSONSchema {
            let result = try run("/usr/bin/env", ["check-jsonschema", "--schemafile", schema.path, file.path])
            if result.status != 0 { failures.append("check-jsonschema: \(result.output)") }
        }
        if python {
            let script = """
                import json, sys, jsonschema
                schema = json.load(open(sys.argv[1])); data = json.load(open(sys.argv[2]))
                cls = jsonschema.validators.validator_for(schema); cls.check_schema(schema)
                errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in cls(schema).iter_errors(data)]
                print("\\n".join(errors)); sys.exit(1 if errors else 0)
                """
            let result = try run("/usr/bin/env", ["python3", "-c", script, schema.path, file.path])
            if result.status != 0 { failures.append("python jsonschema: \(result.output)") }
        }
        return failures
    }

    /// Validates every YAML file of a workspace against the schemas in `schemas` (named
    /// `<kind>.schema.json`), reading YAML as the loader does (only true/false are booleans, dates
    /// stay text). The status is 0 when every file conforms; the output lists the problems.
    public static func validateWorkspace(_ workspace: URL, schemas: URL) throws -> (status: Int32, output: String) {
        let script = #"""
            import json, re, sys, pathlib, yaml, jsonschema
            class Loader(yaml.SafeLoader): pass
            Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] not in ('tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:bool')]
                                              for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
            Loader.add_implicit_resolver('tag:yaml.org,2002:bool', re.compile(r'^(?:true|false)$'), list('tf'))
            schemas, root = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
            kinds = {'adviser.yaml': 'settings', 'facts.yaml': 'facts', 'offerings': 'offering', 'segments': 'segment', 'rivals': 'rival',
                     'rules': 'ruleset', 'scenarios': 'scenario', 'tests': 'test'}
            problems, files = 0, 0
            for path in sorted(root.rglob('*.yaml')):
                rel = path.relative_to(root)
                kind = kinds.get(rel.parts[0])
                if kind is None: continue
                schema = json.loads((schemas / f'{kind}.schema.json').read_text())
                jsonschema.Draft202012Validator.check_schema(schema)
                data = json.loads(json.dumps(yaml.load(path.read_text(), Loader=Loader)))
                files += 1
                for e in jsonschema.Draft202012Validator(schema).iter_errors(data):
                    problems += 1
                    print(f"{rel}: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
            print(f"{files} files, {problems} problems")
            sys.exit(1 if problems or not files else 0)
            """#
        return try run("/usr/bin/env", ["python3", "-c", script, schemas.path, workspace.path])
    }
}
