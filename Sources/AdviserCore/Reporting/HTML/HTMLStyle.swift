/// Colours and shared bits of the HTML reports.
enum HTMLStyle {
    /// Okabe–Ito: distinguishable with the common colour-vision deficiencies, and in greyscale print.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    static func colour(_ index: Int) -> String { palette[index % palette.count] }

    /// Round tick values covering `low…high`, about `count` of them.
    static func ticks(_ low: Double, _ high: Double, count: Int = 6) -> [Double] {
        guard high > low, count > 1 else { return [low] }
        let raw = (high - low) / Double(count - 1)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var ticks: [Double] = []
        var tick = (low / step).rounded(.up) * step
        while tick <= high + step * 1e-9 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return ticks
    }

    /// The whole style sheet: screen and A4 print.
    static let css = """
        :root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0072B2; --bad: #b3261e; --warn: #8a5a00; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1080px; margin: 0 auto; padding: 28px 32px 48px; }
        header.brief { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 20px; }
        header.brief .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); margin: 0; }
        h1 { font-size: 28px; line-height: 1.2; margin: 4px 0 6px; }
        h2 { font-size: 21px; margin: 34px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 17px; margin: 0 0 8px; }
        h4 { font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 16px 0 6px; }
        p.meta { color: var(--muted); margin: 0; }
        .warning { border-left: 4px solid #E69F00; background: #fff8e6; padding: 8px 12px; margin: 10px 0; border-radius: 4px; }
        .warning strong { color: var(--warn); }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 4px; font-size: 14px; }
        th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--line); }
        th { background: var(--soft); font-weight: 600; }
        .nowrap { white-space: nowrap; }
        th.offering-name { background: #fff; font-weight: 600; border-right: 1px solid var(--line); }
        tr.first td, tr.first th { border-top: 2px solid var(--line); }
        table.side { table-layout: fixed; }
        table.side th:first-child, table.side td:first-child { width: 24%; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .held { color: #00664a; font-weight: 600; }
        .not-held { color: var(--bad); font-weight: 600; }
        .muted { color: var(--muted); }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; background: var(--soft); padding: 1px 4px; border-radius: 3px; }
        figure { margin: 12px 0 8px; }
        figure svg { display: block; max-width: 100%; height: auto; }
        figcaption { font-size: 13px; color: var(--muted); margin-top: 4px; }
        .legend { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 13px; margin-top: 6px; align-items: center; }
        .legend span { display: inline-flex; align-items: center; gap: 6px; }
        .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 50%; }
        article.advice { border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 18px 0; }
        article.advice .headline { display: flex; justify-content: space-between; gap: 12px; align-items: baseline; flex-wrap: wrap; }
        .pill { font-size: 12px; border-radius: 999px; padding: 2px 10px; border: 1px solid currentColor; white-space: nowrap; }
        .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 28px; }
        ul { margin: 4px 0; padding-left: 20px; }
        li { margin: 2px 0; }
        .why .rule { color: var(--muted); font-size: 13px; }
        footer { margin-top: 36px; font-size: 12px; color: var(--muted); }
        @media (max-width: 760px) { .grid { grid-template-columns: 1fr; } }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          section.offering { break-before: page; page-break-before: always; }
          article.advice, figure, table { break-inside: avoid; page-break-inside: avoid; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
        }
        """
}
