@testable import KardesMaps
import KardesModel
import Testing

@Suite("Clipping, rounding and writing paths")
struct PathWriterTests {
    /// A small map's frame: 1000 × 500 units, plus a margin of 10.
    static let frame = Frame(viewport: .fitting([Coordinates(latitude: 41.01, longitude: 28.97), Coordinates(latitude: 50.94, longitude: 6.96)]))

    /// Rings in `viewBox` units, each named for what it tests.
    static let rings: [(name: String, points: [(Double, Double)])] = {
        let h = frame.height
        var rings: [(String, [(Double, Double)])] = [
            ("wholly inside", [(100, 100), (200, 100), (200, 200), (100, 200)]),
            ("crossing the left edge", [(-50, 100), (50, 120), (40, 300), (-80, 250)]),
            ("crossing the right edge", [(950, 100), (1100, 150), (990, 300)]),
            ("crossing the top edge", [(300, -40), (400, 30), (350, 60)]),
            ("crossing the bottom edge", [(300, h - 30), (420, h + 70), (280, h + 5)]),
            ("around the whole frame", [(-100, -100), (1100, -100), (1100, h + 100), (-100, h + 100)]),
            ("across a corner", [(-60, -60), (30, -20), (40, 40), (-20, 30)]),
            ("through all four edges", [(500, -200), (1300, h / 2), (500, h + 200), (-300, h / 2)]),
            ("wholly left", [(-500, 10), (-400, 10), (-450, 80)]),
            ("wholly right", [(1500, 10), (1600, 10), (1550, 80)]),
            ("wholly above", [(10, -500), (90, -400), (50, -450)]),
            ("wholly below", [(10, h + 500), (90, h + 400), (50, h + 450)]),
            ("on the edges of the margin", [(-10, -10), (1010, -10), (1010, h + 10), (-10, h + 10)]),
            ("empty", []),
            ("one point inside", [(5, 5)]),
            ("one point outside", [(-500, 5)]),
            ("two points across an edge", [(-50, 50), (50, 50)]),
            ("all points the same", [(300, 300), (300, 300), (300, 300)]),
            ("a repeated point outside", [(-30, 300), (-30, 300), (60, 300), (60, 310)]),
            ("a vertical edge on the clip line", [(-10, 50), (-10, 150), (40, 100)]),
        ]
        // Random rings around the frame, with a fixed seed so failures repeat.
        var generator = SplitMix64(seed: 7)
        for index in 0..<200 {
            let count = Int.random(in: 3...40, using: &generator)
            let points = (0..<count).map { _ in
                (Double.random(in: -200...1200, using: &generator), Double.random(in: -200...(h + 200), using: &generator))
            }
            rings.append(("random \(index)", points))
        }
        return rings
    }()

    @Test("clipping in place gives exactly the points of a plain Sutherland–Hodgman clip")
    func clipMatchesReference() {
        var spare: [(Double, Double)] = [(1, 2), (3, 4)]  // left over from an earlier ring
        for ring in Self.rings {
            var points = ring.points
            Self.frame.clip(ring: &points, spare: &spare)
            let expected = ReferenceDrawing.clip(ring: ring.points, to: Self.frame)
            #expect(points.map(\.0.bitPattern) == expected.map(\.0.bitPattern), "\(ring.name)")
            #expect(points.map(\.1.bitPattern) == expected.map(\.1.bitPattern), "\(ring.name)")
        }
    }

    @Test("clipping keeps a ring inside the frame as it is, and empties one outside it")
    func clipInsideAndOutside() {
        var spare: [(Double, Double)] = []
        let inside: [(Double, Double)] = [(100, 100), (200, 100), (200, 200)]
        var points = inside
        Self.frame.clip(ring: &points, spare: &spare)
        #expect(points.map(\.0) == inside.map(\.0) && points.map(\.1) == inside.map(\.1))
        points = [(-500, 10), (-400, 10), (-450, 80)]
        Self.frame.clip(ring: &points, spare: &spare)
        #expect(points.isEmpty)
        points = [(-50, 100), (50, 120), (40, 300), (-80, 250)]
        Self.frame.clip(ring: &points, spare: &spare)
        #expect(points.allSatisfy { $0.0 >= -10 })
        #expect(points.contains { $0.0 == -10 })
    }

    @Test("rounding to tenths without Double.rounded gives the same integers", arguments: [1.0, 0.1, 1e-3, 1e3, 1e10, 1e12])
    func toTenthsMatchesReference(magnitude: Double) {
        var generator = SplitMix64(seed: UInt64(magnitude.exponent + 100))
        var values: [Double] = [0, -0.0, .infinity, -.infinity, .nan, 1e12, -1e12, 1e13, -1e13, 0.05, -0.05, 0.04999999999999999]
        for whole in -30...30 { values += [(Double(whole) + 0.5) / 10, Double(whole) / 10, (Double(whole) + 0.5).nextDown / 10] }
        for _ in 0..<5000 { values.append(Double.random(in: -magnitude...magnitude, using: &generator)) }
        for value in values {
            #expect(SVGText.toTenths(value) == ReferenceDrawing.toTenths(value), "\(value)")
        }
    }

    @Test("rounding to multiples of a quantum in integers gives the same numbers as in floating point", arguments: 1...10)
    func quantumMatchesReference(quantum: Int) {
        let writer = PathWriter(step: 1, quantum: quantum)
        for tenths in -3000...3000 {
            let value = Double(tenths) / 10
            #expect(writer.rounded(value) == ReferenceDrawing.rounded(value, quantum: quantum), "\(tenths) tenths")
        }
        for value in [123_456.75, -987_654.25, 1e11, -1e11, 1e15, -1e15, .nan] {
            #expect(writer.rounded(value) == ReferenceDrawing.rounded(value, quantum: quantum), "\(value)")
        }
    }

    @Test("a step from the table is the separator and number the digit-by-digit writer gives, in and past the table's range")
    func stepTableMatchesWriter() {
        let limit = PathWriter.StepTable.limit
        var values = Array(-(limit + 50)...(limit + 50))
        values += [10_000, -10_000, 123_456_789, -123_456_789, 1_000_000_000_000, -1_000_000_000_000]
        let room = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
        defer { room.deallocate() }
        for value in values {
            let written = PathWriter.writeStep(value, to: room)
            let text = String(decoding: UnsafeBufferPointer(start: room, count: written), as: UTF8.self)
            #expect(text == (value >= 0 ? " " : "") + SVGText.tenths(value), "\(value) tenths")
        }
    }

    @Test("a ring is written as the reference writes it, whether it is inside, crossing or outside the frame", arguments: [1, 5, 10])
    func ringsMatchReference(quantum: Int) {
        let frame = Self.frame
        // Back to the projection's plane, so the writer takes them the way it takes the outline.
        func projected(_ points: [(Double, Double)]) -> [ProjectedPoint] {
            points.map {
                ProjectedPoint(x: $0.0 / frame.scale + frame.viewport.bounds.minX, y: frame.viewport.bounds.maxY - $0.1 / frame.scale)
            }
        }
        // One writer for all rings, as the land layer uses it: the buffers it keeps between rings must not leak.
        var writer = PathWriter(step: 1, quantum: quantum)
        var all: [[ProjectedPoint]] = []
        for ring in Self.rings {
            let points = projected(ring.points)
            var single = PathWriter(step: 1, quantum: quantum)
            points.withUnsafeBufferPointer { single.addRing($0, in: frame) }
            #expect(single.d == ReferenceDrawing.path(rings: [points], in: frame, step: 1, quantum: quantum), "\(ring.name)")
            points.withUnsafeBufferPointer { writer.addRing($0, in: frame) }
            all.append(points)
        }
        #expect(writer.d == ReferenceDrawing.path(rings: all, in: frame, step: 1, quantum: quantum))
        #expect(writer.d.contains("z"))
        writer.removeAll()
        #expect(writer.isEmpty && writer.d.isEmpty)
    }

    @Test("the world outline is written as the reference writes it, on small maps, turned maps and the world map", arguments: [
        (MapViewport.fitting([Coordinates(latitude: 41.01, longitude: 28.97), Coordinates(latitude: 39.93, longitude: 32.86)]), 10),
        (MapViewport.fitting([Coordinates(latitude: 35.68, longitude: 139.69), Coordinates(latitude: 34.05, longitude: -118.24)]), 10),
        (MapViewport.fitting([Coordinates(latitude: -54.8, longitude: -68.3), Coordinates(latitude: 78.2, longitude: 15.6)]), 10),
        (MapViewport.fitting([Coordinates(latitude: 64.15, longitude: -21.94)]), 5),
        (MapViewport.world, 5),
        (MapViewport(bounds: MapViewport.world.bounds, centralMeridian: 150), 10),
    ])
    func outlineMatchesReference(viewport: MapViewport, quantum: Int) {
        let frame = Frame(viewport: viewport)
        let outline = viewport.outlineRings(minimumLevel: 2)
        var writer = PathWriter(step: 1, quantum: quantum)
        var drawn: [[ProjectedPoint]] = []
        for index in outline.bounds.indices where outline.bounds[index].intersects(frame.cullBounds) {
            let points = Array(outline.points[outline.ranges[index]])
            points.withUnsafeBufferPointer { writer.addRing($0, in: frame) }
            drawn.append(points)
        }
        #expect(!drawn.isEmpty)
        #expect(writer.d == ReferenceDrawing.path(rings: drawn, in: frame, step: 1, quantum: quantum))
    }

    @Test("the outline keeps every ring's points in order, one ring after another")
    func outlineRanges() {
        let outline = MapViewport.world.outlineRings(minimumLevel: 0)
        #expect(outline.ranges.count == WorldOutline.rings.count)
        #expect([outline.countryCodes.count, outline.countries.count, outline.bounds.count] == Array(repeating: outline.ranges.count, count: 3))
        #expect(outline.ranges.first?.lowerBound == 0)
        #expect(outline.ranges.last?.upperBound == outline.points.count)
        for (index, source) in WorldOutline.rings.enumerated() {
            #expect(outline.countryCodes[index] == source.countryCode)
            #expect(outline.bounds[index] == source.bounds)
            #expect(Array(outline.points[outline.ranges[index]]) == source.projected)
        }
        // Rings of one country share its number, and only they do.
        for (a, b) in zip(outline.countryCodes.indices, outline.countryCodes.indices.dropFirst()) {
            #expect((outline.countries[a] == outline.countries[b]) == (outline.countryCodes[a] == outline.countryCodes[b]))
        }
        #expect(Set(outline.countries).count == Set(outline.countryCodes).count)
    }
}

@Suite("Great circles computed once per arc")
struct GreatCircleSegmentTests {
    @Test("segments give exactly the points of interpolating each one from the ends", arguments: [
        (Coordinates(latitude: 35.68, longitude: 139.69), Coordinates(latitude: 34.05, longitude: -118.24)),
        (Coordinates(latitude: 41.01, longitude: 28.97), Coordinates(latitude: 29.76, longitude: -95.37)),
        (Coordinates(latitude: 41.01, longitude: 28.97), Coordinates(latitude: 41.02, longitude: 28.98)),
        (Coordinates(latitude: 10, longitude: 20), Coordinates(latitude: -10, longitude: -160)),  // antipodes
        (Coordinates(latitude: 90, longitude: 0), Coordinates(latitude: -90, longitude: 0)),  // pole to pole
        (Coordinates(latitude: 0, longitude: 179.5), Coordinates(latitude: 1, longitude: -179.5)),
        (Coordinates(latitude: -33.92, longitude: 18.42), Coordinates(latitude: 64.15, longitude: -21.94)),
        (Coordinates(latitude: 5, longitude: 5), Coordinates(latitude: 5, longitude: 5)),
    ])
    func segmentsMatchReference(a: Coordinates, b: Coordinates) {
        let fast = GreatCircle.segments(from: a, to: b), reference = ReferenceDrawing.segments(from: a, to: b)
        #expect(fast.count == reference.count)
        for (x, y) in zip(fast, reference) {
            #expect(x.map(\.latitude.bitPattern) == y.map(\.latitude.bitPattern))
            #expect(x.map(\.longitude.bitPattern) == y.map(\.longitude.bitPattern))
        }
    }
}

@Suite("SVG bytes and escaping")
struct SVGBytesTests {
    @Test("text that needs no escaping comes back unchanged, and the rest as the scalar-by-scalar escape gives it", arguments: [
        "İstanbul, Türkiye: 12 partnerships", "plain", "", "Tom & Jerry", "<b>", "\"quoted\" and 'single'", "tab\there\nnew\r",
        "C1 \u{80}\u{85}\u{9F} controls", "non-characters \u{FFFE}\u{FFFF}", "kept: · (C2 B7), ﬀ (EF AC 80), ￼ (EF BF BC)",
        "NUL \u{0} and DEL \u{7F}", "Kraków – Łódź", "東京都", "🙂 emoji",
    ])
    func escapingMatchesReference(text: String) {
        #expect(Array(SVGText.attribute(text).utf8) == Array(ReferenceDrawing.escape(text, quotes: true).utf8))
        #expect(Array(SVGText.text(text).utf8) == Array(ReferenceDrawing.escape(text, quotes: false).utf8))
    }

    @Test("bytes appended in many small pieces and large ones read back in order, past every growth of the buffer")
    func growth() {
        var bytes = SVGBytes()
        var expected = ""
        for index in 0..<5000 {
            bytes.append("<p\(index)>")
            bytes.appendTenths(index * 7 - 9000)
            bytes.append(UInt8(ascii: ";"))
            expected += "<p\(index)>" + SVGText.tenths(index * 7 - 9000) + ";"
        }
        var other = SVGBytes(capacity: 4)
        other.append(String(repeating: "x", count: 100_000))
        bytes.append(other)
        expected += String(repeating: "x", count: 100_000)
        #expect(bytes.count == expected.utf8.count)
        #expect(bytes.string == expected)
        bytes.removeAll()
        #expect(bytes.isEmpty && bytes.string.isEmpty)
        bytes.append("again")
        #expect(bytes.string == "again")
    }
}

/// A small seeded random number generator, so random test cases are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
