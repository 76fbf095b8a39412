import Foundation
import KardesMaps
import KardesModel
import Testing

@Suite("Equal Earth projection")
struct ProjectionTests {
    @Test("the origin projects to the centre")
    func origin() {
        let p = EqualEarth.project(latitude: 0, longitude: 0)
        #expect(abs(p.x) < 1e-12 && abs(p.y) < 1e-12)
    }

    @Test("published extents: 2.7066 wide and 1.3173 high per half, in earth radii")
    func extents() {
        #expect(abs(EqualEarth.maxX - 2.7066) < 1e-3)
        #expect(abs(EqualEarth.maxY - 1.3173) < 1e-3)
    }

    @Test("symmetric about the equator and the prime meridian", arguments: [(41.01, 28.97), (29.76, -95.37), (-33.87, 151.21)])
    func symmetric(latitude: Double, longitude: Double) {
        let p = EqualEarth.project(latitude: latitude, longitude: longitude)
        let mirroredNS = EqualEarth.project(latitude: -latitude, longitude: longitude)
        let mirroredEW = EqualEarth.project(latitude: latitude, longitude: -longitude)
        #expect(abs(p.x - mirroredNS.x) < 1e-12 && abs(p.y + mirroredNS.y) < 1e-12)
        #expect(abs(p.x + mirroredEW.x) < 1e-12 && abs(p.y - mirroredEW.y) < 1e-12)
    }

    @Test("the poles are finite lines, and latitudes beyond them are clamped")
    func poles() {
        let north = EqualEarth.project(latitude: 90, longitude: 180)
        let south = EqualEarth.project(latitude: -90, longitude: -180)
        #expect(north.x.isFinite && north.y.isFinite && south.x.isFinite && south.y.isFinite)
        #expect(abs(north.y - EqualEarth.maxY) < 1e-12 && abs(south.y + EqualEarth.maxY) < 1e-12)
        // Flat poles: the pole line is about half the equator's width (not a point).
        #expect(north.x > 0.5 * EqualEarth.maxX && north.x < 0.6 * EqualEarth.maxX)
        #expect(EqualEarth.project(latitude: 95, longitude: 10) == EqualEarth.project(latitude: 90, longitude: 10))
    }

    @Test("longitudes wrap into −180…180")
    func wrapping() {
        let a = EqualEarth.project(latitude: 10, longitude: 190)
        let b = EqualEarth.project(latitude: 10, longitude: -170)
        #expect(abs(a.x - b.x) < 1e-12 && abs(a.y - b.y) < 1e-12)
    }

    @Test("equal area: a 1° cell has the same area at the equator and at 60°N")
    func equalArea() {
        func area(_ lat: Double) -> Double {
            // The projected quadrilateral is close to a trapezoid for a small cell.
            let a = EqualEarth.project(latitude: lat, longitude: 0), b = EqualEarth.project(latitude: lat, longitude: 1)
            let c = EqualEarth.project(latitude: lat + 1, longitude: 0), d = EqualEarth.project(latitude: lat + 1, longitude: 1)
            return ((b.x - a.x) + (d.x - c.x)) / 2 * (c.y - a.y)
        }
        // The sphere's area between two parallels is proportional to the difference of their sines.
        let ratio = area(60) / area(0)
        let expected = (sin(61 * Double.pi / 180) - sin(60 * Double.pi / 180)) / sin(1 * Double.pi / 180)
        #expect(abs(ratio - expected) < 1e-3)
    }
}
