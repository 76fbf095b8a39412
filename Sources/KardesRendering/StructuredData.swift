import KardesModel

/// schema.org JSON-LD for pages, the bytes `JSONSerialization` with `[.sortedKeys]` gave for the same dictionary.
enum StructuredData {
    /// A schema.org `City`, with its Wikidata item as `sameAs`.
    ///
    /// Keys are in `JSONSerialization`'s sorted order (`@` before letters, then case-insensitive), which
    /// Tests/KardesRenderingTests/JSONBytesTests.swift checks against Foundation. Slashes are escaped (`\/`), so
    /// `</`, which would end the script element early, cannot occur.
    /// - Parameters:
    ///   - name: the city's name in the page's language.
    ///   - url: the absolute URL of the city page.
    ///   - countryName: the country's name in the page's language.
    ///   - countryCode: the ISO code, as `identifier`.
    ///   - wikidata: the Wikidata item (`Q406`), if known.
    ///   - coordinates: the city's position, if known.
    ///   - alternateNames: the other names, sorted; omitted when empty.
    /// - Returns: the JSON text, or nil for a coordinate that is not a finite number (Foundation refuses those).
    static func city(
        name: String, url: String, countryName: String, countryCode: String, wikidata: String?, coordinates: Coordinates?,
        alternateNames: [String]
    ) -> String? {
        var json = JSONBytes(escapesSlashes: true, capacity: 512)
        json.object { json in
            json.field("@context", "https://schema.org")
            json.field("@type", "City")
            if !alternateNames.isEmpty { json.field("alternateName", alternateNames) }
            json.key("containedInPlace")
            json.object { json in
                json.field("@type", "Country")
                json.field("identifier", countryCode)
                json.field("name", countryName)
            }
            if let coordinates {
                json.key("geo")
                json.object { json in
                    json.field("@type", "GeoCoordinates")
                    json.field("latitude", coordinates.latitude)
                    json.field("longitude", coordinates.longitude)
                }
            }
            json.field("name", name)
            json.field("sameAs", wikidata.map { "https://www.wikidata.org/wiki/\($0)" })
            json.field("url", url)
        }
        return json.isValid ? String(decoding: json.bytes, as: UTF8.self) : nil
    }
}
