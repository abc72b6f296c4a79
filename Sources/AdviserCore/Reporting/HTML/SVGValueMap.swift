import Foundation

/// The value map of one offering: price (or the first number lever) across, the value index (0–100)
/// up. Each segment's offer today and the recommended one are points joined by an arrow, over a band
/// at the value to hold (target ± tolerance): a reader sees at a glance that price moved while value
/// stayed in the band.
struct SVGValueMap {
    struct Series {
        var name: String
        var colour: String
        /// Today's setting and the recommended one, on the x lever.
        var fromX: Double
        var toX: Double
        /// The setting after the rules, before balancing (a balanced lever was at its baseline then).
        var afterRulesX: Double
        var target: Double
        var afterRules: Double
        var final: Double
        var tolerance: Double
        var held: Bool
        var fromText: String
        var toText: String
        /// The rivals this segment weighs against the offering that have a setting of the x lever.
        var rivals: [RivalPoint] = []
    }

    /// A rival as this segment sees it: its setting of the x lever and its value.
    struct RivalPoint {
        var name: String
        var x: Double
        var value: Double
        var xText: String
    }

    var lever: String
    var unit: String?
    /// Set when the offering has no price lever and the map uses another.
    var note: String?
    var series: [Series]
    var wording: ReportWording
    /// Every rival drawn, in first-seen order: its marker shape is its position here.
    var rivalNames: [String] = []

    /// The map for the advice of one offering (one advice per segment); nil when the offering has no
    /// price or number lever to draw along.
    static func make(_ advice: [Advice], wording: ReportWording) -> SVGValueMap? {
        guard let first = advice.first else { return nil }
        let price = first.levers.first { $0.kind == .price }
        guard let lever = price ?? first.levers.first(where: { $0.kind == .number }) else { return nil }
        let note = price == nil ? "This offering has no price lever; the map uses \(lever.name) across instead." : nil
        let series = advice.enumerated().compactMap { index, a -> Series? in
            guard let outcome = a.levers.first(where: { $0.lever == lever.lever }) else { return nil }
            let afterRulesX = outcome.source == .balance ? outcome.from : outcome.to
            let leverIndex = a.levers.firstIndex { $0.lever == lever.lever }!
            let rivals = (a.rivals?.rivals ?? []).compactMap { rival -> RivalPoint? in
                guard let x = rival.settings[leverIndex] else { return nil }
                return RivalPoint(
                    name: rival.name, x: x, value: rival.value,
                    xText: ReportWording.setting(wording.number(x), outcome.unit, kind: outcome.kind))
            }
            return Series(
                name: a.segment.name, colour: HTMLStyle.colour(index), fromX: outcome.from, toX: outcome.to,
                afterRulesX: afterRulesX, target: a.value.target, afterRules: a.value.afterRules, final: a.value.final,
                tolerance: a.value.tolerance, held: a.value.held,
                fromText: ReportWording.setting(wording.settingText(outcome, recommended: false), outcome.unit, kind: outcome.kind),
                toText: ReportWording.setting(wording.settingText(outcome, recommended: true), outcome.unit, kind: outcome.kind),
                rivals: rivals)
        }
        var rivalNames: [String] = []
        for rival in series.flatMap(\.rivals) where !rivalNames.contains(rival.name) { rivalNames.append(rival.name) }
        return SVGValueMap(lever: lever.name, unit: lever.unit, note: note, series: series, wording: wording, rivalNames: rivalNames)
    }

    // Geometry of the drawing, in SVG user units.
    private let width = 1000.0, height = 340.0
    private let left = 60.0, right = 24.0, top = 18.0, bottom = 50.0

    /// Draws the chart; `id` keeps marker ids unique among the charts of one page.
    func render(into html: HTMLBuilder, id: String) {
        let xs = series.flatMap { [$0.fromX, $0.toX, $0.afterRulesX] + $0.rivals.map(\.x) }
        var low = xs.min() ?? 0, high = xs.max() ?? 1
        let pad = Swift.max((high - low) * 0.18, Swift.max(abs(high) * 0.08, 1))
        low -= pad
        high += pad
        let ticks = HTMLStyle.ticks(low, high, count: 7)
        if let first = ticks.first, first > low { low = Swift.min(low, first) }
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ v: Double) -> Double { left + (v - low) / (high - low) * plotW }
        // The value axis shows the stretch of the 0–100 index where the points lie (at least 20
        // points of it), so that the bands of ±tolerance are visible rather than a hairline.
        let values = series.flatMap { ([$0.target, $0.afterRules, $0.final] + $0.rivals.map(\.value)).map { $0 * 100 } }
        var bottomY = Swift.max(0, (((values.min() ?? 0) - 4) / 10).rounded(.down) * 10)
        var topY = Swift.min(100, (((values.max() ?? 100) + 4) / 10).rounded(.up) * 10)
        while topY - bottomY < 20 {
            if topY < 100 { topY += 10 } else { bottomY -= 10 }
        }
        let yStep = topY - bottomY > 50 ? 20.0 : topY - bottomY > 25 ? 10.0 : 5.0
        func y(_ index: Double) -> Double { top + (1 - (index - bottomY) / (topY - bottomY)) * plotH }
        let axisName = lever + (unit.map { " (\($0))" } ?? "")

        html.element("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(Int(width)) \(Int(height))",
            "width": "\(Int(width))", "height": "\(Int(height))", "role": "img",
            "aria-label": "Value map: \(axisName) against the value index, today and recommended, per segment",
        ]) {
            html.element("defs") {
                html.element("clipPath", ["id": "\(id)-plot"]) {
                    html.empty("rect", ["x": c(left), "y": c(top), "width": c(plotW), "height": c(plotH)])
                }
                for (n, s) in series.enumerated() {
                    html.element("marker", [
                        "id": "\(id)-arrow-\(n)", "viewBox": "0 0 10 10", "refX": "9", "refY": "5",
                        "markerWidth": "7", "markerHeight": "7", "orient": "auto-start-reverse",
                    ]) {
                        html.empty("path", ["d": "M0,0 L10,5 L0,10 z", "fill": s.colour])
                    }
                }
            }
            html.empty("rect", ["x": c(left), "y": c(top), "width": c(plotW), "height": c(plotH), "fill": "#fbfcfd", "stroke": "#d1d9e0"])
            // Grid and axes.
            for tick in stride(from: bottomY, through: topY, by: yStep) {
                html.empty("line", ["x1": c(left), "x2": c(left + plotW), "y1": c(y(tick)), "y2": c(y(tick)), "stroke": "#e6eaef"])
                html.element("text", ["x": c(left - 8), "y": c(y(tick) + 4), "text-anchor": "end", "font-size": "12", "fill": "#59636e"],
                             text: wording.number(tick))
            }
            for tick in ticks where tick >= low && tick <= high {
                html.empty("line", ["x1": c(x(tick)), "x2": c(x(tick)), "y1": c(top + plotH), "y2": c(top + plotH + 5), "stroke": "#59636e"])
                html.element("text", ["x": c(x(tick)), "y": c(top + plotH + 19), "text-anchor": "middle", "font-size": "12", "fill": "#59636e"],
                             text: wording.grouped(tick))
            }
            html.element("text", ["x": c(left + plotW / 2), "y": c(height - 8), "text-anchor": "middle", "font-size": "13", "fill": "#1f2328"],
                         text: axisName)
            html.element("text", [
                "x": "16", "y": c(top + plotH / 2), "text-anchor": "middle", "font-size": "13", "fill": "#1f2328",
                "transform": "rotate(-90 16 \(c(top + plotH / 2)))",
            ], text: "Value index (of 100)")
            // Bands first, so every point sits on top of every band.
            for s in series {
                let upper = y((s.target + s.tolerance) * 100), lower = y((s.target - s.tolerance) * 100)
                let bandH = Swift.max(lower - upper, 4)
                html.element("rect", [
                    "x": c(left), "y": c((upper + lower) / 2 - bandH / 2), "width": c(plotW), "height": c(bandH),
                    "fill": s.colour, "fill-opacity": "0.16",
                ]) {
                    html.element("title", text: "\(s.name): value to hold \(wording.index(s.target)) ± \(wording.number(s.tolerance * 100, maxFractionDigits: 2))")
                }
                html.empty("line", [
                    "x1": c(left), "x2": c(left + plotW), "y1": c(y(s.target * 100)), "y2": c(y(s.target * 100)),
                    "stroke": s.colour, "stroke-opacity": "0.55", "stroke-dasharray": "5 4",
                ])
            }
            // Rivals, and the line of equal value for money through today's offer: a rival above
            // it gives more value for each unit of price than we do today.
            for s in series {
                if s.fromX > 0 {
                    let slope = s.target * 100 / s.fromX
                    html.empty("line", [
                        "x1": c(x(low)), "y1": c(y(slope * low)), "x2": c(x(high)), "y2": c(y(slope * high)),
                        "stroke": s.colour, "stroke-opacity": "0.45", "stroke-width": "1", "stroke-dasharray": "1 3",
                        "clip-path": "url(#\(id)-plot)",
                    ])
                }
                for rival in s.rivals {
                    let shape = rivalNames.firstIndex(of: rival.name) ?? 0
                    html.element("path", [
                        "d": Self.marker(shape, x: x(rival.x), y: y(rival.value * 100)), "fill": "#fff", "stroke": s.colour, "stroke-width": "2",
                    ]) {
                        html.element("title", text: "\(rival.name), for \(s.name): \(rival.xText), value \(wording.index(rival.value))")
                    }
                }
            }
            var placed: [(from: Double, to: Double, y: Double)] = []
            for (n, s) in series.enumerated() {
                let x0 = x(s.fromX), y0 = y(s.target * 100), x1 = x(s.toX), y1 = y(s.final * 100)
                let xr = x(s.afterRulesX), yr = y(s.afterRules * 100)
                let rulesMoved = abs(s.afterRules - s.target) > s.tolerance + 1e-12
                if rulesMoved {
                    // Where the rules alone would leave the client, before balancing.
                    html.empty("line", ["x1": c(x0), "y1": c(y0), "x2": c(xr), "y2": c(yr), "stroke": s.colour, "stroke-width": "1.2", "stroke-dasharray": "2 3"])
                    html.element("path", [
                        "d": "M\(c(xr)),\(c(yr - 6)) L\(c(xr + 6)),\(c(yr)) L\(c(xr)),\(c(yr + 6)) L\(c(xr - 6)),\(c(yr)) z",
                        "fill": "#fff", "stroke": s.colour, "stroke-width": "1.5",
                    ]) {
                        html.element("title", text: "\(s.name), after the rules, before balancing: value \(wording.index(s.afterRules))")
                    }
                }
                let moved = hypot(x1 - x0, y1 - y0) > 14
                if moved {
                    // Stop the arrow short of the recommended point so the head stays visible.
                    let length = hypot(x1 - x0, y1 - y0), shorten = 8.0
                    let xe = x1 - (x1 - x0) / length * shorten, ye = y1 - (y1 - y0) / length * shorten
                    let xs = x0 + (x1 - x0) / length * 6, ys = y0 + (y1 - y0) / length * 6
                    html.empty("line", [
                        "x1": c(xs), "y1": c(ys), "x2": c(xe), "y2": c(ye), "stroke": s.colour, "stroke-width": "2.2",
                        "marker-end": "url(#\(id)-arrow-\(n))",
                    ])
                }
                html.element("circle", ["cx": c(x0), "cy": c(y0), "r": "6", "fill": "#fff", "stroke": s.colour, "stroke-width": "2.2"]) {
                    html.element("title", text: "\(s.name), today: \(s.fromText), value \(wording.index(s.target))")
                }
                html.element("circle", ["cx": c(x1), "cy": c(y1), "r": "6", "fill": s.colour, "stroke": "#fff", "stroke-width": "1.5"]) {
                    html.element("title", text: "\(s.name), recommended: \(s.toText), value \(wording.index(s.final))")
                }
                // Labels read away from the arrow, unless that would run past the plot's edge.
                let labelRight = x1 >= x0 ? x1 + 160 < left + plotW : x1 - 160 < left
                // Labels go above their point; one that would overlap an earlier label goes lower.
                let lx = x1 + (labelRight ? 10 : -10)
                let span = labelRight ? (lx, lx + 150) : (lx - 150, lx)
                var ly = y1 - 9
                while placed.contains(where: { abs($0.y - ly) < 15 && $0.from < span.1 && span.0 < $0.to }) { ly += 16 }
                placed.append((span.0, span.1, ly))
                html.element("text", [
                    "x": c(lx), "y": c(ly), "text-anchor": labelRight ? "start" : "end",
                    "font-size": "12", "font-weight": "600", "fill": s.colour,
                ], text: "\(s.toText) · \(wording.index(s.final))\(s.held ? "" : " (not held)")")
            }
        }
        html.element("div", ["class": "legend"]) {
            for s in series {
                html.element("span") {
                    html.raw("<i class=\"swatch\" style=\"background:\(s.colour)\"></i>")
                    html.text(s.name)
                }
            }
            html.element("span", ["class": "muted"], text: "○ today  ● recommended  ◇ after the rules, before balancing  ▬ value to hold (target ± tolerance)")
            if !rivalNames.isEmpty {
                html.element("span", ["class": "muted"], text: rivalNames.enumerated().map { "\(Self.markerSymbols[$0.offset % Self.markerSymbols.count]) \($0.element)" }
                    .joined(separator: "  ") + "  ┈ equal value for money with today's offer")
            }
        }
    }

    /// Legend symbols of the rival markers, in shape order.
    private static let markerSymbols = ["□", "△", "▽", "✕"]

    /// The outline of rival marker `shape` (square, triangle up, triangle down, cross) at (x, y).
    private static func marker(_ shape: Int, x: Double, y: Double) -> String {
        func p(_ dx: Double, _ dy: Double) -> String { "\(HTML.coordinate(x + dx)),\(HTML.coordinate(y + dy))" }
        switch shape % markerSymbols.count {
        case 0: return "M\(p(-6, -6)) L\(p(6, -6)) L\(p(6, 6)) L\(p(-6, 6)) z"
        case 1: return "M\(p(0, -7)) L\(p(7, 6)) L\(p(-7, 6)) z"
        case 2: return "M\(p(0, 7)) L\(p(7, -6)) L\(p(-7, -6)) z"
        default: return "M\(p(-6, -6)) L\(p(6, 6)) M\(p(6, -6)) L\(p(-6, 6))"
        }
    }

    private func c(_ value: Double) -> String { HTML.coordinate(value) }
}
