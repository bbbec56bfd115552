/// A page's whole template model: the keys every page has (`site`, `page`, `root`, `nav`) and the
/// keys of its page type (`Content`), side by side at the top level.
package struct SitePage<Content: Codable & Sendable & TemplateDescribed>: Codable, Sendable, TemplateDescribed {
  package var site: PageCommon.Site
  package var page: PageCommon.Page
  package var root: String
  package var nav: [PageCommon.NavLink]
  package var content: Content

  enum CodingKeys: String, CodingKey { case site, page, root, nav }

  package init(
    site: PageCommon.Site, page: PageCommon.Page, root: String, nav: [PageCommon.NavLink], content: Content
  ) {
    (self.site, self.page, self.root, self.nav, self.content) = (site, page, root, nav, content)
  }

  package init(from decoder: any Decoder) throws {
    content = try Content(from: decoder)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    site = try container.decode(PageCommon.Site.self, forKey: .site)
    page = try container.decode(PageCommon.Page.self, forKey: .page)
    root = try container.decode(String.self, forKey: .root)
    nav = try container.decode([PageCommon.NavLink].self, forKey: .nav)
  }

  package func encode(to encoder: any Encoder) throws {
    try content.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(site, forKey: .site)
    try container.encode(page, forKey: .page)
    try container.encode(root, forKey: .root)
    try container.encode(nav, forKey: .nav)
  }

  package static var keyMeanings: [String: String] {
    PageCommon.keyMeanings.merging(Content.keyMeanings) { common, _ in common }
  }
}
