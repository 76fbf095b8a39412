import KardesMaps
import KardesModel
import Testing

@Suite("World outline data")
struct WorldOutlineTests {
    @Test("decodes to a few hundred rings with coordinates in range")
    func decodes() {
        let rings = WorldOutline.rings
        #expect(rings.count > 200 && rings.count < 400)
        let points = rings.reduce(0) { $0 + $1.points.count }
        #expect(points > 4000 && points < 12000)
        for ring in rings {
            #expect(ring.points.count >= 3)
            for point in ring.points {
                #expect(point.latitude >= -90 && point.latitude <= 84)
                #expect(point.longitude >= -180 && point.longitude <= 180)
            }
        }
    }

    @Test("has the countries of the source paper, with sane bounding boxes", arguments: [
        ("TR", 26.0, 45.0, 35.8, 42.2), ("US", -171.8, -66.9, 18.9, 71.4), ("DE", 5.9, 15.0, 47.3, 55.0), ("JP", 129.4, 145.6, 31.0, 45.6),
    ])
    func country(code: String, west: Double, east: Double, south: Double, north: Double) throws {
        let country = try #require(CountryCode(code))
        let rings = WorldOutline.rings(of: country)
        #expect(!rings.isEmpty)
        let points = rings.flatMap(\.points)
        let lats = points.map(\.latitude), lons = points.map(\.longitude)
        #expect(abs((lons.min() ?? 0) - west) < 1.5 && abs((lons.max() ?? 0) - east) < 1.5)
        #expect(abs((lats.min() ?? 0) - south) < 1.5 && abs((lats.max() ?? 0) - north) < 1.5)
    }

    @Test("rings of a country come largest first (the mainland)")
    func mainlandFirst() throws {
        let turkey = WorldOutline.rings(of: try #require(CountryCode("TR")))
        let first = try #require(turkey.first)
        // Anatolia, not Thrace.
        #expect(first.points.contains { $0.longitude > 40 })
    }

    @Test("every point has an importance level, and a point shared by two rings has the same level in both")
    func levels() {
        var seen: [Coordinates: UInt8] = [:]
        var shared = 0
        for ring in WorldOutline.rings {
            #expect(ring.levels.count == ring.points.count)
            for (point, level) in zip(ring.points, ring.levels) {
                #expect(level <= 9)
                if let other = seen[point] {
                    shared += 1
                    #expect(other == level, "\(point) has levels \(other) and \(level)")
                }
                seen[point] = level
            }
        }
        // Borders between countries are shared point for point.
        #expect(shared > 1000)
    }

    @Test("tolerances map to levels", arguments: [(0.0, 0), (0.25, 0), (0.3, 1), (0.5, 2), (1.0, 4), (100.0, 9)])
    func minimumLevel(tolerance: Double, level: Int) {
        #expect(WorldOutline.minimumLevel(forTolerance: tolerance) == UInt8(level))
    }
}
