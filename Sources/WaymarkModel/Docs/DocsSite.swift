import Markdown

/// One entity's TechDocs site: its pages (rendered and link-checked), navigation and files.
public struct DocsSite: Sendable {
  /// The entity whose `backstage.io/techdocs-ref` found the site.
  public var entity: EntityRef
  /// The folder the ref points to (holding `mkdocs.yml`), relative to the site root; for a
  /// fetched site its URL (without a trailing `/`), under which its files are named.
  public var folder: String
  /// The docs folder (`docs_dir`), relative to the site root.
  public var docsFolder: String
  /// `site_name`, else the entity's title.
  public var name: String
  /// `site_description`, if any.
  public var description: String?
  /// The pages, sorted by source path.
  public var pages: [DocsPage]
  /// The navigation tree: `nav:` from mkdocs.yml, else built from the file tree.
  public var nav: [DocsNavItem]
  /// Page indices in reading order (the navigation flattened), for previous/next links.
  public var readingOrder: [Int]
  /// Files under the docs folder that are not pages (images, downloads), copied as they are.
  public var assets: [DocsAsset]
  /// How many links (and navigation entries) point at missing pages, anchors or files.
  public var brokenLinks: Int
  /// Where the site was fetched from (`techdocs-ref: url:`), nil for a folder of the repository.
  public var origin: RemoteOrigin?

  /// Creates a site.
  public init(
    entity: EntityRef, folder: String, docsFolder: String, name: String, description: String?, pages: [DocsPage],
    nav: [DocsNavItem], readingOrder: [Int], assets: [DocsAsset], brokenLinks: Int, origin: RemoteOrigin? = nil
  ) {
    self.entity = entity
    self.folder = folder
    self.docsFolder = docsFolder
    self.name = name
    self.description = description
    self.pages = pages
    self.nav = nav
    self.readingOrder = readingOrder
    self.assets = assets
    self.brokenLinks = brokenLinks
    self.origin = origin
  }

  /// The words of every page.
  public var words: Int { pages.reduce(0) { $0 + $1.words } }

  /// The index of the site's home page (`index.md`, or the README standing in for it).
  public var homePage: Int? { pages.firstIndex { $0.slug.isEmpty } }
}

/// One markdown page of a docs site, rendered to HTML.
public struct DocsPage: Sendable {
  /// The markdown file, relative to the site root.
  public var source: String
  /// The file relative to the docs folder: `guides/setup.md`.
  public var path: String
  /// The page's folder relative to the site's URL: `guides/setup/`, `""` for the home page.
  public var slug: String
  /// The title: front matter `title`, else the first h1, else one made from the file name.
  public var title: String
  /// Front matter `description`, if any.
  public var description: String?
  /// Front matter `tags`.
  public var tags: [String]
  /// The body HTML, links rewritten, unsafe HTML removed unless allowed.
  public var html: String
  /// The headings with their unique anchors.
  public var headings: [MarkdownHeading]
  /// How many words the page's prose holds.
  public var words: Int
  /// Where to edit the page, if known.
  public var editURL: String?

  /// Creates a page.
  public init(
    source: String, path: String, slug: String, title: String, description: String?, tags: [String], html: String,
    headings: [MarkdownHeading], words: Int, editURL: String?
  ) {
    self.source = source
    self.path = path
    self.slug = slug
    self.title = title
    self.description = description
    self.tags = tags
    self.html = html
    self.headings = headings
    self.words = words
    self.editURL = editURL
  }

  /// Whether the body starts its own h1, so the layout need not add the title.
  public var hasTitleHeading: Bool { headings.first?.level == 1 }
}

/// An entry of a docs site's navigation.
public struct DocsNavItem: Sendable, Hashable {
  /// What an entry leads to.
  public enum Target: Sendable, Hashable {
    /// A page of the site, by index into `DocsSite.pages`.
    case page(Int)
    /// An external link.
    case link(String)
    /// A section holding more entries.
    case section([DocsNavItem])
  }

  /// The title shown.
  public var title: String
  /// Where it leads.
  public var target: Target

  /// Creates an entry.
  public init(title: String, target: Target) {
    self.title = title
    self.target = target
  }

  /// The page indices below this entry, in order.
  public var pageIndices: [Int] {
    switch target {
    case .page(let index): return [index]
    case .link: return []
    case .section(let children): return children.flatMap(\.pageIndices)
    }
  }
}

/// A non-markdown file under a docs folder, copied to the site's output.
public struct DocsAsset: Sendable, Hashable {
  /// The file relative to the docs folder: `img/flow.svg`.
  public var path: String
  /// The file's bytes.
  public var bytes: [UInt8]

  /// Creates an asset.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}
