// Reading scenarios/*.yaml.
extension FileReader {
    mutating func readScenario(_ node: YAMLNode) -> Scenario {
        var sources: [String: String] = [:]
        for pair in node["market"]?.mapping ?? [] {
            if let source = pair.value["source"]?.text { sources[pair.key] = source }
        }
        let asOf = node["as_of"]
        return Scenario(
            id: node["id"]?.text ?? "", name: node["name"]?.text ?? "", doc: node["doc"]?.text,
            asOfDay: asOf?.scalar.flatMap { try? ScalarReader.date($0).get() }, asOfText: asOf?.text,
            market: factValues(node["market"]), sources: sources, location: node["id"]?.location ?? node.location)
    }
}
