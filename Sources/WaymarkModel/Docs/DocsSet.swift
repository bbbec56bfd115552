import StructuredData

/// Every docs site of the portal, with the facts scorecards read about each entity's docs.
public struct DocsSet: Sendable {
  /// The sites, sorted by entity reference.
  public let sites: [DocsSite]
  /// The files read (configs, pages, assets), sorted by path, for `api/build.json`.
  public let files: [SourceFile]
  /// Problems found locating, reading and link-checking the docs.
  public let diagnostics: [Diagnostic]
  private let index: [EntityRef: Int]

  /// Creates a set; sites are sorted by entity.
  public init(sites: [DocsSite], files: [SourceFile], diagnostics: [Diagnostic]) {
    let sorted = sites.sorted { $0.entity < $1.entity }
    self.sites = sorted
    self.files = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    self.diagnostics = diagnostics
    var index: [EntityRef: Int] = [:]
    for (position, site) in sorted.enumerated() where index[site.entity] == nil { index[site.entity] = position }
    self.index = index
  }

  /// No docs at all.
  public static let empty = DocsSet(sites: [], files: [], diagnostics: [])

  /// The docs site of `entity`, if it has one.
  public func site(for entity: EntityRef) -> DocsSite? {
    index[entity].map { sites[$0] }
  }

  /// The position in `sites` of the docs site of `entity`, if it has one.
  public func siteIndex(for entity: EntityRef) -> Int? {
    index[entity]
  }

  /// The `docs` fact of an entity for scorecards: `{exists, pages, brokenLinks, words}`.
  ///
  /// An entity without docs (no annotation, or docs that could not be found) has
  /// `exists: false` and zero counts, so checks such as `docs.exists && docs.brokenLinks == 0`
  /// evaluate for every entity.
  public func fact(for entity: EntityRef) -> JSONValue {
    guard let site = site(for: entity) else {
      return ["exists": false, "pages": 0, "brokenLinks": 0, "words": 0]
    }
    return [
      "exists": .bool(!site.pages.isEmpty),
      "pages": .int(Int64(site.pages.count)),
      "brokenLinks": .int(Int64(site.brokenLinks)),
      "words": .int(Int64(site.words)),
    ]
  }

  /// How many pages all sites hold.
  public var pageCount: Int { sites.reduce(0) { $0 + $1.pages.count } }
}
