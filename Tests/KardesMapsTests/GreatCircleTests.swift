import KardesMaps
import KardesModel
import Testing

@Suite("Great-circle arcs")
struct GreatCircleTests {
    let tokyo = Coordinates(latitude: 35.68, longitude: 139.69)
    let losAngeles = Coordinates(latitude: 34.05, longitude: -118.24)
    let istanbul = Coordinates(latitude: 41.01, longitude: 28.97)
    let houston = Coordinates(latitude: 29.76, longitude: -95.37)

    @Test("Tokyo–Los Angeles crosses the antimeridian and is cut there into two pieces")
    func tokyoLosAngeles() throws {
        let pieces = GreatCircle.segments(from: tokyo, to: losAngeles)
        #expect(pieces.count == 2)
        let first = try #require(pieces.first), second = try #require(pieces.last)
        #expect(first.first == tokyo)
        #expect(second.last == losAngeles)
        #expect(first.last?.longitude == 180)
        #expect(second.first?.longitude == -180)
        #expect(first.last?.latitude == second.first?.latitude)
        // The great circle bulges north of both cities (about 48°N over the Pacific).
        let northmost = pieces.joined().map(\.latitude).max() ?? 0
        #expect(northmost > 45 && northmost < 50)
        // No step inside a piece jumps across the map.
        for piece in pieces {
            for (a, b) in zip(piece, piece.dropFirst()) { #expect(abs(a.longitude - b.longitude) < 10) }
        }
    }

    @Test("İstanbul–Houston stays in one piece and passes north of the straight line")
    func istanbulHouston() {
        let pieces = GreatCircle.segments(from: istanbul, to: houston)
        #expect(pieces.count == 1)
        #expect((pieces.first?.map(\.latitude).max() ?? 0) > 55)
    }

    @Test("the central angle of a quarter circle is 90°, and of a point to itself 0")
    func angles() {
        let a = Coordinates(latitude: 0, longitude: 0), b = Coordinates(latitude: 0, longitude: 90)
        #expect(abs(GreatCircle.angle(from: a, to: b) - 90) < 1e-9)
        #expect(GreatCircle.angle(from: a, to: a) == 0)
        #expect(GreatCircle.segments(from: a, to: a).isEmpty)
    }

    @Test("halfway along the equator is on the equator")
    func interpolation() {
        let mid = GreatCircle.interpolate(
            from: Coordinates(latitude: 0, longitude: 10), to: Coordinates(latitude: 0, longitude: 50), fraction: 0.5)
        #expect(abs(mid.latitude) < 1e-9 && abs(mid.longitude - 30) < 1e-9)
    }

    @Test("antipodes get a route through a pole, with finite points")
    func antipodes() {
        let pieces = GreatCircle.segments(from: Coordinates(latitude: 10, longitude: 20), to: Coordinates(latitude: -10, longitude: -160))
        let points = pieces.joined()
        #expect(!points.isEmpty)
        #expect(points.allSatisfy { $0.latitude.isFinite && $0.longitude.isFinite })
        #expect((points.map(\.latitude).max() ?? 0) > 89)
    }

    @Test("every piece stays within −180…180")
    func ranges() {
        let pairs = [(tokyo, losAngeles), (losAngeles, tokyo), (istanbul, houston), (Coordinates(latitude: -36.85, longitude: 174.76), houston)]
        for (a, b) in pairs {
            for point in GreatCircle.segments(from: a, to: b).joined() {
                #expect(point.longitude >= -180 && point.longitude <= 180)
                #expect(point.latitude >= -90 && point.latitude <= 90)
            }
        }
    }
}
