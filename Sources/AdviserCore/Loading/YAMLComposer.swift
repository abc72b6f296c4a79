import CYaml

/// Builds `YAMLNode` trees from libyaml's event stream (libyaml is embedded in Yams as `CYaml`).
///
/// Why not `Yams.compose`: it reports a duplicate key at its first occurrence, hashes whole subtrees
/// for duplicate detection (an alias used as a key can make that take minutes), and expands aliases
/// without a bound. Working on events lets us refuse all of that early, with a location, in one pass,
/// and without recursion (a 10,000-deep list cannot overflow the stack).
package struct YAMLComposer: Sendable {
    package var limits: YAMLLimits

    package init(limits: YAMLLimits = .init()) {
        self.limits = limits
    }

    /// The result of composing one file: its root node (nil when the file is empty or unusable) and
    /// every problem found.
    package struct Result: Sendable {
        package var root: YAMLNode?
        package var diagnostics: [Diagnostic]
    }

    package func compose(_ bytes: [UInt8], file: String) -> Result {
        var state = ComposerState(file: file, limits: limits)
        // A UTF-8 byte-order mark (Windows editors write one) is not part of the text: libyaml,
        // told the encoding, would read it as content. Columns then match what editors show.
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        bytes.dropFirst(hasBOM ? 3 : 0).withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                state.fail(.error(.yamlSyntax, "could not start the YAML reader (out of memory?)", at: .file(file)))
                return
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            while !state.finished {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    state.fail(Self.syntaxDiagnostic(parser, file: file, text: buffer))
                    return
                }
                state.handle(event)
                yaml_event_delete(&event)
            }
        }
        return Result(root: state.root, diagnostics: state.diagnostics)
    }

    private static func syntaxDiagnostic(_ parser: yaml_parser_t, file: String, text: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "the YAML could not be read"
        let context = parser.context.map { String(cString: $0) }
        let mark = parser.problem_mark
        var location = SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
        var hint: String?
        if problem.contains("Maximum nesting level") {
            return .error(.yamlTooDeep, "lists and mappings are nested too deeply", at: location)
        }
        if parser.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset but no line; the mark is the start of the file.
            location = .file(file)
            if problem.contains("UTF-8") {
                hint = "save the file as UTF-8 text"
            } else if problem.contains("control characters") {
                hint = "the file contains a control character (such as a NUL byte); is it really a text file?"
            }
        } else if problem.contains("tab") || Self.lineIndentedWithTab(text, line: mark.line) {
            let message = [context, problem].compactMap { $0 }.joined(separator: " ")
            return .error(
                .yamlTabIndent, "YAML syntax: \(message); this line is indented with a tab", at: location,
                hint: "indent with spaces, not tabs")
        } else if context?.contains("alias") == true {
            hint = "a value that starts with '*' is read as a YAML alias; put quotes around it"
        } else if context?.contains("anchor") == true {
            hint = "a value that starts with '&' is read as a YAML anchor; put quotes around it"
        } else if problem.contains("mapping values are not allowed") {
            hint = "a value contains ': '; put the whole value in quotes"
        } else if problem.contains("flow") {
            hint = "check that every '[' has its ']' and every '{' its '}'; a value with a comma inside {…} needs quotes"
        } else if problem.contains("cannot start any token") {
            hint = "a value cannot start with '@', '`', '%' or a tab; put it in quotes"
        } else if problem.contains("did not find expected key") || problem.contains("block") {
            hint = "check the indentation: items of one mapping or list must line up"
        }
        let message = [context, problem].compactMap { $0 }.joined(separator: " ")
        // The context mark says where the unfinished thing began (an unclosed '[' or quote).
        var related: [Located<String>] = []
        if let context, parser.error != YAML_READER_ERROR {
            let start = parser.context_mark
            related.append(Located(context.replacingOccurrences(of: "while ", with: "") + " began", at: SourceLocation(file: file, line: start.line + 1, column: start.column + 1)))
        }
        return .error(.yamlSyntax, "YAML syntax: \(message)", at: location, hint: hint, related: related)
    }

    /// Does line `line` (0-based) begin with white space that holds a tab?
    private static func lineIndentedWithTab(_ text: UnsafeBufferPointer<UInt8>, line: Int) -> Bool {
        var current = 0, index = 0
        while current < line, index < text.count {
            if text[index] == UInt8(ascii: "\n") { current += 1 }
            index += 1
        }
        while index < text.count, text[index] == UInt8(ascii: " ") || text[index] == UInt8(ascii: "\t") {
            if text[index] == UInt8(ascii: "\t") { return true }
            index += 1
        }
        return false
    }
}

/// The composer's working state: a stack of open collections, anchors seen, and counters.
private struct ComposerState {
    /// An open list or mapping. A class, so that adding a child mutates the top of the stack in
    /// place instead of popping and pushing a large enum payload for every node.
    private final class Frame {
        let isMapping: Bool
        let location: SourceLocation
        let anchor: String?
        // Unchecked exclusivity: only the composer's one thread touches a frame, and the dynamic
        // check on each access (several per YAML event) was a visible share of loading.
        @exclusivity(unchecked) var nodes = 1
        @exclusivity(unchecked) var items: [YAMLNode] = []
        @exclusivity(unchecked) var pairs: [YAMLPair] = []
        @exclusivity(unchecked) var pendingKey: (key: String, location: SourceLocation)?
        @exclusivity(unchecked) var skipNextValue = false
        @exclusivity(unchecked) var seen: [String: SourceLocation] = [:]

        init(isMapping: Bool, location: SourceLocation, anchor: String?) {
            self.isMapping = isMapping
            self.location = location
            self.anchor = anchor
        }
    }

    let file: String
    /// `file`, interned once for the thousands of locations of its nodes.
    let source: SourceFile
    let limits: YAMLLimits
    var root: YAMLNode?
    var diagnostics: [Diagnostic] = []
    var finished = false
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, nodes: Int)] = [:]
    private var documents = 0
    private var totalNodes = 0
    private var aliases = 0

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.source = SourceFile(file)
        self.limits = limits
    }

    mutating func fail(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        root = nil
        finished = true
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(source: source, line: mark.line + 1, column: mark.column + 1)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    mutating func handle(_ event: yaml_event_t) {
        let at = location(event.start_mark)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            finished = true
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                fail(.error(
                    .yamlMultipleDocuments, "this file holds more than one YAML document", at: at,
                    hint: "keep one document per file; remove the '---' line or split the file"))
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let length = Int(data.length)
            guard length <= limits.maxScalarBytes else {
                fail(.error(.yamlTooLarge, "a value of \(length) bytes is longer than the limit of \(limits.maxScalarBytes)", at: at))
                return
            }
            let value = data.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
            } ?? ""
            let tag = Self.string(data.tag), anchor = Self.string(data.anchor)
            // Half of all scalars are keys: a plain key goes straight to its mapping, without a node.
            if tag == nil, anchor == nil, totalNodes < limits.maxNodes, let top = stack.last, top.isMapping, top.pendingKey == nil {
                totalNodes += 1
                top.nodes += 1
                top.pendingKey = (value, at)
                return
            }
            let scalar = YAMLScalar(value, style: Self.style(data.style), tag: tag)
            complete(YAMLNode(.scalar(scalar), at: at), nodes: 1, anchor: anchor)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            aliases += 1
            guard aliases <= limits.maxAliases else {
                fail(.error(
                    .yamlAliasLimit, "this file uses more than \(limits.maxAliases) aliases ('*name')", at: at,
                    hint: "repeat the values instead of aliasing them"))
                return
            }
            guard let target = anchors[name] else {
                fail(.error(
                    .yamlSyntax, "YAML alias '*\(name)' refers to no anchor '&\(name)'", at: at,
                    hint: "a value that starts with '*' is read as a YAML alias; put quotes around it"))
                return
            }
            var node = target.node
            node.location = at
            complete(node, nodes: target.nodes, anchor: nil)
        case YAML_SEQUENCE_START_EVENT:
            guard open(at) else { return }
            stack.append(Frame(isMapping: false, location: at, anchor: Self.string(event.data.sequence_start.anchor)))
        case YAML_MAPPING_START_EVENT:
            guard open(at) else { return }
            stack.append(Frame(isMapping: true, location: at, anchor: Self.string(event.data.mapping_start.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            complete(YAMLNode(content, at: frame.location), nodes: frame.nodes, anchor: frame.anchor)
        default:
            break
        }
    }

    /// Checks the depth limit before a collection opens.
    private mutating func open(_ at: SourceLocation) -> Bool {
        guard stack.count < limits.maxDepth else {
            fail(.error(.yamlTooDeep, "lists and mappings are nested deeper than \(limits.maxDepth) levels", at: at))
            return false
        }
        return true
    }

    /// Hands a finished node to its parent (or makes it the root).
    private mutating func complete(_ node: YAMLNode, nodes: Int, anchor: String?) {
        totalNodes += nodes
        if totalNodes > limits.maxNodes {
            let code: DiagnosticCode = aliases > 0 ? .yamlAliasLimit : .yamlTooLarge
            let why = aliases > 0 ? " once its aliases are expanded" : ""
            fail(.error(code, "this file holds more than \(limits.maxNodes) values\(why)", at: node.location))
            return
        }
        if let anchor { anchors[anchor] = (node, nodes) }
        guard let top = stack.last else {
            root = node
            return
        }
        top.nodes += nodes
        guard top.isMapping else {
            top.items.append(node)
            return
        }
        if let pendingKey = top.pendingKey {
            top.pendingKey = nil
            if top.skipNextValue {
                top.skipNextValue = false
                return
            }
            // Small mappings (nearly all) are searched directly; hashing pays off only for big ones.
            let first = top.pairs.count < 16
                ? top.pairs.first(where: { $0.key == pendingKey.key })?.keyLocation
                : top.seen[pendingKey.key]
            if let first {
                // A file of a million repeated keys must not become a million diagnostics: the loader
                // lists the first ones per file anyway (WorkspaceLoader.maxDiagnosticsPerFile).
                guard diagnostics.count < WorkspaceLoader.maxDiagnosticsPerFile + 1 else { return }
                diagnostics.append(.error(
                    .yamlDuplicateKey, "the key '\(pendingKey.key)' appears twice in this mapping",
                    at: pendingKey.location, hint: "remove one of them",
                    related: [Located("first written here", at: first)]))
                return
            }
            top.pairs.append(YAMLPair(key: pendingKey.key, keyLocation: pendingKey.location, value: node))
            if top.pairs.count == 16 {
                for pair in top.pairs { top.seen[pair.key] = pair.keyLocation }
            } else if top.pairs.count > 16 {
                top.seen[pendingKey.key] = pendingKey.location
            }
        } else if let key = node.scalar {
            top.pendingKey = (key.value, node.location)
        } else {
            if diagnostics.count <= WorkspaceLoader.maxDiagnosticsPerFile {
                diagnostics.append(.error(
                    .yamlComplexKey, "a key must be a single word or text, not \(node.kindDescription)",
                    at: node.location, hint: "a line starting with '? ' or '[' or '{' before ':' makes a complex key"))
            }
            top.pendingKey = ("", node.location)
            top.skipNextValue = true
        }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
