import Foundation

/// Small SVG charts drawn at build time: bars (horizontal or vertical) and an optional line over them.
/// Colours come from CSS classes (`chart-bar`, `chart-line`, `chart-axis`), so the theme's light and dark schemes apply.
enum Charts {
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    static func escape(_ text: String) -> String { Discovery.escape(text) }

    /// Horizontal bars, one row per label: readable for long names (countries, cities, models).
    static func horizontalBars(_ data: [(label: String, value: Int)], title: String) -> String {
        let rowHeight = 22.0, labelWidth = 190.0, width = 640.0, barSpace = width - labelWidth - 60
        let height = Double(data.count) * rowHeight + 8
        let maximum = Double(max(1, data.map(\.value).max() ?? 1))
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" aria-label=\"\(escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        for (index, item) in data.enumerated() {
            let y = Double(index) * rowHeight + 4
            let barWidth = max(1, Double(item.value) / maximum * barSpace)
            let label = item.label.count > 28 ? String(item.label.prefix(27)) + "…" : item.label
            svg += "<text class=\"chart-label\" x=\"\(number(labelWidth - 6))\" y=\"\(number(y + 15))\" text-anchor=\"end\">\(escape(label))</text>"
            svg += "<rect class=\"chart-bar\" x=\"\(number(labelWidth))\" y=\"\(number(y + 3))\" width=\"\(number(barWidth))\" height=\"\(number(rowHeight - 6))\"/>"
            svg += "<text class=\"chart-value\" x=\"\(number(labelWidth + barWidth + 4))\" y=\"\(number(y + 15))\">\(item.value)</text>\n"
        }
        return svg + "</svg>"
    }

    /// Vertical bars over a continuous range (years), with a line for a second series on its own scale (a running total).
    static func columns(_ data: [(label: Int, value: Int)], line: [Int]?, title: String) -> String {
        let width = 720.0, height = 260.0, left = 40.0, right = 44.0, top = 12.0, bottom = 28.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maximum = Double(max(1, data.map(\.value).max() ?? 1))
        let step = plotWidth / Double(max(1, data.count))
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" aria-label=\"\(escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<line class=\"chart-axis\" x1=\"\(number(left))\" y1=\"\(number(top + plotHeight))\" x2=\"\(number(width - right))\" y2=\"\(number(top + plotHeight))\"/>\n"
        svg += "<text class=\"chart-value\" x=\"\(number(left - 4))\" y=\"\(number(top + 8))\" text-anchor=\"end\">\(Int(maximum))</text>\n"
        for (index, item) in data.enumerated() {
            let barHeight = Double(item.value) / maximum * plotHeight
            let x = left + Double(index) * step
            if item.value > 0 {
                svg += "<rect class=\"chart-bar\" x=\"\(number(x + step * 0.1))\" y=\"\(number(top + plotHeight - barHeight))\" width=\"\(number(max(0.5, step * 0.8)))\" height=\"\(number(barHeight))\"><title>\(item.label): \(item.value)</title></rect>\n"
            }
        }
        // Year labels at the ends and about every tenth bar.
        let every = max(1, data.count / 8)
        for (index, item) in data.enumerated() where index % every == 0 || index == data.count - 1 {
            svg += "<text class=\"chart-label\" x=\"\(number(left + (Double(index) + 0.5) * step))\" y=\"\(number(height - 8))\" text-anchor=\"middle\">\(item.label)</text>\n"
        }
        if let line, let lineMaximum = line.max(), lineMaximum > 0 {
            let points = line.enumerated().map { index, value in
                "\(number(left + (Double(index) + 0.5) * step)),\(number(top + plotHeight - Double(value) / Double(lineMaximum) * plotHeight))"
            }
            svg += "<polyline class=\"chart-line\" fill=\"none\" points=\"\(points.joined(separator: " "))\"/>\n"
            svg += "<text class=\"chart-line-label\" x=\"\(number(width - right + 4))\" y=\"\(number(top + 8))\">\(lineMaximum)</text>\n"
        }
        return svg + "</svg>"
    }
}
