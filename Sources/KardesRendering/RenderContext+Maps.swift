import KardesLinking
import KardesMaps
import KardesModel
import KardesMustache
import Synchronization

/// The maps of the site: the world map of `/map/`, and the small maps of city and country pages.
extension RenderContext {
    /// Each model's colour and CSS class, in the site's model order, so the legend and the arcs agree.
    func modelStyle(_ slug: String) -> (cssClass: String, color: String) {
        let index = site.models.firstIndex { $0.id.slug == slug } ?? site.models.count
        return (MapStyle.cssClass(forModel: slug), MapStyle.color(at: index))
    }

    func legend(models slugs: Set<String>) -> String {
        legends.legend(for: slugs) { makeLegend(models: $0) }
    }

    private func makeLegend(models slugs: Set<String>) -> String {
        MapLegend.html(
            site.models.filter { slugs.contains($0.id.slug) }.map {
                let style = modelStyle($0.id.slug)
                return MapLegendEntry(label: $0.title, cssClass: style.cssClass, color: style.color)
            })
    }

    /// The arcs of some partnerships: each city joined to every other city of the partnership.
    func arcs(_ ids: [Partnership.ID]) -> [MapArc] {
        var arcs: [MapArc] = []
        for id in ids {
            guard let partnership = site.rowFacts(of: id) else { continue }
            let style = modelStyle(partnership.model)
            let points = (site.partnershipCities[id] ?? []).compactMap { site.cities[$0]?.coordinates }
            for (index, from) in points.enumerated() {
                for to in points[(index + 1)...] { arcs.append(MapArc(from: from, to: to, cssClass: style.cssClass, color: style.color)) }
            }
        }
        return arcs
    }

    func dot(_ id: City.ID, _ paths: Paths, highlighted: Bool = false) -> MapDot? {
        guard let point = site.cities[id]?.coordinates else { return nil }
        let count = site.partnerships(of: id).count
        return MapDot(
            id: id.description, coordinates: point, partnerships: count,
            label: "\(site.name(of: id)), \(site.countryName(id.country)): \(count) \(text("count_partnerships"))", url: paths.to(Route.city(id)),
            isHighlighted: highlighted)
    }

    /// The world map: every city with coordinates, every partnership between them.
    func worldMap(_ paths: Paths) -> UTF8Text {
        let dots = site.cityOrder.compactMap { dot($0, paths) }
        return MapDrawing(
            title: text("map"), summary: text("map_summary"), dots: dots, arcs: arcs(site.partnershipOrder), idPrefix: "world"
        ).svgText
    }

    /// A city and its partners, with the arcs between them.
    func cityMap(_ id: City.ID, _ paths: Paths) -> UTF8Text? {
        guard site.cities[id]?.coordinates != nil else { return nil }
        let ids = site.partnerships(of: id)
        let partners = Set(ids.flatMap { site.partnershipCities[$0] ?? [] }).subtracting([id]).sorted()
        let dots = [dot(id, paths, highlighted: true)].compactMap { $0 } + partners.compactMap { dot($0, paths) }
        let arcs = arcs(ids)
        return MapDrawing.fitting(
            title: "\(text("map")): \(site.name(of: id))", summary: text("map_city_summary"), dots: dots, arcs: arcs,
            highlightedCountry: id.country, idPrefix: "city-map", symbolScale: 2, showsGraticule: false
        ).svgText
    }

    /// A country's cities on a small map of the country.
    func countryMap(_ code: CountryCode, _ paths: Paths) -> UTF8Text? {
        let dots = (site.citiesByCountry[code] ?? []).compactMap { dot($0, paths) }
        guard !dots.isEmpty else { return nil }
        return MapDrawing(
            title: "\(text("map")): \(site.countryName(code))", summary: text("map_country_summary"),
            viewport: .fitting(dots.map(\.coordinates), country: code), dots: dots, highlightedCountry: code, idPrefix: "country-map",
            symbolScale: 2, showsGraticule: false
        ).svgText
    }

    func mapPage() -> RenderedFile {
        let withoutCoordinates = site.cityOrder.filter { site.cities[$0]?.coordinates == nil }
        let models = Set(site.partnerships.values.map(\.model.value))
        return page(
            route: Route.map, kind: "map", template: "map", title: text("map"), description: text("map_summary"),
            content: { paths in
                MapPageView(
                    map: worldMap(paths), legend: legend(models: models),
                    unmapped: withoutCoordinates.map { LinkView(title: site.name(of: $0), url: paths.to(Route.city($0)), detail: site.countryName($0.country)) })
            },
            sources: Set(site.partnerships.values.map(\.source.file)).union(site.cities.values.compactMap { $0.source?.file })
                .union(site.models.map(\.source.file)))
    }
}

extension MapDrawing {
    /// The map as bytes a template writes as they are.
    var svgText: UTF8Text { UTF8Text(bytes: svgBytes()) }
}

/// Legends already made, by the set of models they show; shared by the threads rendering one site.
final class LegendCache: Sendable {
    private let made = Mutex<[Set<String>: String]>([:])

    func legend(for slugs: Set<String>, make: (Set<String>) -> String) -> String {
        if let known = made.withLock({ $0[slugs] }) { return known }
        let legend = make(slugs)
        made.withLock { $0[slugs] = legend }
        return legend
    }
}
