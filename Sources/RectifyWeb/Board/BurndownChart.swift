import Foundation

/// The burndown as an SVG drawn by the server (no script, prints as it shows): open items at
/// each month's end as the plan's deadlines would have them (dashed), as they were (solid red),
/// and items closed in each month (green bars, on the same scale).
public enum BurndownChart {
    public static func svg(_ months: [BoardFigures.Month], width: Int = 760, height: Int = 300) -> String {
        guard !months.isEmpty else { return "<p class=\"muted\">没有可绘制的整改时限。</p>" }
        let left = 48.0, right = 16.0, top = 28.0, bottom = 46.0
        let plotW = Double(width) - left - right, plotH = Double(height) - top - bottom
        let peak = max(1, months.map { max($0.plannedOpen, $0.actualOpen ?? 0, $0.closed) }.max() ?? 1)
        let step = niceStep(Double(peak) / 4)
        let top_ = step * (Double(peak) / step).rounded(.up)
        let slot = plotW / Double(months.count)
        func x(_ i: Int) -> Double { left + slot * (Double(i) + 0.5) }
        func y(_ v: Int) -> Double { top + plotH - plotH * Double(v) / top_ }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" aria-label="整改事项燃尽图" font-family="sans-serif" font-size="11">
            <title>整改事项燃尽图：计划未完成数、实际未完成数与每月完成数</title>

            """
        var tick = 0.0
        while tick <= top_ + 0.001 {
            let ty = top + plotH - plotH * tick / top_
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(ty))\" x2=\"\(f(left + plotW))\" y2=\"\(f(ty))\" stroke=\"#e3e5e8\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(ty + 4))\" text-anchor=\"end\" fill=\"#555\">\(Int(tick))</text>\n"
            tick += step
        }
        let barW = max(2, slot * 0.5)
        for (i, m) in months.enumerated() where m.closed > 0 {
            svg += "<rect x=\"\(f(x(i) - barW / 2))\" y=\"\(f(y(m.closed)))\" width=\"\(f(barW))\" height=\"\(f(top + plotH - y(m.closed)))\" fill=\"#81c995\"><title>\(m.label) 完成 \(m.closed) 项</title></rect>\n"
        }
        let planned = months.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element.plannedOpen)))" }.joined(separator: " ")
        svg += "<polyline points=\"\(planned)\" fill=\"none\" stroke=\"#5f6368\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n"
        let actual = months.enumerated().compactMap { i, m in m.actualOpen.map { "\(f(x(i))),\(f(y($0)))" } }
        if !actual.isEmpty {
            svg += "<polyline points=\"\(actual.joined(separator: " "))\" fill=\"none\" stroke=\"#d93025\" stroke-width=\"2.5\"/>\n"
            for (i, m) in months.enumerated() {
                if let open = m.actualOpen {
                    svg += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(open)))\" r=\"3\" fill=\"#d93025\"><title>\(m.label) 实际未完成 \(open) 项（计划 \(m.plannedOpen) 项）</title></circle>\n"
                }
            }
        }
        let every = max(1, Int((Double(months.count) / 12).rounded(.up)))
        for (i, m) in months.enumerated() where i % every == 0 {
            svg += "<text x=\"\(f(x(i)))\" y=\"\(f(top + plotH + 16))\" text-anchor=\"middle\" fill=\"#555\">\(m.label)</text>\n"
        }
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" stroke=\"#888\"/>\n"
        let ly = Double(height) - 10
        svg += """
            <g transform="translate(\(f(left)),\(f(ly)))">
            <line x1="0" y1="-4" x2="24" y2="-4" stroke="#5f6368" stroke-width="2" stroke-dasharray="6 4"/><text x="30" y="0">计划未完成（按整改时限）</text>
            <line x1="190" y1="-4" x2="214" y2="-4" stroke="#d93025" stroke-width="2.5"/><text x="220" y="0">实际未完成</text>
            <rect x="310" y="-10" width="14" height="10" fill="#81c995"/><text x="330" y="0">当月完成</text>
            </g>
            <text x="\(f(left))" y="16" fill="#333" font-size="12">未完成事项（项）</text>
            </svg>
            """
        return svg
    }

    static func f(_ v: Double) -> String { String(format: "%.1f", v) }

    /// 1, 2, 5 × 10ⁿ at or above `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 1 else { return 1 }
        let magnitude = pow(10, floor(log10(raw)))
        for m in [1.0, 2, 5, 10] where m * magnitude >= raw { return m * magnitude }
        return 10 * magnitude
    }
}
