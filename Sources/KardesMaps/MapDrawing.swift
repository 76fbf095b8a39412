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
    /// Routes of arcs worked out while fitting the viewport, reused when the arcs are drawn.
    var knownRoutes = MapViewport.ArcRoutes()

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

    /// A drawing whose viewport fits its dots and arcs, as
    /// ``MapViewport/fitting(_:arcs:country:padding:minimumWidth:aspectRatio:centralMeridian:)`` with its defaults
    /// does; the arcs' routes, worked out to fit them, are drawn without being worked out again.
    public static func fitting(
        title: String, summary: String, dots: [MapDot], arcs: [MapArc], highlightedCountry: CountryCode? = nil,
        idPrefix: String = "map", symbolScale: Double = 1, showsGraticule: Bool = true
    ) -> MapDrawing {
        var routes = MapViewport.ArcRoutes()
        let viewport = MapViewport.fitting(dots.map(\.coordinates), arcs: arcs, routes: &routes)
        var drawing = MapDrawing(
            title: title, summary: summary, viewport: viewport, dots: dots, arcs: arcs, highlightedCountry: highlightedCountry,
            idPrefix: idPrefix, symbolScale: symbolScale, showsGraticule: showsGraticule)
        drawing.knownRoutes = routes
        return drawing
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
        String(decoding: svgBytes(), as: UTF8.self)
    }

    /// ``svg()`` as UTF-8 bytes, for a writer that takes bytes (a page is bytes, and a string of the map would check
    /// each of its bytes once more).
    public func svgBytes() -> [UInt8] {
        let frame = Frame(viewport: viewport)
        let prefix = Self.sanitizedID(idPrefix)
        let scale = symbolScale.isFinite ? min(max(symbolScale, 0.25), 10) : 1
        // Written as bytes and made a string once: a city map is about 20 kB, most of it the land layer.
        var svg = SVGBytes(capacity: 32_768)
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kardes-map\" viewBox=\"0 0 1000 \(SVGText.number(frame.height))\"")
        svg.append(" aria-labelledby=\"\(prefix)-title \(prefix)-desc\">")
        svg.append("<title id=\"\(prefix)-title\">\(SVGText.text(title))</title>")
        svg.append("<desc id=\"\(prefix)-desc\">\(SVGText.text(summary))</desc>")
        svg.append("<g aria-hidden=\"true\">")
        appendBackground(frame, scale: scale, to: &svg)
        appendLand(frame, scale: scale, to: &svg)
        appendArcs(frame, scale: scale, to: &svg)
        svg.append("</g>")
        appendDots(frame, scale: scale, to: &svg)
        svg.append("</svg>")
        return svg.finished()
    }

    // MARK: - Layers

    /// Path coordinates are rounded to this many tenths of a unit: about half a pixel on screen (0.5 units for a
    /// map shown 1000 pixels wide, whole units for one shown 500 wide), which keeps small maps small.
    static func quantum(_ scale: Double) -> Int {
        min(max(Int((5 * scale).rounded()), 1), 10)
    }

    private func appendBackground(_ frame: Frame, scale: Double, to out: inout SVGBytes) {
        var sphere = PathWriter(step: 10, quantum: Self.quantum(scale))
        Graticule.sphere.withUnsafeBufferPointer { sphere.addRing($0, in: frame) }
        out.append("<path class=\"sphere\" fill=\"#e3eef6\" d=\"")
        out.append(sphere.bytes)
        out.append("\"/>")
        if showsGraticule {
            var lines = PathWriter(step: 10, quantum: Self.quantum(scale))
            for line in Graticule.lines(centralMeridian: viewport.centralMeridian) { lines.addLines(frame.clip(line: line.map(frame.point))) }
            if !lines.isEmpty {
                out.append("<path class=\"graticule\" fill=\"none\" stroke=\"#c9dbe8\" stroke-width=\"\(SVGText.number(0.5 * scale))\" d=\"")
                out.append(lines.bytes)
                out.append("\"/>")
            }
        }
    }

    /// The outline is simplified so that it strays at most this many `viewBox` units (times `symbolScale`, so
    /// about this many pixels on screen) from the 1:110m data.
    static let landTolerance = 0.6

    private func appendLand(_ frame: Frame, scale: Double, to out: inout SVGBytes) {
        let highlighted = highlightedCountry?.code
        let width = SVGText.number(0.5 * scale)
        out.append("<g class=\"land\" fill=\"#ddd6c3\" fill-rule=\"evenodd\" stroke=\"#fff\" stroke-width=\"\(width)\" stroke-linejoin=\"round\">")
        // One path per run of rings of one country, written straight into `out`; the highlighted country's are kept
        // aside and go last, so its whole border shows above its neighbours'.
        var emphasized = SVGBytes()
        var current: Int32? = nil  // the country (``Outline/countries``) whose path is open
        // Degrees per viewBox unit, measured along the equator.
        let degreesPerUnit = 180 / (EqualEarth.maxX * frame.scale)
        let minimumLevel = WorldOutline.minimumLevel(forTolerance: Self.landTolerance * scale * degreesPerUnit)
        let step = 1  // only repeated points: thinning by distance would differ between the two sides of a border
        // One writer for every country, so its buffers are allocated once per map. While a country's path is written,
        // the writer holds the bytes of the buffer the path goes to (`out`, or `emphasized` for the highlighted
        // country) and appends to them: each path is written once, not into the writer and then copied.
        var writer = PathWriter(step: step, quantum: Self.quantum(scale))
        let plainStart = Array("<path class=\"country\" d=\"".utf8)
        let emphasizedStart = Array("<path class=\"country highlighted\" fill=\"#b7c79a\" d=\"".utf8)
        let pathEnd = Array("\"/>".utf8)
        var pathStart = 0, pathIsEmphasized = false
        /// Lends the writer the bytes of the buffer the current country's path goes to, or takes them back.
        func exchangeTarget() {
            if pathIsEmphasized { writer.exchangeBytes(with: &emphasized) } else { writer.exchangeBytes(with: &out) }
        }
        func begin(_ code: String?) {
            pathIsEmphasized = highlighted != nil && code == highlighted
            exchangeTarget()
            pathStart = writer.bytes.count
            (pathIsEmphasized ? emphasizedStart : plainStart).withUnsafeBufferPointer { writer.appendRaw($0) }
        }
        func end() {
            guard current != nil else { return }
            // A country none of whose rings showed leaves no path.
            if writer.bytes.count == pathStart + (pathIsEmphasized ? emphasizedStart : plainStart).count {
                writer.truncate(to: pathStart)
            } else {
                pathEnd.withUnsafeBufferPointer { writer.appendRaw($0) }
            }
            exchangeTarget()
        }
        let outline = viewport.outlineRings(minimumLevel: minimumLevel)
        let cull = frame.cullBounds
        // Through pointers, so that no ring is copied and nothing is retained per ring.
        outline.points.withUnsafeBufferPointer { points in
            outline.bounds.withUnsafeBufferPointer { bounds in
                outline.countries.withUnsafeBufferPointer { countries in
                    for index in bounds.indices where bounds[index].intersects(cull) {
                        if current != countries[index] {
                            end()
                            current = countries[index]
                            begin(outline.countryCodes[index])
                        }
                        writer.addRing(UnsafeBufferPointer(rebasing: points[outline.ranges[index]]), in: frame, bounds: bounds[index])
                    }
                }
            }
        }
        end()
        out.append(emphasized)
        out.append("</g>")
    }

    private func appendArcs(_ frame: Frame, scale: Double, to out: inout SVGBytes) {
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
        guard !groups.isEmpty else { return }
        out.append("<g class=\"arcs\" fill=\"none\" stroke=\"#0072b2\" stroke-width=\"\(SVGText.number(1.2 * scale))\"")
        out.append(" stroke-opacity=\"0.75\" stroke-linecap=\"round\" stroke-linejoin=\"round\">")
        for key in groups.keys.sorted() {
            var writer = PathWriter(step: Int(15 * scale), quantum: Self.quantum(scale))
            for arc in groups[key, default: []].sorted() {
                for piece in knownRoutes.pieces(from: arc.from, to: arc.to, in: viewport) ?? viewport.arcPieces(from: arc.from, to: arc.to) {
                    writer.addLines(frame.clip(line: piece.map(frame.point)))
                }
            }
            guard !writer.isEmpty else { continue }
            let stroke = key.color.isEmpty ? "" : " stroke=\"\(key.color)\""
            let classes = key.cssClass.isEmpty ? "arc" : "arc \(key.cssClass)"
            out.append("<path class=\"\(SVGText.attribute(classes))\"\(stroke) d=\"")
            out.append(writer.bytes)
            out.append("\"/>")
        }
        out.append("</g>")
    }

    private func appendDots(_ frame: Frame, scale: Double, to out: inout SVGBytes) {
        let placed = dots.compactMap { dot -> (dot: MapDot, x: Int, y: Int, r: Int)? in
            let (x, y) = frame.point(viewport.project(dot.coordinates))
            guard x >= 0, x <= 1000, y >= 0, y <= frame.height else { return nil }
            let radius = dot.radius.isFinite && dot.radius > 0 ? dot.radius : MapDot.radius(forPartnerships: 1)
            return (dot, SVGText.toTenths(x), SVGText.toTenths(y), max(SVGText.toTenths(radius * scale), 1))
        }
        .sorted { a, b in
            // Largest first, then by ID (and the rest, for dots that share one); field by field, as comparing the two
            // tuples would, without copying three strings into a tuple for every comparison.
            if a.r != b.r { return a.r > b.r }
            if a.dot.id != b.dot.id { return a.dot.id < b.dot.id }
            if a.dot.url != b.dot.url { return a.dot.url < b.dot.url }
            if a.dot.label != b.dot.label { return a.dot.label < b.dot.label }
            if a.x != b.x { return a.x < b.x }
            return a.y < b.y
        }
        guard !placed.isEmpty else { return }
        out.append("<g class=\"cities\" fill=\"#b03a2e\" fill-opacity=\"0.85\" stroke=\"#fff\" stroke-width=\"\(SVGText.number(0.75 * scale))\">")
        for item in placed {
            out.append("<a href=\"")
            out.append(SVGText.attribute(item.dot.url))
            out.append("\" aria-label=\"")
            out.append(SVGText.attribute(item.dot.label))
            out.append("\"><title>")
            out.append(SVGText.text(item.dot.label))
            out.append("</title><circle class=\"")
            out.append(SVGText.attribute(item.dot.cssClass))
            out.append(item.dot.isHighlighted ? "\" fill=\"#1d2a4d\" fill-opacity=\"1\" cx=\"" : "\" cx=\"")
            out.appendTenths(item.x)
            out.append("\" cy=\"")
            out.appendTenths(item.y)
            out.append("\" r=\"")
            out.appendTenths(item.r)
            out.append("\"/></a>")
        }
        out.append("</g>")
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
    /// The edges of what is drawn, in `viewBox` units: the frame plus the margin.
    let lowX: Double, lowY: Double, highX: Double, highY: Double

    init(viewport: MapViewport) {
        self.viewport = viewport
        self.scale = MapDrawing.width / viewport.bounds.width
        self.height = MapDrawing.height(for: viewport)
        let m = margin / scale
        let b = viewport.bounds
        self.cullBounds = ProjectedBounds(minX: b.minX - m, minY: b.minY - m, maxX: b.maxX + m, maxY: b.maxY + m)
        (lowX, lowY) = (-margin, -margin)
        (highX, highY) = (MapDrawing.width + margin, height + margin)
    }

    func point(_ p: ProjectedPoint) -> (Double, Double) {
        ((p.x - viewport.bounds.minX) * scale, (viewport.bounds.maxY - p.y) * scale)
    }

    /// Whether every point of `bounds` (in the projection's plane) lies inside the frame plus margin once moved into
    /// `viewBox` units by ``point(_:)``, edges included.
    func containsAll(_ bounds: ProjectedBounds) -> Bool {
        let (left, top) = point(ProjectedPoint(x: bounds.minX, y: bounds.maxY))
        let (right, bottom) = point(ProjectedPoint(x: bounds.maxX, y: bounds.minY))
        return left >= lowX && right <= highX && top >= lowY && bottom <= highY
    }

    /// Whether `p` (in `viewBox` units) lies inside the frame plus margin, edges included.
    func contains(_ p: (Double, Double)) -> Bool {
        p.0 >= lowX && p.0 <= highX && p.1 >= lowY && p.1 <= highY
    }

    /// Clips a closed ring to the frame plus margin, in place (Sutherland–Hodgman: the left, right, top and bottom
    /// edge in turn). An edge that no point lies beyond is skipped, as clipping to it gives the same points.
    ///
    /// - Parameters:
    ///   - points: the ring in `viewBox` units, implicitly closed; becomes the clipped ring, empty when nothing shows.
    ///   - spare: room for the clipping, reused between rings so that clipping allocates nothing; left undefined.
    func clip(ring points: inout [(Double, Double)], spare: inout [(Double, Double)]) {
        Self.clip(&points, into: &spare, alongX: true, keepingAbove: true, bound: lowX)
        Self.clip(&points, into: &spare, alongX: true, keepingAbove: false, bound: highX)
        Self.clip(&points, into: &spare, alongX: false, keepingAbove: true, bound: lowY)
        Self.clip(&points, into: &spare, alongX: false, keepingAbove: false, bound: highY)
    }

    /// One step of ``clip(ring:spare:)``: keeps the part of the ring where x (or y) is at least (or at most) `bound`.
    @inline(__always)
    private static func clip(
        _ points: inout [(Double, Double)], into spare: inout [(Double, Double)], alongX: Bool, keepingAbove: Bool, bound: Double
    ) {
        @inline(__always) func inside(_ p: (Double, Double)) -> Bool {
            let value = alongX ? p.0 : p.1
            return keepingAbove ? value >= bound : value <= bound
        }
        @inline(__always) func cut(_ a: (Double, Double), _ b: (Double, Double)) -> (Double, Double) {
            alongX ? cutX(a, b, bound) : cutY(a, b, bound)
        }
        guard let last = points.last else { return }
        var beyond = false
        for point in points where !inside(point) {
            beyond = true
            break
        }
        guard beyond else { return }
        spare.removeAll(keepingCapacity: true)
        var previous = last, wasInside = inside(last)
        for point in points {
            let isInside = inside(point)
            if isInside {
                if !wasInside { spare.append(cut(previous, point)) }
                spare.append(point)
            } else if wasInside {
                spare.append(cut(previous, point))
            }
            previous = point
            wasInside = isInside
        }
        swap(&points, &spare)
    }

    /// A densely sampled polyline cut into the runs that come near the frame (a point is kept when it or a
    /// neighbour lies inside the frame plus margin).
    func clip(line: [(Double, Double)]) -> [[(Double, Double)]] {
        var runs: [[(Double, Double)]] = []
        var run: [(Double, Double)] = []
        for (index, point) in line.enumerated() {
            let near = contains(point) || (index > 0 && contains(line[index - 1])) || (index + 1 < line.count && contains(line[index + 1]))
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
/// The path is collected as UTF-8 bytes. A city page's land layer has thousands of numbers, and making strings and
/// arrays for each was a large part of a whole build; so a ring's points go through buffers kept between rings and
/// read and written through pointers: moved into `viewBox` units, rounded and thinned in one pass each, with no
/// per-point check of an array's size, uniqueness or capacity.
struct PathWriter {
    let step: Int
    let quantum: Int
    /// The path data written so far.
    private(set) var bytes = SVGBytes()
    /// The ring being added in `viewBox` units, and its rounded, thinned points; shared by copies of the writer,
    /// which is fine as a writer draws one path on one thread.
    private let scratch = Scratch()
    /// Room for clipping a ring that crosses the frame (most rings of a small map lie wholly inside).
    private var clipped: [(Double, Double)] = []
    private var spare: [(Double, Double)] = []

    init(step: Int, quantum: Int = 1) {
        self.step = max(step, 1)
        self.quantum = max(quantum, 1)
    }

    /// The path data written so far, as a string.
    var d: String { bytes.string }

    /// Whether nothing has been written.
    var isEmpty: Bool { bytes.isEmpty }

    /// Forgets the path data, keeping the buffers for the next path.
    mutating func removeAll() {
        bytes.removeAll()
    }

    /// Swaps the path data with `buffer`'s bytes: a writer given a buffer's bytes appends what it writes to them, and
    /// gives them back when swapped again.
    mutating func exchangeBytes(with buffer: inout SVGBytes) {
        swap(&bytes, &buffer)
    }

    /// Appends bytes that are not path data (the element around it).
    mutating func appendRaw(_ raw: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    /// Forgets what was written after the first `count` bytes.
    mutating func truncate(to count: Int) {
        bytes.truncate(to: count)
    }

    /// `value` in tenths, rounded half away from zero to a multiple of `quantum`, like ``SVGText/toTenths(_:)``,
    /// so both sides of a border round alike.
    @inline(__always)
    func rounded(_ value: Double) -> Int {
        let tenths = SVGText.toTenths(value)
        // In integers, the same as `Int((Double(tenths) / q).rounded(.toNearestOrAwayFromZero) * q)`: a quotient of
        // two whole numbers is a half only when it is exactly one. `tenths` is at most 10¹² (toTenths clamps), so
        // nothing overflows. 10 (maps drawn at half size) gets a constant divisor, which is a multiplication.
        let magnitude = tenths.magnitude
        let result: Int
        if quantum == 10 {
            result = Int(bitPattern: (2 &* magnitude &+ 10) / 20 &* 10)
        } else if quantum > 1 {
            let q = UInt(bitPattern: quantum)
            result = Int(bitPattern: (2 &* magnitude &+ q) / (2 &* q) &* q)
        } else {
            return tenths
        }
        return tenths < 0 ? 0 &- result : result
    }

    /// Adds a closed ring given in the projection's plane: moved into `viewBox` units, clipped to the frame plus
    /// margin (unless it lies wholly inside, as most rings on a small map do), rounded, thinned and written.
    ///
    /// A ring that ends up with fewer than three points, or smaller than about a unit across, is left out.
    ///
    /// - Parameter bounds: a box around the ring's points, when known: a ring whose box lies inside the frame needs
    ///   no look at each point to know it, and is rounded and thinned straight from the projection's plane.
    mutating func addRing(_ ring: UnsafeBufferPointer<ProjectedPoint>, in frame: Frame, bounds: ProjectedBounds? = nil) {
        if let bounds, frame.containsAll(bounds) {
            // Moving into `viewBox` units keeps the order of coordinates, so every point lies inside the moved box.
            addRingInside(ring, frame)
            return
        }
        let points = scratch.points(capacity: ring.count)
        var inside = true
        for index in 0..<ring.count {
            let point = frame.point(ring[index])
            if inside && !frame.contains(point) { inside = false }
            points[index] = point
        }
        if inside {
            addClippedRing(UnsafeBufferPointer(start: points, count: ring.count))
        } else {
            clipped.removeAll(keepingCapacity: true)
            clipped.append(contentsOf: UnsafeBufferPointer(start: points, count: ring.count))
            frame.clip(ring: &clipped, spare: &spare)
            clipped.withUnsafeBufferPointer { addClippedRing($0) }
        }
    }

    /// ``addRing(_:in:bounds:)`` of a ring that lies wholly inside the frame: moved, rounded and thinned as
    /// ``thin(count:keepLast:point:)`` of ``Frame/point(_:)`` would, and written as ``finishRing(_:)`` would, in one
    /// pass that also measures the kept points' box. Most rings of most maps take this path, point by point the
    /// innermost loop of a site's maps, so the frame's numbers are read once and nothing is called per point.
    private mutating func addRingInside(_ ring: UnsafeBufferPointer<ProjectedPoint>, _ frame: Frame) {
        let pointCount = ring.count
        guard pointCount > 0 else { return }
        let minX = frame.viewport.bounds.minX, maxY = frame.viewport.bounds.maxY, scale = frame.scale
        let kept = scratch.kept(capacity: pointCount)
        @inline(__always) func at(_ index: Int) -> (Int, Int) {
            let p = ring[index]
            return (rounded((p.x - minX) * scale), rounded((maxY - p.y) * scale))
        }
        var last = at(0)
        kept[0] = last
        var count = 1
        var minKeptX = last.0, maxKeptX = last.0, minKeptY = last.1, maxKeptY = last.1
        let step = self.step.magnitude
        for index in 1..<pointCount {
            let p = at(index)
            if max((p.0 &- last.0).magnitude, (p.1 &- last.1).magnitude) >= step {
                kept[count] = p
                count &+= 1
                last = p
                minKeptX = min(minKeptX, p.0)
                maxKeptX = max(maxKeptX, p.0)
                minKeptY = min(minKeptY, p.1)
                maxKeptY = max(maxKeptY, p.1)
            }
        }
        // As in ``finishRing(_:)``: the points dropped from the end equal the first, so the box stays the same.
        while count > 1, kept[0] == kept[count - 1] { count -= 1 }
        guard count >= 3, maxKeptX - minKeptX >= 8 || maxKeptY - minKeptY >= 8 else { return }
        write(count)
        bytes.append(UInt8(ascii: "z"))
    }

    private mutating func addClippedRing(_ points: UnsafeBufferPointer<(Double, Double)>) {
        finishRing(thin(points, keepLast: false))
    }

    /// Writes the first `count` kept points as a closed subpath, unless too few or too small to show.
    private mutating func finishRing(_ keptCount: Int) {
        var count = keptCount
        let kept = scratch.kept
        while count > 1, kept[0] == kept[count - 1] { count -= 1 }
        guard count >= 3 else { return }
        var minX = Int.max, maxX = Int.min, minY = Int.max, maxY = Int.min
        for index in 0..<count {
            let (x, y) = kept[index]
            minX = min(minX, x)
            maxX = max(maxX, x)
            minY = min(minY, y)
            maxY = max(maxY, y)
        }
        // Too small to see at this scale (under about a unit across).
        guard maxX - minX >= 8 || maxY - minY >= 8 else { return }
        write(count)
        bytes.append(UInt8(ascii: "z"))
    }

    mutating func addLines(_ lines: [[(Double, Double)]]) {
        for line in lines {
            let count = line.withUnsafeBufferPointer { thin($0, keepLast: true) }
            if count >= 2 { write(count) }
        }
    }

    /// Rounds `points` into the scratch's kept points, dropping each that rounds to within `step` of the last one
    /// kept (the last of a line is kept when it differs at all, so a line reaches its end).
    /// - Returns: how many points were kept.
    private func thin(_ points: UnsafeBufferPointer<(Double, Double)>, keepLast: Bool) -> Int {
        thin(count: points.count, keepLast: keepLast) { points[$0] }
    }

    /// ``thin(_:keepLast:)`` of the `count` points `point` gives.
    @inline(__always)
    private func thin(count pointCount: Int, keepLast: Bool, point: (Int) -> (Double, Double)) -> Int {
        guard pointCount > 0 else { return 0 }
        let first = point(0)
        let kept = scratch.kept(capacity: pointCount)
        var last = (rounded(first.0), rounded(first.1))
        kept[0] = last
        var count = 1
        let step = self.step, final = pointCount - 1
        for index in 1..<pointCount {
            let next = point(index)
            let p = (rounded(next.0), rounded(next.1))
            // Wrapping differences and magnitudes: rounded coordinates are at most 10¹² tenths, so nothing wraps, and
            // the overflow checks of `-` and `abs` were a fifth of this loop.
            let far = max((p.0 &- last.0).magnitude, (p.1 &- last.1).magnitude) >= step.magnitude
            if far || (keepLast && index == final && p != last) {
                kept[count] = p
                count += 1
                last = p
            }
        }
        return count
    }

    /// Writes the first `count` kept points as one subpath.
    private mutating func write(_ count: Int) {
        let kept = scratch.kept
        guard count > 0 else { return }
        let first = kept[0]
        // At most two numbers per point, each with a separator, plus `M`, `l` and the space between the first two.
        // (Each step below stores 8 bytes for a number of at most 6; the room of 22 per number covers that.)
        let maximum = 3 + 2 * count * (SVGText.maximumTenthsLength + 1)
        bytes.write(maximum: maximum) { target in
            var length = 0
            target[length] = UInt8(ascii: "M")
            length += 1
            length += SVGText.writeTenths(first.0, to: target + length)
            target[length] = UInt8(ascii: " ")
            length += 1
            length += SVGText.writeTenths(first.1, to: target + length)
            target[length] = UInt8(ascii: "l")
            length += 1
            guard count > 1 else { return length }
            // The first step follows the command, so its x needs no separator.
            var previous = kept[1]
            let dx = previous.0 &- first.0, dy = previous.1 &- first.1
            length += SVGText.writeTenths(dx, to: target + length)
            let table = StepTable.words
            length += Self.writeStep(dy, to: target + length, table: table)
            for index in 2..<count {
                let point = kept[index]
                length += Self.writeStep(point.0 &- previous.0, to: target + length, table: table)
                length += Self.writeStep(point.1 &- previous.1, to: target + length, table: table)
                previous = point
            }
            return length
        }
    }

    /// Writes a step of `value` tenths after another number: a space and the number, or the number alone when its
    /// minus sign separates it. Returns how many bytes were written; stores up to 8 (room the caller has).
    ///
    /// Most steps along an outline are a few units, so those come from a table, one load and one store with no
    /// branch on their digits: which way a step goes, and how many digits it has, is a coin toss for the processor.
    @inline(__always)
    static func writeStep(_ value: Int, to target: UnsafeMutablePointer<UInt8>, table: UnsafePointer<UInt64> = StepTable.words) -> Int {
        let index = value &+ StepTable.limit
        if UInt(bitPattern: index) < UInt(bitPattern: StepTable.size) {
            let word = table[index]
            UnsafeMutableRawPointer(target).storeBytes(of: word.littleEndian, as: UInt64.self)
            return Int(truncatingIfNeeded: word >> 56)
        }
        var length = 0
        if value >= 0 {
            target[0] = UInt8(ascii: " ")
            length = 1
        }
        return length + SVGText.writeTenths(value, to: target + length)
    }

    /// The bytes ``writeStep(_:to:)`` writes for each step of −999…999 tenths, packed into a word: the bytes from the
    /// lowest one up (at most six), and their count in the highest.
    enum StepTable {
        static let limit = 999
        static let size = 2 * limit + 1
        /// A pointer that lives as long as the process, so that reading the table checks no array bounds or lazy
        /// initialisation inside the loop.
        nonisolated(unsafe) static let words: UnsafePointer<UInt64> = {
            let words = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
            for offset in 0..<size {
                let value = offset - limit
                let text = Array(((value >= 0 ? " " : "") + SVGText.tenths(value)).utf8)
                var word: UInt64 = 0
                for (position, byte) in text.enumerated() { word |= UInt64(byte) << (8 * position) }
                words[offset] = word | UInt64(text.count) << 56
            }
            return UnsafePointer(words)
        }()
    }

    /// Buffers that grow to the largest ring seen and are reused for every ring after it.
    private final class Scratch {
        private let pointsBuffer = GrowingBuffer<(Double, Double)>()
        private let keptBuffer = GrowingBuffer<(Int, Int)>()

        /// Room for `capacity` points in `viewBox` units; its contents are undefined.
        func points(capacity: Int) -> UnsafeMutablePointer<(Double, Double)> { pointsBuffer.room(for: capacity) }

        /// The rounded points of the ring being added.
        var kept: UnsafeMutablePointer<(Int, Int)> { keptBuffer.base }

        /// Room for `capacity` rounded points; its contents are undefined.
        func kept(capacity: Int) -> UnsafeMutablePointer<(Int, Int)> { keptBuffer.room(for: capacity) }
    }

    /// Memory for trivial values that only grows (doubling), never keeping what it held when it does.
    private final class GrowingBuffer<Element> {
        private(set) var base = UnsafeMutablePointer<Element>.allocate(capacity: 1)
        private var capacity = 1

        func room(for count: Int) -> UnsafeMutablePointer<Element> {
            if count > capacity {
                base.deallocate()
                capacity = max(count, 2 * capacity)
                base = .allocate(capacity: capacity)
            }
            return base
        }

        deinit { base.deallocate() }
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
