import KardesModel

/// A city on the map: a dot that links to the city's page.
public struct MapDot: Hashable, Sendable {
    /// A stable identifier (the city ID, `tr/istanbul`); it orders dots of the same size, so output is stable.
    public var id: String
    /// Where the dot is.
    public var coordinates: Coordinates
    /// The radius in `viewBox` units (the map is 1000 units wide); see ``radius(forPartnerships:)``.
    public var radius: Double
    /// The accessible name of the link and its tooltip, e.g. "İstanbul, Türkiye: 12 partnerships".
    public var label: String
    /// The link target, usually a relative URL of the city's page.
    public var url: String
    /// The CSS class of the circle (`city`; e.g. `city current` for the page's own city).
    public var cssClass: String
    /// Whether to draw the dot in a dark colour that stands out (the page's own city on a city map).
    public var isHighlighted: Bool

    /// A dot.
    public init(
        id: String, coordinates: Coordinates, radius: Double, label: String, url: String, cssClass: String = "city",
        isHighlighted: Bool = false
    ) {
        self.id = id
        self.coordinates = coordinates
        self.radius = radius
        self.label = label
        self.url = url
        self.cssClass = cssClass
        self.isHighlighted = isHighlighted
    }

    /// A dot sized by ``radius(forPartnerships:)``.
    public init(
        id: String, coordinates: Coordinates, partnerships: Int, label: String, url: String, cssClass: String = "city",
        isHighlighted: Bool = false
    ) {
        self.init(
            id: id, coordinates: coordinates, radius: Self.radius(forPartnerships: partnerships), label: label, url: url,
            cssClass: cssClass, isHighlighted: isHighlighted)
    }

    /// The radius for a city with `count` partnerships: area proportional to the count (a square-root scale),
    /// 2.5 units for one, clamped to 2.5…12 so a city with a hundred partners does not cover its region.
    ///
    /// - Parameter count: the city's number of partnerships (0 is drawn like 1).
    /// - Returns: the radius in `viewBox` units.
    public static func radius(forPartnerships count: Int) -> Double {
        min(max(2.5 * Double(max(count, 1)).squareRoot(), 2.5), 12)
    }
}

/// A partnership on the map: a great-circle arc between two cities, coloured by its cooperation model.
public struct MapArc: Hashable, Sendable {
    /// One city.
    public var from: Coordinates
    /// The other city.
    public var to: Coordinates
    /// The CSS class, from ``MapStyle/cssClass(forModel:)`` (`model-sister-city`).
    public var cssClass: String
    /// The stroke colour (`#rrggbb`), written as a presentation attribute so a theme's CSS can still override it;
    /// nil, or anything but a hex colour, leaves the map's default.
    public var color: String?

    /// An arc.
    public init(from: Coordinates, to: Coordinates, cssClass: String, color: String? = nil) {
        self.from = from
        self.to = to
        self.cssClass = cssClass
        self.color = color
    }
}

/// A map drawn as an inline SVG string: ocean, graticule, land (one country highlighted), arcs, and linked dots.
///
/// ```swift
/// let drawing = MapDrawing(
///     title: "Partnerships of İstanbul", summary: "İstanbul and its 3 partner cities.",
///     viewport: .fitting(points, arcs: arcs), dots: dots, arcs: arcs, highlightedCountry: CountryCode("TR"),
///     idPrefix: "city-map")
/// let html = drawing.svg()
/// ```
///
/// The SVG has a `viewBox` 1000 units wide and no `width` or `height`, so it fills its container's width and keeps
/// its ratio; it refers to nothing outside itself. Its accessible name and description are its `<title>` and
/// `<desc>`; the background is hidden from assistive technology, and every dot is a link (`<a href>` with an
/// `aria-label` and a `<title>`) that keyboard and screen-reader users reach in reading order. Dots outside the
/// viewport are left out, so no invisible link takes focus. Elements are sorted (arcs by class, dots largest
/// first so small ones stay clickable on top), so the same input always gives the same bytes.
///
/// Classes for a theme's CSS: `kardes-map` (the `svg`), `sphere`, `graticule`, `land`, `country`, `highlighted`,
/// `arcs`, `arc` plus each arc's class, `cities`, and each dot's class.
public struct MapDrawing: Sendable {
    /// The map's accessible name (its `<title>`).
    public var title: String
    /// The map's accessible description (its `<desc>`), e.g. how many cities and partnerships it shows.
    public var summary: String
    /// What part of the world to show.
    public var viewport: MapViewport
    /// The cities.
    public var dots: [MapDot]
    /// The partnerships.
    public var arcs: [MapArc]
    /// A country to fill in a stronger colour (the country page's own, or the city's).
    public var highlightedCountry: CountryCode?
    /// Prefix of the `id`s of the `<title>` and `<desc>`; use a different one for each map on a page.
    public var idPrefix: String
    /// `viewBox` units per screen pixel: 1 for a map shown about 1000 pixels wide, 2 for one shown about 500 wide.
    /// Dot radii and line widths are multiplied by it, so they keep their size on screen, and the outline is
    /// simplified and rounded to about half a pixel, so small maps stay small. Clamped to 0.25…10.
    public var symbolScale: Double
    /// Whether to draw the 30° graticule.
    public var showsGraticule: Bool

    /// A drawing; nothing is computed until ``svg()``.
    public init(
        title: String, summary: String, viewport: MapViewport = .world, dots: [MapDot] = [], arcs: [MapArc] = [],
        highlightedCountry: CountryCode? = nil, idPrefix: String = "map", symbolScale: Double = 1, showsGraticule: Bool = true
    ) {
        self.title = title
        self.summary = summary
        self.viewport = viewport
        self.dots = dots
        self.arcs = arcs
        self.highlightedCountry = highlightedCountry
        self.idPrefix = idPrefix
        self.symbolScale = symbolScale
        self.showsGraticule = showsGraticule
    }

    /// The `viewBox` width every map has.
    public static let width: Double = 1000

    /// The `viewBox` height for `viewport`: 1000 divided by its aspect ratio.
    public static func height(for viewport: MapViewport) -> Double {
        (width / viewport.aspectRatio * 10).rounded() / 10
    }

    /// Renders the map.
    ///
    /// - Returns: one `<svg>…</svg>` element, valid inside HTML5, with no line breaks.
    public func svg() -> String {
        let frame = Frame(viewport: viewport)
        let prefix = Self.sanitizedID(idPrefix)
        let scale = symbolScale.isFinite ? min(max(symbolScale, 0.25), 10) : 1
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kardes-map\" viewBox=\"0 0 1000 \(SVGText.number(frame.height))\""
        svg += " aria-labelledby=\"\(prefix)-title \(prefix)-desc\">"
        svg += "<title id=\"\(prefix)-title\">\(SVGText.text(title))</title>"
        svg += "<desc id=\"\(prefix)-desc\">\(SVGText.text(summary))</desc>"
        svg += "<g aria-hidden=\"true\">"
        svg += background(frame, scale: scale)
        svg += land(frame, scale: scale)
        svg += arcLayer(frame, scale: scale)
        svg += "</g>"
        svg += dotLayer(frame, scale: scale)
        return svg + "</svg>"
    }

    // MARK: - Layers

    /// Path coordinates are rounded to this many tenths of a unit: about half a pixel on screen (0.5 units for a
    /// map shown 1000 pixels wide, whole units for one shown 500 wide), which keeps small maps small.
    static func quantum(_ scale: Double) -> Int {
        min(max(Int((5 * scale).rounded()), 1), 10)
    }

    private func background(_ frame: Frame, scale: Double) -> String {
        var sphere = PathWriter(step: 10, quantum: Self.quantum(scale))
        sphere.addRing(frame.clip(ring: Graticule.sphere.map(frame.point)))
        var out = "<path class=\"sphere\" fill=\"#e3eef6\" d=\"\(sphere.d)\"/>"
        if showsGraticule {
            var lines = PathWriter(step: 10, quantum: Self.quantum(scale))
            for line in Graticule.lines(centralMeridian: viewport.centralMeridian) { lines.addLines(frame.clip(line: line.map(frame.point))) }
            if !lines.isEmpty {
                out += "<path class=\"graticule\" fill=\"none\" stroke=\"#c9dbe8\" stroke-width=\"\(SVGText.number(0.5 * scale))\" d=\"\(lines.d)\"/>"
            }
        }
        return out
    }

    /// The outline is simplified so that it strays at most this many `viewBox` units (times `symbolScale`, so
    /// about this many pixels on screen) from the 1:110m data.
    static let landTolerance = 0.6

    private func land(_ frame: Frame, scale: Double) -> String {
        let highlighted = highlightedCountry?.code
        var paths: [(code: String?, d: String)] = []
        var current: String?? = .none
        // Degrees per viewBox unit, measured along the equator.
        let degreesPerUnit = 180 / (EqualEarth.maxX * frame.scale)
        let minimumLevel = WorldOutline.minimumLevel(forTolerance: Self.landTolerance * scale * degreesPerUnit)
        let step = 1  // only repeated points: thinning by distance would differ between the two sides of a border
        var writer = PathWriter(step: step, quantum: Self.quantum(scale))
        func flush() {
            if case .some(let code) = current, !writer.isEmpty { paths.append((code, writer.d)) }
            writer = PathWriter(step: step, quantum: Self.quantum(scale))
        }
        for ring in viewport.outlineRings(minimumLevel: minimumLevel) where ring.bounds.intersects(frame.cullBounds) {
            if current != .some(ring.countryCode) {
                flush()
                current = .some(ring.countryCode)
            }
            writer.addRing(frame.clip(ring: ring.points.map(frame.point)))
        }
        flush()
        let width = SVGText.number(0.5 * scale)
        var out = "<g class=\"land\" fill=\"#ddd6c3\" fill-rule=\"evenodd\" stroke=\"#fff\" stroke-width=\"\(width)\" stroke-linejoin=\"round\">"
        // The highlighted country last, so its whole border shows above its neighbours'.
        for path in paths where highlighted == nil || path.code != highlighted {
            out += "<path class=\"country\" d=\"\(path.d)\"/>"
        }
        for path in paths where highlighted != nil && path.code == highlighted {
            out += "<path class=\"country highlighted\" fill=\"#b7c79a\" d=\"\(path.d)\"/>"
        }
        return out + "</g>"
    }

    private func arcLayer(_ frame: Frame, scale: Double) -> String {
        // One path per class and colour, sorted, so the bytes do not depend on the input order; duplicate arcs
        // (the same two cities in the same model) are drawn once.
        struct Key: Hashable, Comparable {
            var cssClass: String, color: String
            static func < (a: Key, b: Key) -> Bool { (a.cssClass, a.color) < (b.cssClass, b.color) }
        }
        var groups: [Key: Set<ArcKey>] = [:]
        for arc in arcs {
            let color = arc.color.flatMap { MapStyle.isHexColor($0) ? $0.lowercased() : nil } ?? ""
            groups[Key(cssClass: arc.cssClass, color: color), default: []].insert(ArcKey(arc.from, arc.to))
        }
        guard !groups.isEmpty else { return "" }
        var out = "<g class=\"arcs\" fill=\"none\" stroke=\"#0072b2\" stroke-width=\"\(SVGText.number(1.2 * scale))\""
        out += " stroke-opacity=\"0.75\" stroke-linecap=\"round\" stroke-linejoin=\"round\">"
        for key in groups.keys.sorted() {
            var writer = PathWriter(step: Int(15 * scale), quantum: Self.quantum(scale))
            for arc in groups[key, default: []].sorted() {
                for piece in viewport.arcPieces(from: arc.from, to: arc.to) {
                    writer.addLines(frame.clip(line: piece.map(frame.point)))
                }
            }
            guard !writer.isEmpty else { continue }
            let stroke = key.color.isEmpty ? "" : " stroke=\"\(key.color)\""
            let classes = key.cssClass.isEmpty ? "arc" : "arc \(key.cssClass)"
            out += "<path class=\"\(SVGText.attribute(classes))\"\(stroke) d=\"\(writer.d)\"/>"
        }
        return out + "</g>"
    }

    private func dotLayer(_ frame: Frame, scale: Double) -> String {
        let placed = dots.compactMap { dot -> (dot: MapDot, x: Int, y: Int, r: Int)? in
            let (x, y) = frame.point(viewport.project(dot.coordinates))
            guard x >= 0, x <= 1000, y >= 0, y <= frame.height else { return nil }
            let radius = dot.radius.isFinite && dot.radius > 0 ? dot.radius : MapDot.radius(forPartnerships: 1)
            return (dot, SVGText.toTenths(x), SVGText.toTenths(y), max(SVGText.toTenths(radius * scale), 1))
        }
        .sorted { a, b in
            (-a.r, a.dot.id, a.dot.url, a.dot.label, a.x, a.y) < (-b.r, b.dot.id, b.dot.url, b.dot.label, b.x, b.y)
        }
        guard !placed.isEmpty else { return "" }
        var out = "<g class=\"cities\" fill=\"#b03a2e\" fill-opacity=\"0.85\" stroke=\"#fff\" stroke-width=\"\(SVGText.number(0.75 * scale))\">"
        for item in placed {
            let label = SVGText.attribute(item.dot.label)
            out += "<a href=\"\(SVGText.attribute(item.dot.url))\" aria-label=\"\(label)\"><title>\(SVGText.text(item.dot.label))</title>"
            let emphasis = item.dot.isHighlighted ? " fill=\"#1d2a4d\" fill-opacity=\"1\"" : ""
            out += "<circle class=\"\(SVGText.attribute(item.dot.cssClass))\"\(emphasis) cx=\"\(SVGText.tenths(item.x))\" cy=\"\(SVGText.tenths(item.y))\""
            out += " r=\"\(SVGText.tenths(item.r))\"/></a>"
        }
        return out + "</g>"
    }

    /// `text` reduced to letters, digits, `-` and `_`, starting with a letter, for use in `id` attributes.
    static func sanitizedID(_ text: String) -> String {
        let kept = String(text.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") })
        guard let first = kept.unicodeScalars.first, first.properties.isAlphabetic else { return "map" + kept }
        return kept
    }
}

// MARK: - Geometry in viewBox units

/// An arc's ends in a fixed order, so `A–B` and `B–A` are one arc and sorting is total.
struct ArcKey: Hashable, Comparable {
    let a: Coordinates, b: Coordinates

    init(_ from: Coordinates, _ to: Coordinates) {
        if (from.latitude, from.longitude) <= (to.latitude, to.longitude) {
            (a, b) = (from, to)
        } else {
            (a, b) = (to, from)
        }
    }

    var from: Coordinates { a }
    var to: Coordinates { b }

    static func < (x: ArcKey, y: ArcKey) -> Bool {
        (x.a.latitude, x.a.longitude, x.b.latitude, x.b.longitude) < (y.a.latitude, y.a.longitude, y.b.latitude, y.b.longitude)
    }
}

/// The mapping from the projection's plane to `viewBox` units (x right, y down), and clipping to what shows.
struct Frame {
    let viewport: MapViewport
    let scale: Double
    let height: Double
    /// Drawn geometry extends this far past the edges, so clipped outlines' strokes stay out of sight.
    let margin: Double = 10
    /// The viewport plus the margin, in the projection's plane, to skip rings that cannot show.
    let cullBounds: ProjectedBounds

    init(viewport: MapViewport) {
        self.viewport = viewport
        self.scale = MapDrawing.width / viewport.bounds.width
        self.height = MapDrawing.height(for: viewport)
        let m = margin / scale
        let b = viewport.bounds
        self.cullBounds = ProjectedBounds(minX: b.minX - m, minY: b.minY - m, maxX: b.maxX + m, maxY: b.maxY + m)
    }

    func point(_ p: ProjectedPoint) -> (Double, Double) {
        ((p.x - viewport.bounds.minX) * scale, (viewport.bounds.maxY - p.y) * scale)
    }

    private var low: (Double, Double) { (-margin, -margin) }
    private var high: (Double, Double) { (MapDrawing.width + margin, height + margin) }

    /// A closed ring clipped to the frame plus margin (Sutherland–Hodgman, one edge at a time).
    func clip(ring: [(Double, Double)]) -> [(Double, Double)] {
        if ring.allSatisfy({ $0.0 >= low.0 && $0.0 <= high.0 && $0.1 >= low.1 && $0.1 <= high.1 }) { return ring }
        var points = ring
        let edges: [(inside: ((Double, Double)) -> Bool, cut: ((Double, Double), (Double, Double)) -> (Double, Double))] = [
            ({ $0.0 >= low.0 }, { a, b in Self.cutX(a, b, low.0) }),
            ({ $0.0 <= high.0 }, { a, b in Self.cutX(a, b, high.0) }),
            ({ $0.1 >= low.1 }, { a, b in Self.cutY(a, b, low.1) }),
            ({ $0.1 <= high.1 }, { a, b in Self.cutY(a, b, high.1) }),
        ]
        for edge in edges {
            guard let last = points.last else { return [] }
            var output: [(Double, Double)] = []
            var previous = last
            for point in points {
                let inside = edge.inside(point), wasInside = edge.inside(previous)
                if inside {
                    if !wasInside { output.append(edge.cut(previous, point)) }
                    output.append(point)
                } else if wasInside {
                    output.append(edge.cut(previous, point))
                }
                previous = point
            }
            points = output
        }
        return points
    }

    /// A densely sampled polyline cut into the runs that come near the frame (a point is kept when it or a
    /// neighbour lies inside the frame plus margin).
    func clip(line: [(Double, Double)]) -> [[(Double, Double)]] {
        func inside(_ p: (Double, Double)) -> Bool { p.0 >= low.0 && p.0 <= high.0 && p.1 >= low.1 && p.1 <= high.1 }
        var runs: [[(Double, Double)]] = []
        var run: [(Double, Double)] = []
        for (index, point) in line.enumerated() {
            let near = inside(point) || (index > 0 && inside(line[index - 1])) || (index + 1 < line.count && inside(line[index + 1]))
            if near {
                run.append(point)
            } else if !run.isEmpty {
                runs.append(run)
                run = []
            }
        }
        if !run.isEmpty { runs.append(run) }
        return runs.filter { $0.count > 1 }
    }

    private static func cutX(_ a: (Double, Double), _ b: (Double, Double), _ x: Double) -> (Double, Double) {
        let t = (x - a.0) / (b.0 - a.0)
        return (x, a.1 + t * (b.1 - a.1))
    }

    private static func cutY(_ a: (Double, Double), _ b: (Double, Double), _ y: Double) -> (Double, Double) {
        let t = (y - a.1) / (b.1 - a.1)
        return (a.0 + t * (b.0 - a.0), y)
    }
}

/// Builds compact SVG path data: absolute start, then relative moves, coordinates rounded to multiples of
/// `quantum` tenths, and points closer than `step` tenths to the last kept one dropped (they would not show).
///
/// The path is collected as UTF-8 bytes: a city page's land layer has thousands of numbers, and appending them to a
/// `String` one by one was a tenth of a whole build.
struct PathWriter {
    let step: Int
    let quantum: Int
    private var bytes: [UInt8] = []
    /// Reused between rings, so thinning allocates once per writer.
    private var kept: [(Int, Int)] = []

    init(step: Int, quantum: Int = 1) {
        self.step = max(step, 1)
        self.quantum = max(quantum, 1)
    }

    /// The path data written so far.
    var d: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether nothing has been written.
    var isEmpty: Bool { bytes.isEmpty }

    private func rounded(_ value: Double) -> Int {
        let tenths = SVGText.toTenths(value)
        guard quantum > 1 else { return tenths }
        // Half away from zero, like toTenths, so both sides of a border round alike.
        let q = Double(quantum)
        return Int((Double(tenths) / q).rounded(.toNearestOrAwayFromZero) * q)
    }

    mutating func addRing(_ points: [(Double, Double)]) {
        thin(points, keepLast: false)
        while kept.count > 1, let first = kept.first, let last = kept.last, first == last { kept.removeLast() }
        guard kept.count >= 3 else { return }
        var minX = Int.max, maxX = Int.min, minY = Int.max, maxY = Int.min
        for (x, y) in kept {
            minX = min(minX, x)
            maxX = max(maxX, x)
            minY = min(minY, y)
            maxY = max(maxY, y)
        }
        // Too small to see at this scale (under about a unit across).
        guard maxX - minX >= 8 || maxY - minY >= 8 else { return }
        write()
        bytes.append(UInt8(ascii: "z"))
    }

    mutating func addLines(_ lines: [[(Double, Double)]]) {
        for line in lines {
            thin(line, keepLast: true)
            if kept.count >= 2 { write() }
        }
    }

    private mutating func thin(_ points: [(Double, Double)], keepLast: Bool) {
        kept.removeAll(keepingCapacity: true)
        for (index, point) in points.enumerated() {
            let p = (rounded(point.0), rounded(point.1))
            if let last = kept.last {
                let far = max(abs(p.0 - last.0), abs(p.1 - last.1)) >= step
                if far || (keepLast && index == points.count - 1 && p != last) { kept.append(p) }
            } else {
                kept.append(p)
            }
        }
    }

    private mutating func write() {
        guard let first = kept.first else { return }
        bytes.append(UInt8(ascii: "M"))
        SVGText.appendTenths(first.0, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        SVGText.appendTenths(first.1, to: &bytes)
        bytes.append(UInt8(ascii: "l"))
        var previous = first
        var afterCommand = true
        for point in kept.dropFirst() {
            let dx = point.0 - previous.0, dy = point.1 - previous.1
            // A minus sign separates numbers by itself; otherwise a space does.
            if !afterCommand && dx >= 0 { bytes.append(UInt8(ascii: " ")) }
            SVGText.appendTenths(dx, to: &bytes)
            if dy >= 0 { bytes.append(UInt8(ascii: " ")) }
            SVGText.appendTenths(dy, to: &bytes)
            afterCommand = false
            previous = point
        }
    }
}

/// The sphere's outline and the graticule, in the projection's plane.
enum Graticule {
    /// The Equal Earth outline: meridian −180° up, the north pole line, meridian 180° down, the south pole line.
    static let sphere: [ProjectedPoint] = {
        let up = stride(from: -90.0, through: 90, by: 2).map { EqualEarth.project(latitude: $0, longitude: -180) }
        let down = stride(from: 90.0, through: -90, by: -2).map { EqualEarth.project(latitude: $0, longitude: 180) }
        return up + down
    }()

    /// Meridians every 30° of longitude (pole to pole; the edge meridian is the sphere's outline) and parallels
    /// every 30° (−60°…60°), sampled every 2°, on the globe turned to `centralMeridian`.
    static func lines(centralMeridian: Double) -> [[ProjectedPoint]] {
        let meridians = stride(from: -180.0, to: 180, by: 30).compactMap { longitude -> [ProjectedPoint]? in
            let turned = EqualEarth.wrappedLongitude(longitude - centralMeridian)
            guard abs(turned) < 179.99 else { return nil }
            return stride(from: -90.0, through: 90, by: 2).map { EqualEarth.project(latitude: $0, longitude: turned) }
        }
        let parallels = stride(from: -60.0, through: 60, by: 30).map { latitude in
            stride(from: -180.0, through: 180, by: 2).map { EqualEarth.project(latitude: latitude, longitude: $0) }
        }
        return meridians + parallels
    }
}
