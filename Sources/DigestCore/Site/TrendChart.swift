/// A bar chart of papers per month, drawn at build time as inline SVG: no script, no
/// request, and bars coloured by the theme's CSS (`currentColor`), so dark mode reads it.
///
/// The drawing is `role="img"` with its numbers as the accessible name; the text around it
/// (a caption) is the template's.
struct TrendChart: Sendable {
    struct Bar: Sendable, Equatable {
        /// "March 2026".
        var label: String
        var count: Int
    }

    var bars: [Bar]

    /// The largest count, the scale of the bars.
    var peak: Int { bars.map(\.count).max() ?? 0 }

    /// Every month with its count, for screen readers: "March 2026: 12, April 2026: 0".
    var spoken: String {
        bars.map { "\($0.label): \($0.count)" }.joined(separator: ", ")
    }

    /// The SVG, `width` × `height` user units scaled by CSS to its box. A month with no
    /// papers keeps a hairline so the time axis stays visible.
    func svg(name: String, width: Int, height: Int, className: String) -> String {
        guard !bars.isEmpty else { return "" }
        let slot = Double(width) / Double(bars.count)
        let gap = bars.count > 1 ? min(slot * 0.2, 4) : 0
        let scale = Double(height - 1) / Double(max(peak, 1))
        var out = "<svg class=\"\(className)\" viewBox=\"0 0 \(width) \(height)\" preserveAspectRatio=\"none\""
        out += " role=\"img\" aria-label=\"\(HTML.escape(name + ": " + spoken))\">"
        out += "<path class=\"axis\" d=\"M0 \(Self.number(Double(height) - 0.5))H\(width)\"/>"
        for (index, bar) in bars.enumerated() where bar.count > 0 {
            let barHeight = max(Double(bar.count) * scale, 1)
            out += "<rect x=\"\(Self.number(Double(index) * slot + gap / 2))\""
            out += " y=\"\(Self.number(Double(height) - barHeight))\""
            out += " width=\"\(Self.number(slot - gap))\" height=\"\(Self.number(barHeight))\"/>"
        }
        return out + "</svg>"
    }

    /// Two decimals at most, no trailing zeros: the same text on every platform.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return String(whole) }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
