import Foundation
import KardesContent
import KardesLinking
import KardesModel

/// The rows of `data/partnerships.csv`: every partnership in the columns of `PartnershipTable`.
public enum PartnershipExport {
    /// The CSV text, partnerships in the site's order (newest first).
    /// - Parameter baseURL: the site's absolute address; without it `url` holds the path below the site root.
    public static func csv(_ site: LinkedSite, baseURL: String?) -> String {
        CSV.write([PartnershipTable.columns] + site.partnershipOrder.map { row(site, $0, baseURL: baseURL) })
    }

    static func row(_ site: LinkedSite, _ id: Partnership.ID, baseURL: String?) -> [String] {
        let partnership = site.partnerships[id]!
        let cities = site.partnershipCities[id] ?? []
        // In the order of the columns (checked below in debug builds): a dictionary by column name hashed 40 strings
        // a row.
        let cells: KeyValuePairs<String, String> = [
            "slug": id.slug,
            "title": site.title(of: id),
            "cities": PartnershipTable.cell(cities.map { "\(site.cities[$0]?.name ?? $0.slug), \($0.country.code)" }),
            "countries": PartnershipTable.cell(cities.map(\.country.code)),
            "coordinates": cities.contains { site.cities[$0]?.coordinates != nil }
                ? PartnershipTable.cell(
                    cities.map { id in site.cities[id]?.coordinates.map { "\(format($0.latitude)),\(format($0.longitude))" } ?? "-" }) : "",
            "model": partnership.model.value,
            "status": partnership.status.rawValue,
            "established": partnership.established?.description ?? "",
            "ended": partnership.ended?.description ?? "",
            "areas": PartnershipTable.cell(partnership.areas.map(\.value)),
            "purpose": partnership.purpose ?? "",
            "agreement": partnership.agreement?.rawValue ?? "",
            "association": partnership.association ?? "",
            "council_decision_date": partnership.councilDecision?.date?.description ?? "",
            "council_decision_number": partnership.councilDecision?.number ?? "",
            "ministry_approval_date": partnership.ministryApproval?.date?.description ?? "",
            "ministry_approval_number": partnership.ministryApproval?.number ?? "",
            "protocol": partnership.protocolURL ?? "",
            "links": PartnershipTable.cell(partnership.links),
            "url": (baseURL ?? "") + Route.partnership(id),
        ]
        assert(cells.map(\.key) == PartnershipTable.columns, "the cells of a row are not in the order of the columns")
        return cells.map(\.value)
    }

    /// Degrees with up to six decimals and no trailing zeros, so values read back unchanged.
    static func format(_ value: Double) -> String {
        var text = FixedPoint.format(value, decimals: 6)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
