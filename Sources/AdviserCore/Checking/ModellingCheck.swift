/// Checks that the model means what it says: what segments buy and their bounds fit the levers,
/// quantities are quantities, curves cover the settings they are read at, a lever id shared by
/// offerings is one thing, and every adjustment can change something.
///
/// These mistakes load without an error and then give quiet nonsense (a 35–95 EUR price curve
/// read at an 18,000 EUR project fee), so `validate` reports them where they are written.
struct ModellingCheck {
    let workspace: Workspace
    private(set) var diagnostics: [Diagnostic] = []
    /// What each segment offered an offering has today of each of its levers, and the settings it
    /// allows: by offering, lever position, then segment. Every adjustment of every rule reads
    /// them, and working them out again for each was most of these checks' time.
    private var settings: [[[(today: Double, range: ClosedRange<Double>)]]] = []

    init(workspace: Workspace) {
        self.workspace = workspace
    }

    mutating func run() -> [Diagnostic] {
        for offering in workspace.offerings { checkQuantities(offering) }
        for segment in workspace.segments {
            checkPurchases(segment)
            checkBounds(segment)
            checkQualifiedCurves(segment)
            checkCurveCoverage(segment)
        }
        checkSharedLevers()
        for rival in workspace.rivals { checkRival(rival) }
        settings = workspace.offerings.map { offering in
            let offered = workspace.segments.filter { $0.isOffered(offering.id) }
            let today = offered.map { $0.today(offering) }
            return offering.levers.indices.map { index in
                offered.indices.map { s in (today[s][index], offered[s].allowedRange(offering.levers[index], of: offering.id)) }
            }
        }
        for ruleset in workspace.rulesets {
            for rule in ruleset.rules {
                checkRuleOfferings(rule)
                checkAdjustmentsChangeSomething(rule)
            }
        }
        return diagnostics
    }

    private var offeringIDs: [String] { workspace.offerings.map(\.id) }

    // MARK: - Offerings

    /// `per:` names a number lever of the same offering, which is not itself priced per something.
    private mutating func checkQuantities(_ offering: Offering) {
        for lever in offering.levers {
            guard let per = lever.per else { continue }
            let location = lever.location
            guard let quantity = offering.lever(per) else {
                diagnostics.append(.error(
                    .unknownLever, "'\(lever.id)' is per '\(per)', which the offering '\(offering.id)' does not have", at: location,
                    hint: Suggestion.hint(for: per, in: offering.levers.map(\.id)) ?? "per: names a quantity lever of the same offering (seats, users)"))
                continue
            }
            if quantity.id == lever.id || quantity.kind != .number || quantity.per != nil {
                diagnostics.append(.error(
                    .invalidValue, "'\(lever.id)' is per '\(per)', which is not a quantity: a quantity is a number lever of its own, priced per nothing",
                    at: location, hint: "per: names what the client buys a number of, such as seats or users"))
            }
        }
    }

    // MARK: - Segments

    /// What a segment buys: offerings and levers that exist, settings on the lever's grid and
    /// within the bounds, the segment's own included.
    private mutating func checkPurchases(_ segment: Segment) {
        for purchase in segment.buys ?? [] {
            guard let offering = workspace.offering(purchase.offering.value) else {
                unknown(.unknownOffering, "offering", purchase.offering, among: offeringIDs)
                continue
            }
            for assignment in purchase.settings {
                guard let lever = offering.lever(assignment.lever.value) else {
                    diagnostics.append(.error(
                        .unknownLever, "the offering '\(offering.id)' has no lever '\(assignment.lever.value)'", at: assignment.lever.location,
                        hint: Suggestion.hint(for: assignment.lever.value, in: offering.levers.map(\.id))))
                    continue
                }
                guard let value = setting(assignment.value, for: lever) else { continue }
                let range = segment.allowedRange(lever, of: offering.id)
                if value < lever.min - 1e-9 || value > lever.max + 1e-9 {
                    diagnostics.append(.error(
                        .outOfRange, "\(segment.id) buys \(lever.id) at \(lever.display(value)), outside \(lever.display(lever.min))..\(lever.display(lever.max))",
                        at: assignment.value.location))
                } else if !lever.isOnGrid(value) {
                    diagnostics.append(.error(
                        .offGrid, "\(lever.display(value)) is not a setting of '\(lever.id)' (\(formatNumber(lever.min)) in steps of \(formatNumber(lever.step)))",
                        at: assignment.value.location, hint: "the nearest setting is \(lever.display(lever.snapToGrid(value)))"))
                } else if value < range.lowerBound - 1e-9 || value > range.upperBound + 1e-9 {
                    diagnostics.append(.error(
                        .outOfRange, "\(segment.id) buys \(lever.id) at \(lever.display(value)), outside its own bounds \(lever.display(range.lowerBound))..\(lever.display(range.upperBound))",
                        at: assignment.value.location, hint: "today's setting must be one the segment accepts: widen bounds: or change what it buys"))
                }
            }
        }
    }

    /// A segment's bounds: offerings and levers that exist, settings that fit them, min not above max.
    private mutating func checkBounds(_ segment: Segment) {
        for bound in segment.bounds {
            let offerings: [Offering]
            if let id = bound.offering {
                guard let offering = workspace.offering(id) else {
                    var location = bound.lever.location
                    location.column -= id.count + 1
                    unknown(.unknownOffering, "offering", Located(id, at: location), among: offeringIDs)
                    continue
                }
                offerings = [offering]
            } else {
                offerings = workspace.offerings
            }
            let levers = offerings.compactMap { $0.lever(bound.lever.value) }
            guard let lever = levers.first else {
                unknown(.unknownLever, "lever", bound.lever, among: Set(offerings.flatMap { $0.levers.map(\.id) }).sorted())
                continue
            }
            let low = bound.min.flatMap { setting($0, for: lever) }, high = bound.max.flatMap { setting($0, for: lever) }
            if let low, let high, low > high, let location = bound.min?.location {
                diagnostics.append(.error(
                    .outOfRange, "the bounds of \(bound.lever.value) for \(segment.id) have min \(lever.display(low)) above max \(lever.display(high))",
                    at: location))
            }
        }
    }

    // MARK: - Rivals

    /// A rival names our offerings and segments that exist, and settings that fit the levers of
    /// the offerings it competes with. Its settings may lie outside our levers' ranges (a rival
    /// may be cheaper than we ever go): curves read flat beyond their ends.
    private mutating func checkRival(_ rival: Rival) {
        let segmentIDs = workspace.segments.map(\.id)
        var offerings: [Offering] = []
        for id in rival.competesWith {
            if let offering = workspace.offering(id.value) { offerings.append(offering) } else {
                unknown(.unknownOffering, "offering", id, among: offeringIDs)
            }
        }
        for segment in rival.onlyFor + rival.perSegment.map(\.segment) where workspace.segment(segment.value) == nil {
            unknown(.unknownSegment, "segment", segment, among: segmentIDs)
        }
        guard !offerings.isEmpty else { return }
        for assignment in rival.offers + rival.perSegment.flatMap(\.offers) {
            let leverID = assignment.lever.value
            var matching = offerings
            if let qualifier = assignment.offering {
                matching = offerings.filter { $0.id == qualifier }
                guard !matching.isEmpty else {
                    var location = assignment.lever.location
                    location.column -= qualifier.count + 1
                    diagnostics.append(.error(
                        .unknownOffering, "'\(rival.id)' does not compete with '\(qualifier)'", at: location,
                        hint: Suggestion.hint(for: qualifier, in: offerings.map(\.id)) ?? "competes_with: lists the offerings it may name"))
                    continue
                }
            }
            let levers = matching.compactMap { $0.lever(leverID) }
            guard let lever = levers.first else {
                diagnostics.append(.error(
                    .unknownLever, "'\(rival.id)' competes with no offering that has a lever '\(leverID)'", at: assignment.lever.location,
                    hint: Suggestion.hint(for: leverID, in: Array(Set(matching.flatMap { $0.levers.map(\.id) })).sorted())))
                continue
            }
            _ = setting(assignment.value, for: lever)
        }
    }

    /// A written setting as a value of `lever`, or nil with a diagnostic when it does not fit.
    private mutating func setting(_ written: Located<LeverSetting>, for lever: Lever) -> Double? {
        if let value = lever.value(of: written.value) { return value }
        switch (written.value, lever.kind) {
        case (.level(let name), .level):
            diagnostics.append(.error(
                .unknownLevel, "'\(name)' is not a level of '\(lever.id)'", at: written.location,
                hint: Suggestion.hint(for: name, in: lever.levels) ?? "levels: " + lever.levels.joined(separator: ", ")))
        case (.number, .level):
            diagnostics.append(.error(
                .wrongType, "'\(lever.id)' is a level lever: give a level (" + lever.levels.joined(separator: ", ") + ")", at: written.location))
        default:
            diagnostics.append(.error(.wrongType, "'\(lever.id)' is a \(lever.kind.rawValue) lever: give a number", at: written.location))
        }
        return nil
    }

    /// `offering-id.lever-id:` curves name an offering that exists and a lever it has.
    private mutating func checkQualifiedCurves(_ segment: Segment) {
        for driver in segment.drivers {
            for relief in driver.reliefs {
                guard let offeringID = relief.offering else { continue }
                guard let offering = workspace.offering(offeringID) else {
                    var location = relief.lever.location
                    location.column -= offeringID.count + 1
                    unknown(.unknownOffering, "offering", Located(offeringID, at: location), among: offeringIDs)
                    continue
                }
                if offering.lever(relief.lever.value) == nil {
                    diagnostics.append(.error(
                        .unknownLever, "the offering '\(offering.id)' has no lever '\(relief.lever.value)'", at: relief.lever.location,
                        hint: Suggestion.hint(for: relief.lever.value, in: offering.levers.map(\.id))))
                }
            }
        }
    }

    /// Every curve covers the settings it is read at: points within the lever's range, every level
    /// of a level lever. A point outside is never read; a level left out reads as no relief at all.
    private mutating func checkCurveCoverage(_ segment: Segment) {
        for driver in segment.drivers {
            for offering in workspace.offerings where segment.isOffered(offering.id) {
                for (index, curve) in ValueModel.curves(of: driver, for: offering) {
                    checkCoverage(curve, of: offering.levers[index], in: offering)
                }
            }
        }
    }

    private mutating func checkCoverage(_ curve: ReliefCurve, of lever: Lever, in offering: Offering) {
        switch curve {
        case .points(let points) where lever.kind != .level:
            let shared = workspace.offerings.filter { $0.lever(lever.id) != nil }.count > 1
            for point in points where point.value < lever.min - 1e-9 || point.value > lever.max + 1e-9 {
                diagnostics.append(.warning(
                    .curveOutsideRange,
                    "the curve point \(formatNumber(point.value)) lies outside '\(lever.id)' of \(offering.id) (\(formatNumber(lever.min))..\(formatNumber(lever.max))): no setting ever reads it",
                    at: point.location,
                    hint: shared
                        ? "if the offerings' '\(lever.id)' mean different things, give each its own curve: \(offering.id).\(lever.id): {…}"
                        : "write the curve over the lever's own range"))
            }
        case .levels(let points) where lever.kind == .level && !lever.levels.isEmpty:
            let missing = lever.levels.filter { level in !points.contains { $0.level == level } }
            if !missing.isEmpty, let first = points.first {
                diagnostics.append(.warning(
                    .curveMissingLevel,
                    "the curve for '\(lever.id)' gives no relief for " + missing.map { "'\($0)'" }.joined(separator: ", ")
                        + " (\(offering.id)): at that level it reads as 0, no relief at all",
                    at: first.location, hint: "give every level its relief: " + lever.levels.map { "\($0): …" }.joined(separator: ", ")))
            }
        default:
            break  // a curve of the wrong kind is the checker's wrong-type
        }
    }

    /// A lever id in several offerings is read by one plain curve: the offerings' levers must be
    /// the same kind of thing. Different units are an error, different ranges a warning.
    private mutating func checkSharedLevers() {
        var byID: [String: [(offering: Offering, lever: Lever)]] = [:]
        for offering in workspace.offerings {
            for lever in offering.levers { byID[lever.id, default: []].append((offering, lever)) }
        }
        for segment in workspace.segments {
            for driver in segment.drivers {
                for relief in driver.reliefs where relief.offering == nil {
                    // Only the offerings that read this plain curve (no curve of their own).
                    let readers = (byID[relief.lever.value] ?? []).filter { pair in
                        !driver.reliefs.contains { $0.offering == pair.offering.id && $0.lever.value == relief.lever.value }
                    }
                    guard readers.count > 1, let first = readers.first else { continue }
                    if let other = readers.first(where: { $0.lever.unit != first.lever.unit || $0.lever.kind != first.lever.kind }) {
                        diagnostics.append(.error(
                            .leverMismatch,
                            "'\(relief.lever.value)' is \(Self.describe(first.lever)) in \(first.offering.id) but \(Self.describe(other.lever)) in \(other.offering.id); one curve cannot read both",
                            at: relief.lever.location,
                            hint: "give each offering its own curve: \(first.offering.id).\(relief.lever.value): {…} and \(other.offering.id).\(relief.lever.value): {…}"))
                    } else if let other = readers.first(where: { $0.lever.min != first.lever.min || $0.lever.max != first.lever.max || $0.lever.levels != first.lever.levels }) {
                        diagnostics.append(.warning(
                            .leverMismatch,
                            "'\(relief.lever.value)' runs \(Self.range(first.lever)) in \(first.offering.id) but \(Self.range(other.lever)) in \(other.offering.id); check that one curve fits both",
                            at: relief.lever.location,
                            hint: "if they mean different things, give each offering its own curve: \(other.offering.id).\(relief.lever.value): {…}"))
                    }
                }
            }
        }
    }

    private static func describe(_ lever: Lever) -> String {
        lever.kind == .level ? "a level lever" : "a \(lever.kind.rawValue) in \(lever.unit ?? "no unit")"
    }

    private static func range(_ lever: Lever) -> String {
        lever.kind == .level ? lever.levels.joined(separator: "/") : "\(formatNumber(lever.min))..\(formatNumber(lever.max))"
    }

    // MARK: - Rules

    private mutating func checkRuleOfferings(_ rule: Rule) {
        for id in rule.offerings where workspace.offering(id.value) == nil {
            unknown(.unknownOffering, "offering", id, among: offeringIDs)
        }
    }

    /// A `by:` that no segment's setting today can turn into a change: the grid takes it back
    /// everywhere (`by: -5%` of 100 in steps of 10).
    private mutating func checkAdjustmentsChangeSomething(_ rule: Rule) {
        for action in rule.actions {
            guard case .adjust(let leverID, let change) = action else { continue }
            switch change {
            case .byPercent(let p) where p != 0: break
            case .byUnits(let u) where u != 0: break
            case .byPercent, .byUnits:
                diagnostics.append(.warning(.adjustmentNoEffect, "adjusting '\(leverID.value)' by 0 changes nothing", at: leverID.location))
                continue
            default: continue
            }
            var seen = false, changes = false
            for o in workspace.offerings.indices where !changes && rule.isAbout(offering: workspace.offerings[o].id) {
                let levers = workspace.offerings[o].levers
                guard let index = levers.firstIndex(where: { $0.id == leverID.value }) else { continue }
                let lever = levers[index]
                for (today, range) in settings[o][index] {
                    seen = true
                    let asked = min(max(lever.asked(by: change, from: today), range.lowerBound), range.upperBound)
                    if lever.snapToGrid(asked) != today {
                        changes = true
                        break
                    }
                }
            }
            if seen && !changes {
                diagnostics.append(.warning(
                    .adjustmentNoEffect,
                    "this adjustment of '\(leverID.value)' never changes it: for every segment, the lever's grid takes it back to today's setting",
                    at: leverID.location, hint: "adjust by at least one step of the lever, or use to: a setting"))
            }
        }
    }

    // MARK: -

    private mutating func unknown(_ code: DiagnosticCode, _ what: String, _ name: Located<String>, among candidates: [String]) {
        diagnostics.append(.error(
            code, "unknown \(what) '\(name.value)'", at: name.location, hint: Suggestion.hint(for: name.value, in: candidates)))
    }
}
