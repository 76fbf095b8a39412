import Foundation
import KardesModel

/// A point in a projection's plane: `x` grows eastwards, `y` grows northwards, in units of the earth's radius.
public struct ProjectedPoint: Hashable, Sendable {
    /// Easting.
    public var x: Double
    /// Northing (positive in the northern hemisphere, unlike SVG's downward y).
    public var y: Double

    /// A point at `x`, `y`.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// The Equal Earth projection (Šavrič, Patterson and Jenny 2018), an equal-area pseudocylindrical world projection.
///
/// With longitude λ and latitude φ in radians, θ = asin(√3/2 · sin φ) and
/// ```
/// x = 2√3 · λ · cos θ / (3 · (9·A4·θ⁸ + 7·A3·θ⁶ + 3·A2·θ² + A1))
/// y = A4·θ⁹ + A3·θ⁷ + A2·θ³ + A1·θ
/// ```
/// where A1 = 1.340264, A2 = −0.081106, A3 = 0.000893, A4 = 0.003796 (International Journal of Geographical
/// Information Science 33(3), 2019, doi:10.1080/13658816.2018.1504949). The poles are straight lines, so the map
/// fills a rounded rectangle of width `2 · maxX` and height `2 · maxY`, centred on the prime meridian.
public enum EqualEarth {
    static let a1 = 1.340264
    static let a2 = -0.081106
    static let a3 = 0.000893
    static let a4 = 0.003796
    static let m = 3.0.squareRoot() / 2

    /// The largest `x`: the equator at longitude ±180° (about 2.7066).
    public static let maxX: Double = project(latitude: 0, longitude: 180).x
    /// The largest `y`: the north pole (about 1.3173).
    public static let maxY: Double = project(latitude: 90, longitude: 0).y

    /// Projects a point given in degrees.
    ///
    /// - Parameters:
    ///   - latitude: degrees north, clamped to −90…90.
    ///   - longitude: degrees east; values outside −180…180 are wrapped into it (180 stays 180).
    /// - Returns: the point in the plane, in units of the earth's radius.
    public static func project(latitude: Double, longitude: Double) -> ProjectedPoint {
        let phi = min(max(latitude, -90), 90) * .pi / 180
        let lambda = wrappedLongitude(longitude) * .pi / 180
        let theta = asin(m * sin(phi))
        let t2 = theta * theta
        let t6 = t2 * t2 * t2
        let x = 2 * 3.0.squareRoot() * lambda * cos(theta) / (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1))
        let y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
        return ProjectedPoint(x: x, y: y)
    }

    /// Projects `coordinates`; see ``project(latitude:longitude:)``.
    public static func project(_ coordinates: Coordinates) -> ProjectedPoint {
        project(latitude: coordinates.latitude, longitude: coordinates.longitude)
    }

    /// `longitude` brought into −180…180, keeping both ends so outlines that touch the antimeridian stay closed.
    static func wrappedLongitude(_ longitude: Double) -> Double {
        guard longitude.isFinite else { return 0 }
        if longitude >= -180 && longitude <= 180 { return longitude }
        let wrapped = (longitude + 180).truncatingRemainder(dividingBy: 360)
        return (wrapped < 0 ? wrapped + 360 : wrapped) - 180
    }
}
