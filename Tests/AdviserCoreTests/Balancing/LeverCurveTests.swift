@testable import AdviserCore
import Testing

/// A relief curve as the value model reads it: what the workspace wrote, read the way
/// docs/value-model.md says.
struct LeverCurveTests {
    static let here = SourceLocation(file: "segment.yaml", line: 1, column: 1)

    static func points(_ pairs: [(Double, Double)]) -> ReliefCurve {
        .points(pairs.map { ReliefCurve.CurvePoint(value: $0.0, relief: $0.1, location: here) })
    }

    static let days = Lever(
        id: "days", name: "Workshop days", kind: .number, baseline: 4, min: 0, max: 10, step: 1, flex: true, location: here)
    static let support = Lever(
        id: "support", name: "Support", kind: .level, baseline: 1, min: 0, max: 2, step: 1, levels: ["email", "phone", "dedicated"],
        flex: true, location: here)

    @Test func pointsAreJoinedByStraightLinesAndFlatBeyondTheEnds() {
        let curve = LeverCurve(Self.points([(2, 0.2), (4, 0.6), (8, 1)]), of: Self.days)
        #expect(curve.relief(at: 0) == 0.2)
        #expect(curve.relief(at: 2) == 0.2)
        #expect(curve.relief(at: 3) == 0.4)
        #expect(curve.relief(at: 4) == 0.6)
        #expect(abs(curve.relief(at: 7) - 0.9) < 1e-12)
        #expect(curve.relief(at: 10) == 1)
    }

    @Test func aStepInTheCurveTakesTheLaterPoint() {
        let curve = LeverCurve(Self.points([(2, 0.2), (2, 0.8), (6, 1)]), of: Self.days)
        #expect(curve.relief(at: 2) == 0.2)
        #expect(abs(curve.relief(at: 2.5) - 0.825) < 1e-12)
    }

    @Test func anEmptyCurveRelievesNothing() {
        #expect(LeverCurve(Self.points([]), of: Self.days).relief(at: 4) == 0)
    }

    @Test func levelsAreReadByPositionAndALevelLeftOutRelievesNothing() {
        let written = ReliefCurve.levels([
            .init(level: "dedicated", relief: 0.9, location: Self.here), .init(level: "email", relief: 0.2, location: Self.here),
        ])
        let curve = LeverCurve(written, of: Self.support)
        #expect(curve.relief(at: 0) == 0.2)
        #expect(curve.relief(at: 1) == 0, "phone is not in the curve")
        #expect(curve.relief(at: 2) == 0.9)
        #expect(curve.relief(at: 3) == 0, "no fourth level")
        #expect(curve.relief(at: -1) == 0)
    }
}
