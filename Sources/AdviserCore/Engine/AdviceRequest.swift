/// Which advice to give: a scenario, and the offerings and segments to advise (empty: all).
package struct AdviceRequest: Sendable {
    package var scenario: Scenario
    package var offerings: [String]
    package var segments: [String]
    package var options: AdviceEngine.Options

    package init(scenario: Scenario, offerings: [String] = [], segments: [String] = [], options: AdviceEngine.Options = .init()) {
        self.scenario = scenario
        self.offerings = offerings
        self.segments = segments
        self.options = options
    }
}

/// An id on the command line that names nothing in the workspace.
package struct UnknownID: Error, Sendable, CustomStringConvertible {
    package var what: String
    package var id: String
    package var known: [String]

    package init(what: String, id: String, known: [String]) {
        self.what = what
        self.id = id
        self.known = known
    }

    package var description: String {
        "unknown \(what) '\(id)'" + (Suggestion.hint(for: id, in: known).map { " (\($0))" } ?? "")
            + "; the workspace has: " + known.joined(separator: ", ")
    }
}

extension AdviceEngine {
    /// Advice for every requested offering × segment, offerings in file order, then segments; only
    /// the offerings a segment is offered (`buys:`), unless the request names both.
    package func report(for request: AdviceRequest) throws(UnknownID) -> AdviceReport {
        let offerings = try select(request.offerings, from: workspace.offerings, what: "offering", id: \.id)
        let segments = try select(request.segments, from: workspace.segments, what: "segment", id: \.id)
        let named = !request.offerings.isEmpty && !request.segments.isEmpty
        var advice: [Advice] = []
        for offering in offerings {
            for segment in segments where named || segment.isOffered(offering.id) {
                advice.append(advise(offering: offering, segment: segment, scenario: request.scenario, options: request.options))
            }
        }
        return AdviceReport(
            workspace: workspace.settings.name, scenario: request.scenario, currency: workspace.settings.currency,
            advice: advice, explain: request.options.explain)
    }

    /// The named scenario, or the default one.
    package func scenario(_ id: String?) throws(UnknownID) -> Scenario {
        if let id {
            guard let scenario = workspace.scenario(id) else {
                throw UnknownID(what: "scenario", id: id, known: workspace.scenarios.map(\.id))
            }
            return scenario
        }
        guard let scenario = workspace.defaultScenario else {
            throw UnknownID(what: "scenario", id: "(default)", known: workspace.scenarios.map(\.id))
        }
        return scenario
    }

    private func select<T>(_ ids: [String], from all: [T], what: String, id: KeyPath<T, String>) throws(UnknownID) -> [T] {
        guard !ids.isEmpty else { return all }
        var chosen: [T] = []
        for wanted in ids {
            guard let item = all.first(where: { $0[keyPath: id] == wanted }) else {
                throw UnknownID(what: what, id: wanted, known: all.map { $0[keyPath: id] })
            }
            chosen.append(item)
        }
        return chosen
    }
}
