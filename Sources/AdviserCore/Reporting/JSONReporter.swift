import Foundation

/// Machine-readable advice: a stable schema (docs/json-output.md), keys sorted, so the same input
/// gives the same bytes.
public struct JSONReporter: AdviceReporter {
    public init() {}

    public func render(_ report: AdviceReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let document = Document(report)
        // Encoding plain structs of strings and numbers cannot fail.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Values are rounded to 6 decimals: enough for any decision, and free of floating-point dust.
    static func round(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }

    // MARK: - Encodable mirror of the schema

    private struct Document: Encodable {
        var schema_version = 1
        var workspace: String
        var scenario: ScenarioJSON
        var advice: [AdviceJSON]

        init(_ report: AdviceReport) {
            workspace = report.workspace
            scenario = ScenarioJSON(
                id: report.scenario.id, name: report.scenario.name, as_of: report.scenario.asOfText,
                market: report.scenario.market.mapValues { FactJSON($0.value.value) })
            advice = report.advice.map { AdviceJSON($0, explain: report.explain) }
        }
    }

    private struct ScenarioJSON: Encodable {
        var id: String
        var name: String
        var as_of: String?
        var market: [String: FactJSON]
    }

    private enum FactJSON: Encodable {
        case number(Double), bool(Bool), string(String)

        init(_ value: FactValue) {
            switch value {
            case .number(let n): self = .number(n)
            case .bool(let b): self = .bool(b)
            case .string(let s): self = .string(s)
            }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let n): try container.encode(n)
            case .bool(let b): try container.encode(b)
            case .string(let s): try container.encode(s)
            }
        }
    }

    private struct AdviceJSON: Encodable {
        var offering: String
        var offering_name: String
        var segment: String
        var segment_name: String
        var segment_size: String
        var fired: [FiredJSON]
        var changes: [ChangeJSON]
        var levers: [ChangeJSON]
        var value: ValueJSON
        var margin: MarginJSON?
        var emphasized: [EmphasisJSON]
        var unaddressed: [DriverJSON]
        var drivers: [DriverOutcomeJSON]
        var talking_points: [TalkingPointJSON]
        var warnings: [WarningJSON]
        var overridden: [OverriddenJSON]
        var explanations: [ExplanationJSON]?

        init(_ a: Advice, explain: Bool) {
            offering = a.offering.id
            offering_name = a.offering.name
            segment = a.segment.id
            segment_name = a.segment.name
            segment_size = a.segmentSize.rawValue
            fired = a.fired.map { FiredJSON(rule: $0.rule, ruleset: $0.ruleset, location: "\($0.location)", why: $0.why, priority: $0.priority) }
            levers = a.levers.map(ChangeJSON.init)
            changes = a.changes.map(ChangeJSON.init)
            value = ValueJSON(
                target: round(a.value.target), after_rules: round(a.value.afterRules), final: round(a.value.final),
                tolerance: a.value.tolerance, held: a.value.held, shortfall: a.value.shortfall)
            margin = a.margin.map { MarginJSON(before: round($0.before), after: round($0.after), currency: $0.currency) }
            emphasized = a.emphasized.map {
                EmphasisJSON(driver: $0.driver, kind: $0.kind.rawValue, factor: round($0.factor), weight_before: round($0.weightBefore),
                             weight_after: round($0.weightAfter), rules: $0.rules)
            }
            unaddressed = a.unaddressed.map { DriverJSON(driver: $0.id, name: $0.name, kind: $0.kind.rawValue) }
            drivers = a.drivers.map {
                DriverOutcomeJSON(driver: $0.id, name: $0.name, kind: $0.kind.rawValue, weight_before: round($0.weightBefore),
                                  weight_after: round($0.weightAfter), relief_before: round($0.reliefBefore),
                                  relief_after: round($0.reliefAfter), addressed: $0.addressed)
            }
            talking_points = a.talkingPoints.map { TalkingPointJSON(kind: $0.kind?.rawValue, driver: $0.driver, text: $0.text, rule: $0.rule) }
            warnings = a.warnings.map { WarningJSON(code: $0.code, message: $0.message, location: $0.location.map { "\($0)" }) }
            overridden = a.overridden.map { OverriddenJSON(lever: $0.lever, rule: $0.rule, by: $0.by) }
            explanations = explain ? a.explanations.map {
                ExplanationJSON(rule: $0.rule, location: "\($0.location)", fired: $0.fired, condition: $0.condition, trace: $0.trace, failing: $0.failing)
            } : nil
        }
    }

    private struct FiredJSON: Encodable {
        var rule: String
        var ruleset: String
        var location: String
        var why: String
        var priority: Int
    }

    private struct ChangeJSON: Encodable {
        var lever: String
        var name: String
        var kind: String
        var unit: String?
        var from: Double
        var to: Double
        var from_text: String
        var to_text: String
        var source: String
        var pinned: Bool

        init(_ l: LeverOutcome) {
            lever = l.lever
            name = l.name
            kind = l.kind.rawValue
            unit = l.unit
            from = round(l.from)
            to = round(l.to)
            from_text = l.fromText
            to_text = l.toText
            source = l.source.description
            pinned = l.pinned
        }
    }

    private struct ValueJSON: Encodable {
        var target: Double
        var after_rules: Double
        var final: Double
        var tolerance: Double
        var held: Bool
        var shortfall: String?
    }

    private struct MarginJSON: Encodable {
        var before: Double
        var after: Double
        var currency: String
    }

    private struct EmphasisJSON: Encodable {
        var driver: String
        var kind: String
        var factor: Double
        var weight_before: Double
        var weight_after: Double
        var rules: [String]
    }

    private struct DriverJSON: Encodable {
        var driver: String
        var name: String
        var kind: String
    }

    private struct DriverOutcomeJSON: Encodable {
        var driver: String
        var name: String
        var kind: String
        var weight_before: Double
        var weight_after: Double
        var relief_before: Double
        var relief_after: Double
        var addressed: Bool
    }

    private struct TalkingPointJSON: Encodable {
        var kind: String?
        var driver: String?
        var text: String
        var rule: String
    }

    private struct WarningJSON: Encodable {
        var code: String
        var message: String
        var location: String?
    }

    private struct OverriddenJSON: Encodable {
        var lever: String
        var rule: String
        var by: String
    }

    private struct ExplanationJSON: Encodable {
        var rule: String
        var location: String
        var fired: Bool
        var condition: String
        var trace: [String]
        var failing: [String]
    }
}
