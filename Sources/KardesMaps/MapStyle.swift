/// Colours and CSS classes shared by the map, its legend and the theme.
public enum MapStyle {
    /// Okabe–Ito colours, distinguishable with the common colour-vision deficiencies (yellow left out: too light
    /// on the pale land).
    public static let palette: [String] = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"]

    /// The colour for the model at `index` in the site's model order, wrapping around the palette.
    ///
    /// - Parameter index: the model's position (0 for the first model).
    /// - Returns: a `#rrggbb` colour.
    public static func color(at index: Int) -> String {
        let count = palette.count
        return palette[((index % count) + count) % count]
    }

    /// The CSS class of a cooperation model's arcs and legend swatch: `model-` and the slug.
    ///
    /// ```swift
    /// MapStyle.cssClass(forModel: "sister-city")  // "model-sister-city"
    /// ```
    /// - Parameter slug: the model's slug; characters other than `a`–`z`, `0`–`9` and `-` become `-`.
    /// - Returns: the class name.
    public static func cssClass(forModel slug: String) -> String {
        "model-" + String(slug.lowercased().map { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" ? $0 : "-" })
    }

    /// Whether `text` is a hex colour (`#rgb`, `#rrggbb`, with or without alpha), the only colours the map writes.
    static func isHexColor(_ text: String) -> Bool {
        guard text.first == "#", [4, 5, 7, 9].contains(text.count) else { return false }
        return text.dropFirst().allSatisfy(\.isHexDigit)
    }
}

/// One line of a map legend: a model's name and its colour.
public struct MapLegendEntry: Hashable, Sendable {
    /// The text shown, e.g. the model's title in the site language.
    public var label: String
    /// The model's CSS class, from ``MapStyle/cssClass(forModel:)``.
    public var cssClass: String
    /// The model's colour, from ``MapStyle/color(at:)``.
    public var color: String

    /// An entry.
    public init(label: String, cssClass: String, color: String) {
        self.label = label
        self.cssClass = cssClass
        self.color = color
    }
}

/// The legend of a map, as HTML to place next to it.
public enum MapLegend {
    /// A `<ul class="map-legend">` with a line swatch in each model's colour before its label.
    ///
    /// - Parameter entries: the models, in the order to list them.
    /// - Returns: the HTML, or an empty string when there are no entries.
    public static func html(_ entries: [MapLegendEntry]) -> String {
        guard !entries.isEmpty else { return "" }
        var html = "<ul class=\"map-legend\">"
        for entry in entries {
            let stroke = MapStyle.isHexColor(entry.color) ? " stroke=\"\(entry.color)\"" : ""
            html += "<li><svg class=\"map-legend-swatch\" width=\"24\" height=\"10\" viewBox=\"0 0 24 10\" aria-hidden=\"true\">"
            html += "<path class=\"arc \(SVGText.attribute(entry.cssClass))\" d=\"M1 5h22\" fill=\"none\"\(stroke) stroke-width=\"3\""
            html += " stroke-linecap=\"round\"/></svg> \(SVGText.text(entry.label))</li>"
        }
        return html + "</ul>"
    }
}
