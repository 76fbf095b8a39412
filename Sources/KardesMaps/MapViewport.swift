import KardesModel

/// The part of the Equal Earth plane a map shows; the drawing scales it to a `viewBox` 1000 units wide.
public struct MapViewport: Hashable, Sendable {
    /// The shown box in the projection's plane (units of the earth's radius, y north-up).
    public let bounds: ProjectedBounds

    /// A viewport showing exactly `bounds`.
    public init(bounds: ProjectedBounds) {
        self.bounds = bounds
    }

    /// The whole world: the full Equal Earth outline, about 2.05 times as wide as high.
    public static let world = MapViewport(
        bounds: ProjectedBounds(minX: -EqualEarth.maxX, minY: -EqualEarth.maxY, maxX: EqualEarth.maxX, maxY: EqualEarth.maxY))

    /// Width divided by height.
    public var aspectRatio: Double { bounds.width / bounds.height }

    /// A viewport around `points` (and the arcs between them, and a country's main outline), for a city's or a
    /// country's small map.
    ///
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
    /// - Returns: the viewport; ``world`` when there is nothing to fit.
    public static func fitting(
        _ points: [Coordinates], arcs: [MapArc] = [], country: CountryCode? = nil, padding: Double = 0.12,
        minimumWidth: Double = 0.45, aspectRatio: Double = 2
    ) -> MapViewport {
        var projected = points.map(EqualEarth.project)
        for arc in arcs {
            for piece in GreatCircle.segments(from: arc.from, to: arc.to) { projected += piece.map(EqualEarth.project) }
        }
        if let country, let mainland = WorldOutline.rings(of: country).first { projected += mainland.projected }
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
        return MapViewport(bounds: box)
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
        bounds.contains(EqualEarth.project(coordinates))
    }
}
