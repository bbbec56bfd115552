/// A TechDocs page (`docs.html`, or `<kind>/docs.html`): the site's navigation and the page.
package struct DocsPage: Codable, Sendable, TemplateDescribed {
  /// The docs site.
  package struct Site: Codable, Sendable, TemplateDescribed {
    package var name: String
    package var description: String?
    package var url: String
    package var entity: EntityLink
    package var nav: Nav
    package var fetched: Fetched?

    package static let keyMeanings = [
      "name": "The site's name (`site_name`).",
      "description": "Its description; absent when none.",
      "url": "Its home page, relative to this page.",
      "entity": "The entity whose docs these are.",
      "nav": "The site's navigation.",
      "fetched":
        "Where `waymark fetch` fetched the site from (`techdocs-ref: url:`); absent for a folder of the repository.",
    ]
  }

  /// Where a fetched site came from.
  package struct Fetched: Codable, Sendable, TemplateDescribed {
    package var url: String
    package var archiveURL: String
    package var sha256: String
    package var shortSHA256: String

    package static let keyMeanings = [
      "url": "The site's URL as the catalog names it, as a link.",
      "archiveURL": "The archive it was read from.",
      "sha256": "The SHA-256 `waymark.lock` records for its files.",
      "shortSHA256": "The first 12 digits of `sha256`.",
    ]
  }

  /// The navigation's top level.
  package struct Nav: Codable, Sendable, TemplateDescribed {
    package var items: [NavItem]

    package static let keyMeanings = ["items": "The top-level entries."]
  }

  /// A navigation entry; every key is always present, so Mustache never finds a missing one in
  /// an enclosing entry.
  package struct NavItem: Codable, Sendable, TemplateDescribed {
    package var title: String
    package var url: String
    package var current: Bool
    package var external: Bool
    package var isSection: Bool
    package var open: Bool
    package var items: [NavItem]

    package static let keyMeanings = [
      "title": "The entry's title.",
      "url": "A page's URL relative to this page, an external URL, or empty for a section.",
      "current": "Whether it is this page.",
      "external": "Whether it links outside the site.",
      "isSection": "Whether it is a section.",
      "open": "Whether the section holds this page.",
      "items": "A section's entries (the same keys, recursively).",
    ]
  }

  /// The page itself.
  package struct Document: Codable, Sendable, TemplateDescribed {
    package var title: String
    package var description: String?
    package var body: String
    package var hasTitleHeading: Bool
    package var source: String
    package var editURL: String?
    package var words: Int
    package var tags: [String]
    package var hasTags: Bool
    package var toc: TOC
    package var hasTOC: Bool
    package var breadcrumbs: [Breadcrumb]
    package var previous: PageLink?
    package var next: PageLink?

    package static let keyMeanings = [
      "title": "The page's title.",
      "description": "Its front-matter description; absent when none.",
      "body": "The page as HTML (cmark-gfm; raw HTML filtered unless `docs.unsafeHTML`): use `{{{body}}}`.",
      "hasTitleHeading": "Whether the body starts with its own title heading.",
      "source": "The markdown file, relative to the root.",
      "editURL": "The page's edit link (`edit_uri`); absent when none.",
      "words": "How many words it has.",
      "tags": "Its front-matter tags.",
      "hasTags": "Whether `tags` is non-empty.",
      "toc": "Its table of contents.",
      "hasTOC": "Whether it has level 2 or 3 headings.",
      "breadcrumbs": "Catalog › entity › Docs › sections › the page.",
      "previous": "The previous page in reading order; absent on the first.",
      "next": "The next page in reading order; absent on the last.",
    ]
  }

  /// The table of contents' top level.
  package struct TOC: Codable, Sendable, TemplateDescribed {
    package var children: [TOCEntry]

    package static let keyMeanings = ["children": "The top-level headings."]
  }

  /// A heading with the headings under it.
  package struct TOCEntry: Codable, Sendable, TemplateDescribed {
    package var text: String
    package var anchor: String
    package var children: [TOCEntry]
    package var hasChildren: Bool

    package static let keyMeanings = [
      "text": "The heading's text.",
      "anchor": "Its anchor (without `#`).",
      "children": "The headings under it (the same keys, recursively).",
      "hasChildren": "Whether `children` is non-empty.",
    ]
  }

  /// One breadcrumb.
  package struct Breadcrumb: Codable, Sendable, TemplateDescribed {
    package var title: String
    package var url: String
    package var linked: Bool

    package static let keyMeanings = [
      "title": "The crumb's text.", "url": "Its URL, empty for a section.", "linked": "Whether it is a link.",
    ]
  }

  /// A link to another page of the same site.
  package struct PageLink: Codable, Sendable, TemplateDescribed {
    package var title: String
    package var url: String

    package static let keyMeanings = ["title": "The page's title.", "url": "Its URL, relative to this page."]
  }

  package var docs: Site
  package var doc: Document

  package static let keyMeanings = ["docs": "The docs site.", "doc": "The page."]
}
