/// The keys every page has besides its type's own: `site`, `page`, `root` and `nav`.
package enum PageCommon {
  /// The site's settings and the build's date.
  package struct Site: Codable, Sendable, TemplateDescribed {
    package var title: String
    package var baseURL: String
    package var asOf: String
    package var asOfDate: String
    package var generator: String

    package static let keyMeanings = [
      "title": "The site's title (`title` in waymark.yaml).",
      "baseURL": "The site's public URL (`baseURL`), possibly empty.",
      "asOf": "The build's \"now\" as an RFC 3339 timestamp.",
      "asOfDate": "The build's \"now\" as a date (YYYY-MM-DD).",
      "generator": "`Waymark` and its version.",
    ]
  }

  /// The page itself.
  package struct Page: Codable, Sendable, TemplateDescribed {
    package var title: String
    package var kind: String
    package var path: String

    package static let keyMeanings = [
      "title": "The page's title.",
      "kind": "The page type (`home`, `entity`, `docs`, …), as in the layout lookup.",
      "path": "The page's path in the output, relative to the site root.",
    ]
  }

  /// One entry of the site's main navigation.
  package struct NavLink: Codable, Sendable, TemplateDescribed {
    package var label: String
    package var url: String
    package var current: Bool

    package static let keyMeanings = [
      "label": "The entry's text.",
      "url": "Its URL, relative to this page.",
      "current": "True on the page the entry points to.",
    ]
  }

  /// The meanings of the keys every page has.
  package static let keyMeanings = [
    "site": "The site's settings and the build's date.",
    "page": "The page's title, type and path.",
    "root": "The relative path from this page to the site root (`../../`), to prefix links with.",
    "nav": "The main navigation, in order.",
  ]
}
