import Foundation
@testable import KardesMaps
import KardesModel

/// Straightforward versions of the map's clipping, rounding and path writing, as they were before they were made
/// fast: closures, a new array per step, `Double.rounded` and strings. The fast code must give exactly their numbers
/// and bytes.
enum ReferenceDrawing {
    /// A closed ring clipped to `frame` plus margin (Sutherland–Hodgman, one edge at a time, a new array each).
    static func clip(ring: [(Double, Double)], to frame: Frame) -> [(Double, Double)] {
        let low = (-frame.margin, -frame.margin), high = (MapDrawing.width + frame.margin, frame.height + frame.margin)
        if ring.allSatisfy({ $0.0 >= low.0 && $0.0 <= high.0 && $0.1 >= low.1 && $0.1 <= high.1 }) { return ring }
        func cutX(_ a: (Double, Double), _ b: (Double, Double), _ x: Double) -> (Double, Double) {
            let t = (x - a.0) / (b.0 - a.0)
            return (x, a.1 + t * (b.1 - a.1))
        }
        func cutY(_ a: (Double, Double), _ b: (Double, Double), _ y: Double) -> (Double, Double) {
            let t = (y - a.1) / (b.1 - a.1)
            return (a.0 + t * (b.0 - a.0), y)
        }
        var points = ring
        let edges: [(inside: ((Double, Double)) -> Bool, cut: ((Double, Double), (Double, Double)) -> (Double, Double))] = [
            ({ $0.0 >= low.0 }, { a, b in cutX(a, b, low.0) }),
            ({ $0.0 <= high.0 }, { a, b in cutX(a, b, high.0) }),
            ({ $0.1 >= low.1 }, { a, b in cutY(a, b, low.1) }),
            ({ $0.1 <= high.1 }, { a, b in cutY(a, b, high.1) }),
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

    /// `value · 10`, rounded half away from zero with `Double.rounded`, clamped; non-finite values become 0.
    static func toTenths(_ value: Double) -> Int {
        guard value.isFinite else { return 0 }
        let scaled = (value * 10).rounded(.toNearestOrAwayFromZero)
        return Int(max(min(scaled, 1e12), -1e12))
    }

    /// `value` in tenths rounded to a multiple of `quantum` tenths, in floating point.
    static func rounded(_ value: Double, quantum: Int) -> Int {
        let tenths = toTenths(value)
        guard quantum > 1 else { return tenths }
        let q = Double(quantum)
        return Int((Double(tenths) / q).rounded(.toNearestOrAwayFromZero) * q)
    }

    /// The path data of closed rings given in the projection's plane: each moved into `frame`, clipped, rounded,
    /// thinned by `step` tenths and written as `M x y l dx dy … z`; rings with fewer than three points left or
    /// under 8 tenths across are left out.
    static func path(rings: [[ProjectedPoint]], in frame: Frame, step: Int, quantum: Int) -> String {
        var d = ""
        for ring in rings {
            let clipped = clip(ring: ring.map(frame.point), to: frame)
            var kept: [(Int, Int)] = []
            for point in clipped {
                let p = (rounded(point.0, quantum: quantum), rounded(point.1, quantum: quantum))
                if let last = kept.last {
                    if max(abs(p.0 - last.0), abs(p.1 - last.1)) >= step { kept.append(p) }
                } else {
                    kept.append(p)
                }
            }
            while kept.count > 1, let first = kept.first, let last = kept.last, first == last { kept.removeLast() }
            guard kept.count >= 3 else { continue }
            let xs = kept.map(\.0), ys = kept.map(\.1)
            guard (xs.max()! - xs.min()!) >= 8 || (ys.max()! - ys.min()!) >= 8 else { continue }
            d += "M" + SVGText.tenths(kept[0].0) + " " + SVGText.tenths(kept[0].1) + "l"
            var previous = kept[0]
            for (index, point) in kept.enumerated().dropFirst() {
                let dx = point.0 - previous.0, dy = point.1 - previous.1
                if index > 1 && dx >= 0 { d += " " }
                d += SVGText.tenths(dx)
                if dy >= 0 { d += " " }
                d += SVGText.tenths(dy)
                previous = point
            }
            d += "z"
        }
        return d
    }

    /// The great circle from `a` to `b` as `GreatCircle.segments` computed it: `interpolate` for every point.
    static func segments(from a: Coordinates, to b: Coordinates, stepDegrees: Double = 2) -> [[Coordinates]] {
        let total = GreatCircle.angle(from: a, to: b)
        guard total > 1e-9 else { return [] }
        let steps = max(1, Int((total / max(stepDegrees, 0.01)).rounded(.up)))
        var points: [Coordinates] = [GreatCircle.normalized(a)]
        for step in 1..<steps { points.append(GreatCircle.interpolate(from: a, to: b, fraction: Double(step) / Double(steps))) }
        points.append(GreatCircle.normalized(b))
        return GreatCircle.splitAtAntimeridian(points)
    }

    /// `value` escaped scalar by scalar, as `SVGText` always did.
    static func escape(_ value: String, quotes: Bool) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(quotes ? " " : scalar)
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
