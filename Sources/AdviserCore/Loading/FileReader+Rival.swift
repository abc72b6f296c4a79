// Reading rivals/*.yaml.
extension FileReader {
    func readRival(_ node: YAMLNode) -> Rival {
        Rival(
            id: node["id"]?.text ?? "", name: node["name"]?.text ?? "",
            kind: node["kind"]?.text.flatMap(Rival.Kind.init(rawValue:)) ?? .competitor, doc: node["doc"]?.text,
            competesWith: (node["competes_with"]?.sequence ?? []).compactMap(\.locatedText),
            offers: Self.settingAssignments(node["offers"]),
            onlyFor: (node["only_for"]?.sequence ?? []).compactMap(\.locatedText),
            perSegment: (node["per_segment"]?.mapping ?? []).map { pair in
                Rival.SegmentOffer(segment: Located(pair.key, at: pair.keyLocation), offers: Self.settingAssignments(pair.value))
            },
            location: node["id"]?.location ?? node.location)
    }
}
