/// The entity page's `docs` key: its TechDocs site and the first pages in reading order.
package struct EntityDocs: Codable, Sendable, TemplateDescribed {
  /// A page link.
  package struct PageLink: Codable, Sendable, TemplateDescribed {
    package var title: String
    package var url: String

    package static let keyMeanings = ["title": "The page's title.", "url": "Its URL, relative to this page."]
  }

  package var name: String
  package var description: String?
  package var url: String
  package var pages: Int
  package var fact: TemplateJSON
  package var hasBrokenLinks: Bool
  package var contents: [PageLink]
  package var morePages: Int = 0
  package var hasMorePages: Bool = false

  package static let keyMeanings = [
    "name": "The docs site's name.",
    "description": "Its description; absent when none.",
    "url": "Its home page, relative to this page.",
    "pages": "How many pages it has.",
    "fact": "The docs fact the scorecards read (`pages`, `brokenLinks`, …, as in `api/docs.json`).",
    "hasBrokenLinks": "Whether the link check found broken links.",
    "contents": "The first 12 pages in reading order.",
    "morePages": "How many pages `contents` leaves out (the site's home, `url`, lists every page).",
    "hasMorePages": "Whether `morePages` is above zero.",
  ]
}
