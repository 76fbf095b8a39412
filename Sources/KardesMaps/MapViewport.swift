import KardesModel
import Synchronization

/// The part of the Equal Earth plane a map shows; the drawing scales it to a `viewBox` 1000 units wide.
///
/// A viewport may turn the globe: with a `centralMeridian` of −170°, the Pacific is in the middle and a map of
/// Tokyo and Los Angeles shows both near each other instead of at opposite edges.
public struct MapViewport: Hashable, Sendable {
    /// The shown box in the projection's plane (units of the earth's radius, y north-up).
    public let bounds: ProjectedBounds
    /// The longitude at the map's centre line (x = 0), in degrees; 0 for the usual Greenwich-centred map.
    public let centralMeridian: Double

    /// A viewport showing exactly `bounds` of the globe turned to `centralMeridian`.
    public init(bounds: ProjectedBounds, centralMeridian: Double = 0) {
        self.bounds = bounds
        self.centralMeridian = centralMeridian.isFinite ? EqualEarth.wrappedLongitude(centralMeridian) : 0
    }

    /// The whole world: the full Equal Earth outline, about 2.05 times as wide as high.
    public static let world = MapViewport(
        bounds: ProjectedBounds(minX: -EqualEarth.maxX, minY: -EqualEarth.maxY, maxX: EqualEarth.maxX, maxY: EqualEarth.maxY))

    /// Width divided by height.
    public var aspectRatio: Double { bounds.width / bounds.height }

    /// A viewport around `points` (and the arcs between them, and a country's main outline), for a city's or a
    /// country's small map.
    ///
    /// When the places lie closer together across the antimeridian than around Greenwich (Tokyo and Los Angeles),
    /// the globe is turned so they are in one piece in the middle (``centralMeridian``, a multiple of 5°).
    /// The box around everything is padded, grown to at least `minimumWidth`, then widened or heightened to
    /// `aspectRatio` about its centre, and moved (not shrunk) to stay inside the world. When the points span more
    /// than the world's width, the result is the world's full width (or wider, centred, when the ratio needs it).
    ///
    /// ```swift
    /// let viewport = MapViewport.fitting([istanbul, houston, cologne], arcs: arcs, aspectRatio: 2)
    /// ```
    /// - Parameters:
    ///   - points: the places that must be visible (a city and its partners).
    ///   - arcs: arcs whose whole great-circle route must be visible (they bulge towards the poles).
    ///   - country: also fits the country's largest ring (its mainland), for a country page.
    ///   - padding: the margin on each side, as a fraction of the box's larger side (default 0.12).
    ///   - minimumWidth: the narrowest view, in projection units (default 0.45, about 25° of longitude).
    ///   - aspectRatio: width divided by height of the result (default 2).
    ///   - centralMeridian: the longitude to centre on; nil (the default) chooses it as described above.
    /// - Returns: the viewport; ``world`` when there is nothing to fit.
    public static func fitting(
        _ points: [Coordinates], arcs: [MapArc] = [], country: CountryCode? = nil, padding: Double = defaultPadding,
        minimumWidth: Double = defaultMinimumWidth, aspectRatio: Double = 2, centralMeridian: Double? = nil
    ) -> MapViewport {
        var routes = ArcRoutes()
        return fitting(
            points, arcs: arcs, country: country, padding: padding, minimumWidth: minimumWidth, aspectRatio: aspectRatio,
            centralMeridian: centralMeridian, routes: &routes)
    }

    /// ``fitting(_:arcs:country:padding:minimumWidth:aspectRatio:centralMeridian:)``, keeping in `routes` the
    /// projected route of each arc it fits, for a drawing of the same arcs (``MapDrawing/fitting(title:summary:dots:arcs:highlightedCountry:idPrefix:symbolScale:showsGraticule:)``).
    static func fitting(
        _ points: [Coordinates], arcs: [MapArc], country: CountryCode? = nil, padding: Double = defaultPadding,
        minimumWidth: Double = defaultMinimumWidth, aspectRatio: Double = 2, centralMeridian: Double? = nil,
        routes: inout ArcRoutes
    ) -> MapViewport {
        let mainland = country.flatMap { WorldOutline.rings(of: $0).first?.points } ?? []
        let longitudes = (points + arcs.flatMap { [$0.from, $0.to] } + mainland).map(\.longitude)
        let turned = MapViewport(bounds: world.bounds, centralMeridian: centralMeridian ?? Self.centralMeridian(for: longitudes))
        var projected = points.map(turned.project)
        routes = ArcRoutes(centralMeridian: turned.centralMeridian)
        for arc in arcs {
            // Each arc from the end a drawing starts it at (``ArcKey``), so a drawing finds every route it needs here;
            // the other way round the route's points are not always the same numbers.
            let ends = ArcKey(arc.from, arc.to)
            for piece in routes.keep(from: ends.from, to: ends.to, in: turned) { projected += piece }
        }
        projected += mainland.map(turned.project)
        guard var box = ProjectedBounds(enclosing: projected), aspectRatio > 0, aspectRatio.isFinite else { return world }

        let margin = max(box.width, box.height) * padding + 0.03
        let neededHeight = box.height + 2 * margin
        var width = max(box.width + 2 * margin, minimumWidth)
        var height = neededHeight
        if width / height < aspectRatio { width = height * aspectRatio } else { height = width / aspectRatio }
        // Wider than the world only helps when the height needs it; otherwise cap at the world's width.
        let worldWidth = world.bounds.width
        if width > worldWidth && worldWidth / aspectRatio >= neededHeight {
            width = worldWidth
            height = width / aspectRatio
        }
        let centreX = (box.minX + box.maxX) / 2, centreY = (box.minY + box.maxY) / 2
        box = ProjectedBounds(minX: centreX - width / 2, minY: centreY - height / 2, maxX: centreX + width / 2, maxY: centreY + height / 2)
        box = shifted(box, into: world.bounds)
        return MapViewport(bounds: box, centralMeridian: turned.centralMeridian)
    }

    /// The margin of ``fitting(_:arcs:country:padding:minimumWidth:aspectRatio:centralMeridian:)`` unless told.
    public static let defaultPadding = 0.12
    /// The narrowest view of ``fitting(_:arcs:country:padding:minimumWidth:aspectRatio:centralMeridian:)`` unless told.
    public static let defaultMinimumWidth = 0.45

    /// 0 unless the longitudes fit in a span at least 20° narrower when the map is centred elsewhere; then the
    /// centre of the narrowest span that holds them all, rounded to 5°.
    static func centralMeridian(for longitudes: [Double]) -> Double {
        let sorted = Set(longitudes.filter(\.isFinite).map(EqualEarth.wrappedLongitude)).sorted()
        guard let west = sorted.first, let east = sorted.last, sorted.count > 1 else { return 0 }
        // The largest empty stretch of longitude; the narrowest span holding every point is the rest of the circle.
        var gap = west + 360 - east, start = west
        for (a, b) in zip(sorted, sorted.dropFirst()) where b - a > gap {
            gap = b - a
            start = b
        }
        let span = 360 - gap
        guard (east - west) - span > 20 else { return 0 }
        let centre = EqualEarth.wrappedLongitude(start + span / 2)
        let rounded = (centre / 5).rounded() * 5
        return rounded >= 180 ? -180 : rounded
    }

    /// Moves `box` inside `frame` along each axis where it fits, and centres it on an axis where it does not.
    static func shifted(_ box: ProjectedBounds, into frame: ProjectedBounds) -> ProjectedBounds {
        func offset(_ low: Double, _ high: Double, _ frameLow: Double, _ frameHigh: Double) -> Double {
            if high - low >= frameHigh - frameLow { return (frameLow + frameHigh) / 2 - (low + high) / 2 }
            if low < frameLow { return frameLow - low }
            if high > frameHigh { return frameHigh - high }
            return 0
        }
        let dx = offset(box.minX, box.maxX, frame.minX, frame.maxX)
        let dy = offset(box.minY, box.maxY, frame.minY, frame.maxY)
        return ProjectedBounds(minX: box.minX + dx, minY: box.minY + dy, maxX: box.maxX + dx, maxY: box.maxY + dy)
    }

    /// Whether `coordinates` fall inside the viewport.
    public func contains(_ coordinates: Coordinates) -> Bool {
        bounds.contains(project(coordinates))
    }

    // MARK: - The globe turned to the central meridian

    /// Projects `coordinates` onto the plane of this viewport's globe (Equal Earth about ``centralMeridian``).
    public func project(_ coordinates: Coordinates) -> ProjectedPoint {
        EqualEarth.project(latitude: coordinates.latitude, longitude: coordinates.longitude - centralMeridian)
    }

    /// `coordinates` with the longitude measured from the central meridian.
    func turned(_ coordinates: Coordinates) -> Coordinates {
        Coordinates(latitude: coordinates.latitude, longitude: EqualEarth.wrappedLongitude(coordinates.longitude - centralMeridian))
    }

    /// The great circle from `a` to `b`, cut at this map's edge meridian, projected.
    func arcPieces(from a: Coordinates, to b: Coordinates) -> [[ProjectedPoint]] {
        // Turning the globe about its axis keeps great circles great circles, so interpolate in turned coordinates.
        GreatCircle.segments(from: turned(a), to: turned(b)).map { $0.map(EqualEarth.project) }
    }

    /// The projected routes of arcs already worked out for one central meridian, by their two ends in order (the
    /// route from a to b is not always the same numbers as the one from b to a, reversed).
    struct ArcRoutes {
        struct Ends: Hashable {
            let bits: (UInt64, UInt64, UInt64, UInt64)
            init(_ a: Coordinates, _ b: Coordinates) {
                bits = (a.latitude.bitPattern, a.longitude.bitPattern, b.latitude.bitPattern, b.longitude.bitPattern)
            }
            static func == (x: Ends, y: Ends) -> Bool { x.bits == y.bits }
            func hash(into hasher: inout Hasher) {
                hasher.combine(bits.0)
                hasher.combine(bits.1)
                hasher.combine(bits.2)
                hasher.combine(bits.3)
            }
        }
        /// The meridian the routes were worked out for; nil when there are none.
        private(set) var centralMeridian: Double?
        private var known: [Ends: [[ProjectedPoint]]] = [:]

        init(centralMeridian: Double? = nil) {
            self.centralMeridian = centralMeridian
        }

        /// ``MapViewport/arcPieces(from:to:)`` of `viewport`, kept for the next call with the same ends.
        mutating func keep(from a: Coordinates, to b: Coordinates, in viewport: MapViewport) -> [[ProjectedPoint]] {
            if let pieces = pieces(from: a, to: b, in: viewport) { return pieces }
            let pieces = viewport.arcPieces(from: a, to: b)
            if viewport.centralMeridian.bitPattern == centralMeridian?.bitPattern { known[Ends(a, b)] = pieces }
            return pieces
        }

        /// ``MapViewport/arcPieces(from:to:)`` of `viewport` if it was kept.
        func pieces(from a: Coordinates, to b: Coordinates, in viewport: MapViewport) -> [[ProjectedPoint]]? {
            guard viewport.centralMeridian.bitPattern == centralMeridian?.bitPattern else { return nil }
            return known[Ends(a, b)]
        }
    }

    /// The world outline's rings in this viewport's plane; rings that straddle the edge meridian are cut in two,
    /// with the cut edges following the curved edge of the map.
    ///
    /// - Parameter minimumLevel: points below this importance level are left out (see ``WorldOutline/Ring/levels``).
    func outlineRings(minimumLevel: UInt8) -> Outline {
        OutlineCache.shared.rings(centralMeridian: centralMeridian, minimumLevel: minimumLevel) {
            Self.computeOutlineRings(centralMeridian: centralMeridian, minimumLevel: minimumLevel)
        }
    }

    static func computeOutlineRings(centralMeridian: Double, minimumLevel: UInt8) -> Outline {
        var result = Outline()
        for ring in WorldOutline.rings {
            if centralMeridian == 0 {
                let points = minimumLevel == 0 ? ring.projected : zip(ring.projected, ring.levels).filter { $0.1 >= minimumLevel }.map(\.0)
                if points.count >= 3 { result.append(ring.countryCode, points, bounds: ring.bounds) }
                continue
            }
            let kept = minimumLevel == 0 ? ring.points : zip(ring.points, ring.levels).filter { $0.1 >= minimumLevel }.map(\.0)
            guard kept.count >= 3 else { continue }
            let longitudes = kept.map(\.longitude)
            let west = (longitudes.min() ?? 0) - centralMeridian, east = (longitudes.max() ?? 0) - centralMeridian
            // The source rings lie within −180…180, so a ring turned by λ0 shows at most twice: shifted by 0 or ±360.
            for offset in [-360.0, 0, 360] where west + offset < 180 && east + offset > -180 {
                var points = kept.map { Coordinates(latitude: $0.latitude, longitude: $0.longitude - centralMeridian + offset) }
                if west + offset < -180 || east + offset > 180 { points = Self.cutAtEdges(points) }
                let projected = points.map { EqualEarth.project(latitude: $0.latitude, longitude: $0.longitude) }
                if projected.count >= 3, let bounds = ProjectedBounds(enclosing: projected) {
                    result.append(ring.countryCode, projected, bounds: bounds)
                }
            }
        }
        return result
    }

    /// A ring clipped to longitudes −180…180 (Sutherland–Hodgman), with points every 2° of latitude added along
    /// the cut, so the cut follows the map's curved edge after projection.
    static func cutAtEdges(_ ring: [Coordinates]) -> [Coordinates] {
        var points = ring
        for edge in [-180.0, 180] {
            guard let last = points.last else { return [] }
            func inside(_ c: Coordinates) -> Bool { edge < 0 ? c.longitude >= edge : c.longitude <= edge }
            func cut(_ a: Coordinates, _ b: Coordinates) -> Coordinates {
                let t = (edge - a.longitude) / (b.longitude - a.longitude)
                return Coordinates(latitude: a.latitude + t * (b.latitude - a.latitude), longitude: edge)
            }
            var output: [Coordinates] = []
            var previous = last
            for point in points {
                if inside(point) {
                    if !inside(previous) { output.append(cut(previous, point)) }
                    output.append(point)
                } else if inside(previous) {
                    output.append(cut(previous, point))
                }
                previous = point
            }
            points = output
        }
        guard let last = points.last else { return [] }
        var dense: [Coordinates] = []
        var previous = last
        for point in points {
            if abs(previous.longitude) == 180 && previous.longitude == point.longitude {
                let steps = Int((abs(point.latitude - previous.latitude) / 2).rounded(.up))
                for step in stride(from: 1, to: steps, by: 1) {
                    let latitude = previous.latitude + (point.latitude - previous.latitude) * Double(step) / Double(steps)
                    dense.append(Coordinates(latitude: latitude, longitude: point.longitude))
                }
            }
            dense.append(point)
            previous = point
        }
        return dense
    }
}

/// The world outline's rings in a turned globe's plane, with every ring's points in one array: a map retains one
/// array instead of one per ring, as both cores retaining the same few hundred small arrays for every map made their
/// reference counts contended.
///
/// Each ring's parts are in arrays of their own: a map looks at the box of every ring of the world to find the few it
/// shows, and a box read out of a tuple with the country's code copied the code too, a retain and a release per ring
/// per map.
struct Outline: Sendable {
    /// Each ring's country code.
    private(set) var countryCodes: [String?] = []
    /// Each ring's country as a number, the same for the same code (nil too), so rings are told apart without
    /// comparing strings.
    private(set) var countries: [Int32] = []
    /// The range of each ring's points in ``points``.
    private(set) var ranges: [Range<Int>] = []
    /// The box around each ring's points (or around the whole ring before simplification, which holds them too).
    private(set) var bounds: [ProjectedBounds] = []
    /// The points of all rings, one ring after the other.
    private(set) var points: [ProjectedPoint] = []
    private var numbers: [String?: Int32] = [:]

    /// Adds a ring after the others.
    mutating func append(_ countryCode: String?, _ ring: [ProjectedPoint], bounds: ProjectedBounds) {
        let count = Int32(numbers.count)
        countries.append(numbers[countryCode, default: count])
        if numbers[countryCode] == nil { numbers[countryCode] = count }
        countryCodes.append(countryCode)
        ranges.append(points.count..<points.count + ring.count)
        self.bounds.append(bounds)
        points += ring
    }
}

/// The world outline per central meridian and level of detail, worked out once per process: thousands of small maps
/// share a few dozen of them (meridians are multiples of 5°), and projecting the outline again for each map was most
/// of a city page's cost. The outline is fixed data, so a result never goes stale.
final class OutlineCache: Sendable {
    static let shared = OutlineCache()
    private struct Key: Hashable {
        let centralMeridian: Double
        let minimumLevel: UInt8
    }
    private let rings = Mutex<[Key: Outline]>([:])

    func rings(centralMeridian: Double, minimumLevel: UInt8, compute: () -> Outline) -> Outline {
        let key = Key(centralMeridian: centralMeridian, minimumLevel: minimumLevel)
        if let cached = rings.withLock({ $0[key] }) { return cached }
        // Worked out outside the lock, so other pages go on drawing; two threads may both compute the same entry once.
        let computed = compute()
        rings.withLock { $0[key] = computed }
        return computed
    }
}
