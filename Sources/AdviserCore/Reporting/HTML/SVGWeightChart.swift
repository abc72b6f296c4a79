import Foundation

/// Bars of each driver's share of the value, before the rules' emphasis and after it, with how well
/// the recommendation relieves it.
struct SVGWeightChart {
    var drivers: [DriverOutcome]
    var wording: ReportWording

    private let width = 960.0, labelWidth = 340.0, valueWidth = 220.0, rowHeight = 34.0, top = 26.0

    func render(into html: HTMLBuilder) {
        let height = top + rowHeight * Double(drivers.count) + 8
        let barArea = width - labelWidth - valueWidth - 10
        let largest = drivers.flatMap { [$0.weightBefore, $0.weightAfter] }.max() ?? 0
        let scale = Swift.max((largest * 10).rounded(.up) / 10, 0.1)
        func w(_ weight: Double) -> Double { Swift.max(weight / scale * barArea, weight > 0 ? 1 : 0) }
        let before = "#b7bec6", after = HTMLStyle.colour(0)

        html.element("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(Int(width)) \(Int(height))",
            "width": "\(Int(width))", "height": "\(Int(height))", "role": "img",
            "aria-label": "Each driver's share of the value before and after the rules' emphasis",
        ]) {
            html.empty("rect", ["x": c(labelWidth), "y": "6", "width": "12", "height": "10", "fill": before])
            html.element("text", ["x": c(labelWidth + 17), "y": "15", "font-size": "12", "fill": "#59636e"], text: "weight before the rules")
            html.empty("rect", ["x": c(labelWidth + 172), "y": "6", "width": "12", "height": "10", "fill": after])
            html.element("text", ["x": c(labelWidth + 189), "y": "15", "font-size": "12", "fill": "#59636e"], text: "weight now")
            html.element("text", ["x": c(width - valueWidth + 8), "y": "15", "font-size": "12", "fill": "#59636e"], text: "share of value · relief")
            for (n, driver) in drivers.enumerated() {
                let y0 = top + rowHeight * Double(n)
                if n % 2 == 0 {
                    html.empty("rect", ["x": "0", "y": c(y0), "width": c(width), "height": c(rowHeight), "fill": "#f6f8fa"])
                }
                let label = driver.name.count > 46 ? String(driver.name.prefix(45)) + "…" : driver.name
                html.element("text", ["x": "6", "y": c(y0 + 15), "font-size": "13", "fill": "#1f2328"]) {
                    html.element("title", text: driver.name)
                    html.text(label)
                }
                html.element("text", ["x": "6", "y": c(y0 + 28), "font-size": "11", "fill": "#59636e"],
                             text: driver.kind.rawValue + (driver.addressed ? "" : " · not addressed by this offering"))
                html.empty("rect", ["x": c(labelWidth), "y": c(y0 + 6), "width": c(w(driver.weightBefore)), "height": "10", "fill": before])
                html.empty("rect", ["x": c(labelWidth), "y": c(y0 + 18), "width": c(w(driver.weightAfter)), "height": "10", "fill": after])
                let changed = abs(driver.weightAfter - driver.weightBefore) > 0.0005
                html.element("text", [
                    "x": c(width - valueWidth + 8), "y": c(y0 + 15), "font-size": "12", "fill": "#1f2328",
                    "font-weight": changed ? "600" : "400",
                ], text: "\(wording.percent(driver.weightBefore)) → \(wording.percent(driver.weightAfter))")
                html.element("text", ["x": c(width - valueWidth + 8), "y": c(y0 + 29), "font-size": "11", "fill": "#59636e"],
                             text: driver.addressed
                                ? "relief \(relief(driver.reliefBefore)) → \(relief(driver.reliefAfter))" : "relief 0")
            }
        }
    }

    private func relief(_ value: Double) -> String { wording.numbers.fixed(value, fractionDigits: 2) }
    private func c(_ value: Double) -> String { HTML.coordinate(value) }
}
