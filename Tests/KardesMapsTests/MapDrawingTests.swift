import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import KardesMaps
import KardesModel
import Testing

@Suite("Map drawing")
struct MapDrawingTests {
    static let istanbul = Coordinates(latitude: 41.01, longitude: 28.97)
    static let houston = Coordinates(latitude: 29.76, longitude: -95.37)
    static let cologne = Coordinates(latitude: 50.94, longitude: 6.96)
    static let tokyo = Coordinates(latitude: 35.68, longitude: 139.69)
    static let losAngeles = Coordinates(latitude: 34.05, longitude: -118.24)

    static func sample(title: String = "Partnerships", label: String = "İstanbul", url: String = "cities/tr/istanbul/") -> MapDrawing {
        let dots = [
            MapDot(id: "tr/istanbul", coordinates: istanbul, partnerships: 12, label: label, url: url),
            MapDot(id: "us/houston", coordinates: houston, partnerships: 1, label: "Houston", url: "cities/us/houston/"),
            MapDot(id: "de/koln", coordinates: cologne, partnerships: 3, label: "Köln", url: "cities/de/koln/"),
        ]
        let arcs = [
            MapArc(from: istanbul, to: houston, cssClass: MapStyle.cssClass(forModel: "sister-city"), color: MapStyle.color(at: 0)),
            MapArc(from: istanbul, to: cologne, cssClass: MapStyle.cssClass(forModel: "municipal-cooperation"), color: MapStyle.color(at: 1)),
            MapArc(from: tokyo, to: losAngeles, cssClass: MapStyle.cssClass(forModel: "sister-city"), color: MapStyle.color(at: 0)),
        ]
        return MapDrawing(title: title, summary: "3 cities, 3 partnerships.", dots: dots, arcs: arcs, highlightedCountry: CountryCode("TR"))
    }

    @Test("the same input gives the same bytes, whatever the order of dots and arcs")
    func deterministic() {
        let a = Self.sample()
        var b = Self.sample()
        b.dots.reverse()
        b.arcs.reverse()
        #expect(a.svg() == a.svg())
        #expect(a.svg() == b.svg())
    }

    @Test("parses as XML, with a title, a description and one link per dot")
    func parsesAsXML() throws {
        let svg = Self.sample().svg()
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        #expect(collector.names.first == "svg")
        #expect(collector.names.filter { $0 == "a" }.count == 3)
        #expect(collector.names.filter { $0 == "circle" }.count == 3)
        #expect(collector.names.filter { $0 == "title" }.count == 4)
        #expect(collector.names.contains("desc"))
        #expect(collector.attributes["svg"]?["viewBox"]?.hasPrefix("0 0 1000 ") == true)
        #expect(collector.attributes["svg"]?["aria-labelledby"] == "map-title map-desc")
    }

    @Test("labels and URLs are escaped")
    func escaping() throws {
        let drawing = Self.sample(title: "A < B & \"C\"", label: "Tom & Jerry <script>\"x\"", url: "cities/a?b=1&c=\"2\"")
        let svg = drawing.svg()
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("aria-label=\"Tom &amp; Jerry &lt;script&gt;&quot;x&quot;\""))
        #expect(svg.contains("<title>Tom &amp; Jerry &lt;script&gt;\"x\"</title>"))
        #expect(svg.contains("href=\"cities/a?b=1&amp;c=&quot;2&quot;\""))
        #expect(svg.contains("<title id=\"map-title\">A &lt; B &amp; \"C\"</title>"))
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse())
    }

    @Test("arcs are drawn under the dots, grouped by model, with no external reference")
    func layering() throws {
        let svg = Self.sample().svg()
        let arcs = try #require(svg.range(of: "class=\"arcs\""))
        let cities = try #require(svg.range(of: "class=\"cities\""))
        #expect(arcs.lowerBound < cities.lowerBound)
        #expect(svg.contains("class=\"arc model-sister-city\" stroke=\"#0072b2\""))
        #expect(svg.contains("class=\"arc model-municipal-cooperation\" stroke=\"#d55e00\""))
        #expect(svg.contains("class=\"country highlighted\""))
        #expect(!svg.contains("url("))
        #expect(!svg.contains("http://") || svg.components(separatedBy: "http://").count == 2)  // only the xmlns
        #expect(!svg.contains("\n"))
    }

    @Test("an arc across the Pacific never draws a line across the whole map")
    func noStreaks() throws {
        let drawing = MapDrawing(
            title: "t", summary: "s",
            arcs: [MapArc(from: Self.tokyo, to: Self.losAngeles, cssClass: "model-sister-city")])
        let svg = drawing.svg()
        let path = try #require(svg.components(separatedBy: "class=\"arc model-sister-city\" d=\"").last?.components(separatedBy: "\"").first)
        // Two subpaths, and no single relative step wider than a tenth of the map.
        #expect(path.components(separatedBy: "M").count - 1 == 2)
        for step in relativeSteps(path) { #expect(abs(step.0) < 100) }
    }

    @Test("dot radii grow with the square root of the count and are clamped")
    func radii() {
        #expect(MapDot.radius(forPartnerships: 0) == 2.5)
        #expect(MapDot.radius(forPartnerships: 1) == 2.5)
        #expect(MapDot.radius(forPartnerships: 4) == 5)
        #expect(MapDot.radius(forPartnerships: 1000) == 12)
    }

    @Test("model classes come from slugs")
    func classes() {
        #expect(MapStyle.cssClass(forModel: "sister-city") == "model-sister-city")
        #expect(MapStyle.cssClass(forModel: "A b\"<") == "model-a-b--")
        #expect(MapStyle.color(at: 7) == MapStyle.color(at: 0))
    }

    @Test("the legend lists each model with its colour")
    func legend() {
        let html = MapLegend.html([MapLegendEntry(label: "Sister cities & friends", cssClass: "model-sister-city", color: "#0072b2")])
        #expect(html.hasPrefix("<ul class=\"map-legend\"><li>"))
        #expect(html.contains("stroke=\"#0072b2\""))
        #expect(html.contains("Sister cities &amp; friends"))
        #expect(MapLegend.html([]).isEmpty)
    }
}

@Suite("Viewports")
struct ViewportTests {
    @Test("a fitted viewport contains every given point and has the asked ratio", arguments: [
        [MapDrawingTests.istanbul],
        [MapDrawingTests.istanbul, MapDrawingTests.cologne],
        [MapDrawingTests.istanbul, MapDrawingTests.houston, MapDrawingTests.cologne],
        [MapDrawingTests.tokyo, MapDrawingTests.losAngeles],
        [Coordinates(latitude: 64.15, longitude: -21.94), Coordinates(latitude: -33.92, longitude: 18.42)],
        [Coordinates(latitude: -54.8, longitude: -68.3), Coordinates(latitude: 78.2, longitude: 15.6)],
    ])
    func containsPoints(points: [Coordinates]) {
        let viewport = MapViewport.fitting(points)
        for point in points { #expect(viewport.contains(point)) }
        #expect(abs(viewport.aspectRatio - 2) < 1e-9)
    }

    @Test("a viewport around nearby cities is much smaller than the world, and stays inside it")
    func smallAndInside() {
        let viewport = MapViewport.fitting([MapDrawingTests.istanbul, Coordinates(latitude: 39.93, longitude: 32.86)])
        #expect(viewport.bounds.width < MapViewport.world.bounds.width / 4)
        #expect(viewport.bounds.width >= 0.45)
        let world = MapViewport.world.bounds
        #expect(viewport.bounds.minX >= world.minX && viewport.bounds.maxX <= world.maxX)
        #expect(viewport.bounds.minY >= world.minY && viewport.bounds.maxY <= world.maxY)
    }

    @Test("fitting arcs includes their northward bulge")
    func arcs() {
        let a = Coordinates(latitude: 41.01, longitude: 28.97), b = Coordinates(latitude: 40.71, longitude: -74.0)
        let arc = MapArc(from: a, to: b, cssClass: "x")
        let withArc = MapViewport.fitting([a, b], arcs: [arc], aspectRatio: 1)
        #expect(withArc.contains(Coordinates(latitude: 55, longitude: -20)))
    }

    @Test("a country page's viewport includes the country's mainland")
    func country() throws {
        let turkey = try #require(CountryCode("TR"))
        let viewport = MapViewport.fitting([MapDrawingTests.istanbul], country: turkey)
        #expect(viewport.contains(Coordinates(latitude: 39.9, longitude: 44.0)))  // near Ağrı, far east
    }

    @Test("nothing to fit gives the world")
    func empty() {
        #expect(MapViewport.fitting([]) == .world)
    }

    @Test("a mini-map leaves out dots outside its viewport and draws few outline points")
    func miniMap() {
        let points = [MapDrawingTests.istanbul, MapDrawingTests.cologne]
        let dots = [
            MapDot(id: "tr/istanbul", coordinates: MapDrawingTests.istanbul, partnerships: 2, label: "İstanbul", url: "a/"),
            MapDot(id: "de/koln", coordinates: MapDrawingTests.cologne, partnerships: 1, label: "Köln", url: "b/"),
            MapDot(id: "jp/tokyo", coordinates: MapDrawingTests.tokyo, partnerships: 1, label: "Tokyo", url: "c/"),
        ]
        let svg = MapDrawing(title: "t", summary: "s", viewport: .fitting(points), dots: dots).svg()
        #expect(svg.contains("Köln") && svg.contains("İstanbul") && !svg.contains("Tokyo"))
        #expect(svg.utf8.count < MapDrawing(title: "t", summary: "s").svg().utf8.count)
    }
}

@Suite("Turned globe")
struct TurnedGlobeTests {
    @Test("a map of Tokyo and Los Angeles is centred on the Pacific, and shows both with the arc in one piece")
    func pacific() throws {
        let arc = MapArc(from: MapDrawingTests.tokyo, to: MapDrawingTests.losAngeles, cssClass: "model-sister-city")
        let viewport = MapViewport.fitting([MapDrawingTests.tokyo, MapDrawingTests.losAngeles], arcs: [arc])
        #expect(viewport.centralMeridian > 150 || viewport.centralMeridian < -150)
        #expect(viewport.contains(MapDrawingTests.tokyo) && viewport.contains(MapDrawingTests.losAngeles))
        #expect(viewport.bounds.width < MapViewport.world.bounds.width * 0.75)
        let svg = MapDrawing(title: "t", summary: "s", viewport: viewport, arcs: [arc], symbolScale: 2).svg()
        let path = try #require(svg.components(separatedBy: "class=\"arc model-sister-city\" d=\"").last?.components(separatedBy: "\"").first)
        #expect(path.components(separatedBy: "M").count - 1 == 1)
        #expect(XMLParser(data: Data(svg.utf8)).parse())
    }

    @Test("a drawing fitted to its dots and arcs, reusing the arcs' routes, has the bytes of one drawn in a fitted viewport")
    func fittedDrawing() {
        let sample = MapDrawingTests.sample()
        // Both ways round, twice (a duplicate), across the antimeridian, and the same city at both ends.
        let arcs = sample.arcs + sample.arcs.map { MapArc(from: $0.to, to: $0.from, cssClass: $0.cssClass, color: $0.color) } + sample.arcs
            + [MapArc(from: MapDrawingTests.istanbul, to: MapDrawingTests.istanbul, cssClass: "model-sister-city")]
        for (dots, arcs) in [(sample.dots, arcs), (sample.dots, []), ([], arcs), (Array(sample.dots.prefix(1)), Array(arcs.suffix(2)))] {
            let fitted = MapDrawing.fitting(
                title: "t", summary: "s", dots: dots, arcs: arcs, highlightedCountry: CountryCode("TR"), idPrefix: "city-map", symbolScale: 2,
                showsGraticule: false)
            let plain = MapDrawing(
                title: "t", summary: "s", viewport: .fitting(dots.map(\.coordinates), arcs: arcs), dots: dots, arcs: arcs,
                highlightedCountry: CountryCode("TR"), idPrefix: "city-map", symbolScale: 2, showsGraticule: false)
            #expect(fitted.viewport == plain.viewport)
            #expect(fitted.svg() == plain.svg())
        }
        let pacific = [MapArc(from: MapDrawingTests.tokyo, to: MapDrawingTests.losAngeles, cssClass: "model-sister-city")]
        let fitted = MapDrawing.fitting(title: "t", summary: "s", dots: [], arcs: pacific)
        #expect(fitted.viewport.centralMeridian != 0)
        #expect(fitted.svg() == MapDrawing(title: "t", summary: "s", viewport: .fitting([], arcs: pacific), arcs: pacific).svg())
    }

    @Test("places near Greenwich keep the usual centre")
    func greenwich() {
        let viewport = MapViewport.fitting([MapDrawingTests.istanbul, MapDrawingTests.houston, MapDrawingTests.tokyo])
        #expect(viewport.centralMeridian == 0)
    }

    @Test("a whole world turned to 150°E cuts the outline at 30°W and still draws every country once or twice")
    func turnedWorld() {
        let viewport = MapViewport(bounds: MapViewport.world.bounds, centralMeridian: 150)
        let svg = MapDrawing(title: "t", summary: "s", viewport: viewport).svg()
        let countries = svg.components(separatedBy: "<path class=\"country").count - 1
        #expect(countries > 170)
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        // Greenland (about 73°W–12°W) straddles the cut and is drawn as two pieces, each inside the map.
        #expect(svg.count < MapDrawing(title: "t", summary: "s").svg().count + 8000)
    }

    @Test("small maps round path coordinates to whole units")
    func quantized() throws {
        let svg = MapDrawing(title: "t", summary: "s", symbolScale: 2).svg()
        let land = try #require(svg.components(separatedBy: "class=\"land\"").last?.components(separatedBy: "</g>").first)
        #expect(!land.contains("."))
        #expect(svg.utf8.count < MapDrawing(title: "t", summary: "s", symbolScale: 1).svg().utf8.count * 3 / 4)
    }
}

/// The relative steps of a path written by the map (`M x y l dx dy dx dy …`), as pairs.
func relativeSteps(_ d: String) -> [(Double, Double)] {
    var steps: [(Double, Double)] = []
    for subpath in d.components(separatedBy: "M").dropFirst() {
        guard let relative = subpath.components(separatedBy: "l").last else { continue }
        var numbers: [Double] = []
        var current = ""
        for character in relative {
            if character == "-" || character == " " {
                if let n = Double(current) { numbers.append(n) }
                current = character == "-" ? "-" : ""
            } else {
                current.append(character)
            }
        }
        if let n = Double(current) { numbers.append(n) }
        for index in stride(from: 0, to: numbers.count - 1, by: 2) { steps.append((numbers[index], numbers[index + 1])) }
    }
    return steps
}

/// Collects element names and attributes from an XML parse.
final class ElementCollector: NSObject, XMLParserDelegate {
    var names: [String] = []
    var attributes: [String: [String: String]] = [:]

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes attributeDict: [String: String]
    ) {
        names.append(elementName)
        if attributes[elementName] == nil { attributes[elementName] = attributeDict }
    }
}
