// Reading rivals/*.yaml.
extension FileReader {
    func readRival(_ node: YAMLNode) -> Rival {
        Rival(
            id: node["id"]?.text ?? "", name: node["name"]?.text ?? "",
            kind: node["kind"]?.text.flatMap(Rival.Kind.init(rawValue:)) ?? .competitor, doc: node["doc"]?.text,
            competesWith: (node["competes_with"]?.sequence ?? []).compactMap(\.locatedText),
            offers: Self.rivalSettings(node["offers"]),
            onlyFor: (node["only_for"]?.sequence ?? []).compactMap(\.locatedText),
            perSegment: (node["per_segment"]?.mapping ?? []).map { pair in
                Rival.SegmentOffer(segment: Located(pair.key, at: pair.keyLocation), offers: Self.rivalSettings(pair.value))
            },
            location: node["id"]?.location ?? node.location)
    }

    /// `{lever: setting}`, where a key may be `offering-id.lever-id`.
    private static func rivalSettings(_ node: YAMLNode?) -> [Rival.Setting] {
        settingAssignments(node).map { assignment in
            let (offering, lever) = qualified(assignment.lever)
            return Rival.Setting(offering: offering, lever: lever, value: assignment.value)
        }
    }
}
