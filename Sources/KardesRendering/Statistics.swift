import KardesLinking
import KardesModel

/// The figures of `/stats/`, computed from a linked site.
struct Statistics {
    let site: LinkedSite

    /// Partnerships established per year, every year from the first to the last (years without any count 0).
    var perYear: [(year: Int, count: Int)] {
        guard let first = site.partnershipsByYear.keys.min(), let last = site.partnershipsByYear.keys.max() else { return [] }
        return (first...last).map { ($0, site.partnershipsByYear[$0]?.count ?? 0) }
    }

    var runningTotal: [Int] {
        var total = 0
        return perYear.map { total += $0.count; return total }
    }

    var undated: Int { site.partnerships.values.filter { $0.established == nil }.count }

    var byModel: [(label: String, value: Int)] {
        site.models.map { ($0.title, site.partnershipsByModel[$0.id]?.count ?? 0) }
    }

    var byStatus: [(status: Partnership.Status, count: Int)] {
        let counts = site.partnerships.keys.reduce(into: [Partnership.Status: Int]()) { counts, id in
            if let status = site.rowFacts(of: id)?.status { counts[status, default: 0] += 1 }
        }
        return Partnership.Status.allCases.map { ($0, counts[$0] ?? 0) }
    }

    /// The countries with the most partnerships, ties by name order.
    func topCountries(_ count: Int) -> [(country: CountryCode, value: Int)] {
        site.countryOrder.map { ($0, site.partnershipsByCountry[$0]?.count ?? 0) }.filter { $0.1 > 0 }
            .enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }.prefix(count).map(\.element)
    }

    func topCities(_ count: Int) -> [(city: City.ID, value: Int)] {
        site.cityOrder.map { ($0, site.partnerships(of: $0).count) }.filter { $0.1 > 0 }
            .enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }.prefix(count).map(\.element)
    }

    /// Partnerships of Turkish municipalities by the municipality's kind, as the 2006 figures count them (a partnership
    /// of two Turkish municipalities counts once for each); `nil` is a city file without `kind` or no file.
    var byTurkishKind: [(kind: City.Kind?, count: Int)] {
        var counts: [City.Kind?: Int] = [:]
        for (id, partnerships) in site.partnershipsByCity where id.country.code == "TR" {
            counts[site.cities[id]?.kind, default: 0] += partnerships.count
        }
        let kinds: [City.Kind?] = City.Kind.allCases.map { $0 } + [nil]
        return kinds.map { ($0, counts[$0] ?? 0) }
    }

    /// The region (or, without regions, the city) involved in the most partnerships, and its share of all of them.
    var concentration: (name: String, count: Int, share: Double, isRegion: Bool)? {
        let total = site.partnerships.count
        guard total > 0 else { return nil }
        if let top = site.regions.map({ ($0, site.partnershipsByRegion[$0.id]?.count ?? 0) }).max(by: { ($0.1, $1.0.id) < ($1.1, $0.0.id) }), top.1 > 0 {
            return ("\(top.0.name) (\(site.countryName(top.0.id.country)))", top.1, Double(top.1) / Double(total), true)
        }
        guard let city = topCities(1).first else { return nil }
        return (site.name(of: city.city), city.value, Double(city.value) / Double(total), false)
    }
}
