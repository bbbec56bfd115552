/// The docs index (`docs-index.html`, at `docs/`): every TechDocs site of the portal.
package struct DocsIndexPage: Codable, Sendable, TemplateDescribed {
  /// One docs site.
  package struct Site: Codable, Sendable, TemplateDescribed {
    package var name: String
    package var description: String?
    package var url: String
    package var entity: EntityLink
    package var owner: EntityLink?
    package var pages: Int

    package static let keyMeanings = [
      "name": "The site's name (`site_name`, else the entity's title).",
      "description": "Its description; absent when none.",
      "url": "Its home page, relative to this page.",
      "entity": "The entity it documents.",
      "owner": "That entity's owner; absent when none.",
      "pages": "How many pages it has.",
    ]
  }

  package var sites: [Site]
  package var hasSites: Bool

  package static let keyMeanings = [
    "sites": "Every docs site with at least one page, in catalog order.",
    "hasSites": "Whether `sites` is non-empty.",
  ]
}
