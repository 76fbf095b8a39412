import Foundation
import KardesModel

/// Great circles: the shortest routes between two points on the globe, as drawn for partnership arcs.
public enum GreatCircle {
    /// The angle between two points seen from the earth's centre, in degrees (0…180).
    ///
    /// - Parameters:
    ///   - a: one end.
    ///   - b: the other end.
    /// - Returns: the central angle in degrees; multiply by π/180 · 6371 for kilometres.
    public static func angle(from a: Coordinates, to b: Coordinates) -> Double {
        let u = vector(a), v = vector(b)
        let cross = length(crossProduct(u, v))
        return atan2(cross, dot(u, v)) * 180 / .pi
    }

    /// The point a `fraction` of the way along the great circle from `a` to `b` (spherical linear interpolation).
    ///
    /// - Parameters:
    ///   - a: the start (fraction 0).
    ///   - b: the end (fraction 1).
    ///   - fraction: 0…1.
    /// - Returns: the point on the great circle. For antipodal points, whose great circle is not unique, the route
    ///   runs through the pole nearer to `a` (or along the prime meridian's plane when `a` is a pole).
    public static func interpolate(from a: Coordinates, to b: Coordinates, fraction: Double) -> Coordinates {
        let u = vector(a), v = vector(b)
        let omega = atan2(length(crossProduct(u, v)), dot(u, v))
        if omega < 1e-12 { return a }
        if sin(omega) < 1e-9 {
            // Antipodes: go through a waypoint 90° from `a`, towards its nearer pole.
            let pole: Vector = a.latitude >= 0 ? (0, 0, 1) : (0, 0, -1)
            var side = subtract(pole, scale(u, dot(pole, u)))
            if length(side) < 1e-9 { side = (1, 0, 0) }
            let waypoint = coordinates(normalize(side))
            return fraction < 0.5
                ? interpolate(from: a, to: waypoint, fraction: fraction * 2)
                : interpolate(from: waypoint, to: b, fraction: fraction * 2 - 1)
        }
        let s = sin(omega)
        let p = add(scale(u, sin((1 - fraction) * omega) / s), scale(v, sin(fraction * omega) / s))
        return coordinates(p)
    }

    /// The great circle from `a` to `b` as polylines, cut where it crosses the antimeridian (±180°).
    ///
    /// Each crossing ends one polyline exactly on one edge of the map and starts the next on the other edge, so a
    /// drawn arc never streaks across the whole map.
    /// - Parameters:
    ///   - a: the start.
    ///   - b: the end.
    ///   - stepDegrees: the largest angle between two consecutive points (default 2°).
    /// - Returns: one polyline, or two (rarely three) when the route crosses the antimeridian; none when `a` and
    ///   `b` are the same point.
    public static func segments(from a: Coordinates, to b: Coordinates, stepDegrees: Double = 2) -> [[Coordinates]] {
        // What `angle(from:to:)` and each `interpolate(from:to:fraction:)` would compute from the two ends, computed
        // once: the same numbers, without a dozen sines and cosines per point.
        let u = vector(a), v = vector(b)
        let omega = atan2(length(crossProduct(u, v)), dot(u, v))
        let total = omega * 180 / .pi
        guard total > 1e-9 else { return [] }
        let steps = max(1, Int((total / max(stepDegrees, 0.01)).rounded(.up)))
        var points: [Coordinates] = [normalized(a)]
        points.reserveCapacity(steps + 1)
        let s = sin(omega)
        if omega < 1e-12 || s < 1e-9 {
            // The ends coincide or are antipodes: `interpolate` takes its detour.
            for step in 1..<steps { points.append(interpolate(from: a, to: b, fraction: Double(step) / Double(steps))) }
        } else {
            for step in 1..<steps {
                let fraction = Double(step) / Double(steps)
                points.append(coordinates(add(scale(u, sin((1 - fraction) * omega) / s), scale(v, sin(fraction * omega) / s))))
            }
        }
        points.append(normalized(b))
        return splitAtAntimeridian(points)
    }

    /// Cuts a polyline wherever two consecutive points are more than 180° of longitude apart.
    ///
    /// - Parameter points: a densely sampled polyline, longitudes in −180…180.
    /// - Returns: the pieces, each ending or starting on ±180° where it was cut.
    public static func splitAtAntimeridian(_ points: [Coordinates]) -> [[Coordinates]] {
        guard var previous = points.first else { return [] }
        var pieces: [[Coordinates]] = []
        var current: [Coordinates] = [previous]
        for point in points.dropFirst() {
            let delta = point.longitude - previous.longitude
            if abs(delta) > 180 {
                let edge: Double = previous.longitude >= 0 ? 180 : -180
                let unwrapped = point.longitude + (edge > 0 ? 360 : -360)
                let span = unwrapped - previous.longitude
                let fraction = span == 0 ? 0 : (edge - previous.longitude) / span
                let latitude = previous.latitude + fraction * (point.latitude - previous.latitude)
                current.append(Coordinates(latitude: latitude, longitude: edge))
                pieces.append(current)
                current = [Coordinates(latitude: latitude, longitude: -edge)]
            }
            current.append(point)
            previous = point
        }
        pieces.append(current)
        return pieces.filter { $0.count > 1 }
    }

    // MARK: - Vectors on the unit sphere

    typealias Vector = (Double, Double, Double)

    static func vector(_ c: Coordinates) -> Vector {
        let phi = c.latitude * .pi / 180, lambda = c.longitude * .pi / 180
        return (cos(phi) * cos(lambda), cos(phi) * sin(lambda), sin(phi))
    }

    static func coordinates(_ v: Vector) -> Coordinates {
        let latitude = atan2(v.2, (v.0 * v.0 + v.1 * v.1).squareRoot()) * 180 / .pi
        let longitude = atan2(v.1, v.0) * 180 / .pi
        return Coordinates(latitude: latitude, longitude: longitude)
    }

    static func normalized(_ c: Coordinates) -> Coordinates {
        Coordinates(latitude: min(max(c.latitude, -90), 90), longitude: EqualEarth.wrappedLongitude(c.longitude))
    }

    static func dot(_ a: Vector, _ b: Vector) -> Double { a.0 * b.0 + a.1 * b.1 + a.2 * b.2 }
    static func crossProduct(_ a: Vector, _ b: Vector) -> Vector {
        (a.1 * b.2 - a.2 * b.1, a.2 * b.0 - a.0 * b.2, a.0 * b.1 - a.1 * b.0)
    }
    static func length(_ a: Vector) -> Double { dot(a, a).squareRoot() }
    static func scale(_ a: Vector, _ k: Double) -> Vector { (a.0 * k, a.1 * k, a.2 * k) }
    static func add(_ a: Vector, _ b: Vector) -> Vector { (a.0 + b.0, a.1 + b.1, a.2 + b.2) }
    static func subtract(_ a: Vector, _ b: Vector) -> Vector { (a.0 - b.0, a.1 - b.1, a.2 - b.2) }
    static func normalize(_ a: Vector) -> Vector { scale(a, 1 / length(a)) }
}
