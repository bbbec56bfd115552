import Markdown

extension MemoHasher {
  /// Adds every stored property of `site` (a test checks the list against the type's), for
  /// keying the pages built from it.
  public mutating func add(_ site: DocsSite) {
    add(site.entity.canonical)
    add(site.folder)
    add(site.docsFolder)
    add(site.name)
    add(site.description)
    add(site.pages.count)
    for page in site.pages { add(page) }
    add(site.nav.count)
    for item in site.nav { add(item) }
    add(site.readingOrder.count)
    for index in site.readingOrder { add(index) }
    add(site.assets.count)
    for asset in site.assets {
      add(asset.path)
      add(asset.bytes)
    }
    add(site.brokenLinks)
    add(site.origin?.url)
    add(site.origin?.resolvedURL)
    add(site.origin?.sha256)
  }

  /// Adds every stored property of `page`.
  public mutating func add(_ page: DocsPage) {
    add(page.source)
    add(page.path)
    add(page.slug)
    add(page.title)
    add(page.description)
    add(page.tags.count)
    for tag in page.tags { add(tag) }
    add(page.html)
    add(page.headings.count)
    for heading in page.headings {
      add(heading.level)
      add(heading.text)
      add(heading.anchor)
      add(heading.line)
    }
    add(page.words)
    add(page.editURL)
  }

  /// Adds a navigation entry and everything under it.
  public mutating func add(_ item: DocsNavItem) {
    add(item.title)
    switch item.target {
    case .page(let index):
      add(UInt64(0))
      add(index)
    case .link(let url):
      add(UInt64(1))
      add(url)
    case .section(let children):
      add(UInt64(2))
      add(children.count)
      for child in children { add(child) }
    }
  }
}
