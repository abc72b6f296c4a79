import Foundation

/// Tipping points, machine-readable (docs/json-output.md). Every point carries the re-advice that
/// verifies it: the tested value and each change with its before and after.
public struct TippingPointJSONReporter: TippingPointReporter {
    public init() {}

    public func render(_ a: TippingPointAnalysis) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(a))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Rounded to 6 decimals, as in `advise --format json`.
    private static func round(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }

    private struct Document: Encodable {
        var schema_version = 1
        var workspace: String
        var scenario: ScenarioJSON
        var facts: [FactJSON]

        init(_ a: TippingPointAnalysis) {
            workspace = a.workspace
            scenario = ScenarioJSON(id: a.scenario.id, name: a.scenario.name, as_of: a.scenario.asOfText)
            facts = a.facts.map { f in
                FactJSON(
                    fact: f.fact, unit: f.unit, now: round(f.now), min: f.min, max: f.max, thresholds: f.thresholds.map(round),
                    tipping_points: f.points.map { p in
                        PointJSON(direction: p.direction.rawValue, threshold: round(p.threshold), tested: round(p.tested),
                                  claim: "if \(f.fact) \(p.phrase)", rules: p.rules, changes: p.changes.map(ChangeJSON.init))
                    })
            }
        }
    }

    private struct ScenarioJSON: Encodable {
        var id: String
        var name: String
        var as_of: String?
    }

    private struct FactJSON: Encodable {
        var fact: String
        var unit: String?
        var now: Double
        var min: Double?
        var max: Double?
        var thresholds: [Double]
        var tipping_points: [PointJSON]
    }

    private struct PointJSON: Encodable {
        var direction: String
        var threshold: Double
        var tested: Double
        var claim: String
        var rules: [String]
        var changes: [ChangeJSON]
    }

    private struct ChangeJSON: Encodable {
        var offering: String
        var segment: String
        var started_firing: [String]
        var stopped_firing: [String]
        var levers: [LeverJSON]
        var value_before: Double
        var value_after: Double
        var held_before: Bool
        var held_after: Bool
        var summary: String

        init(_ d: AdviceDelta) {
            offering = d.offering.id
            segment = d.segment.id
            started_firing = d.startedFiring.map(\.rule)
            stopped_firing = d.stoppedFiring.map(\.rule)
            levers = d.levers.map {
                LeverJSON(lever: $0.lever, name: $0.name, before: round($0.before), after: round($0.after),
                          before_text: $0.beforeText, after_text: $0.afterText)
            }
            value_before = round(d.valueBefore)
            value_after = round(d.valueAfter)
            held_before = d.heldBefore
            held_after = d.heldAfter
            summary = d.sentence
        }
    }

    private struct LeverJSON: Encodable {
        var lever: String
        var name: String
        var before: Double
        var after: Double
        var before_text: String
        var after_text: String
    }
}
