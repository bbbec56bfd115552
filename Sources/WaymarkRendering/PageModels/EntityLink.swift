import WaymarkModel

/// A short link to an entity, as every page shows one.
package struct EntityLink: Codable, Sendable, TemplateDescribed {
  package var ref: String
  package var title: String
  package var name: String
  package var kind: String
  package var url: String
  /// The entity's production-readiness level (a group's owned entities only).
  package var level: String?
  /// Whether the entity is provided outside the repository (`catalog.external`): it has no page,
  /// so it is shown as text, not a link.
  package var external: Bool?
  /// Whether another entity has the same title, so the ref must be shown to tell them apart.
  package var sharedTitle: Bool = false

  package static let keyMeanings = [
    "ref": "The entity reference, `kind:namespace/name`.",
    "title": "The entity's title (or its name).",
    "name": "The entity's name.",
    "kind": "The entity's kind as written in its file (`Component`).",
    "url": "The entity page's URL, relative to this page.",
    "level": "Its production-readiness level (`none` when it has none); in a group's `owned` list only.",
    "external": "True when the entity is provided outside the repository (`catalog.external`): it has no page, "
      + "so it is shown as text and `url` is empty; absent otherwise.",
    "sharedTitle": "Whether another entity has the same title; the default theme then shows `ref` beside it.",
  ]
}

extension EntityLink {
  /// A link to `ref` in `catalog`, relative to `root`.
  package init(to ref: EntityRef, in catalog: Catalog, root: String) {
    let entity = catalog[ref]
    self.ref = ref.canonical
    title = entity?.title ?? ref.name
    name = ref.name
    kind = entity?.ref.kind ?? ref.kind
    url = root + SitePaths.entityPage(ref)
    sharedTitle = catalog.sharesTitle(ref)
  }

  /// Backstage's kinds as Backstage spells them: `group:github/sre` shows as a Group.
  private static let kindSpellings = Dictionary(
    uniqueKeysWithValues: ["API", "Component", "Domain", "Group", "Location", "Resource", "System", "Template", "User"]
      .map { ($0.lowercased(), $0) })

  /// An entity provided outside the repository, shown as text: its `url` is empty.
  package init(external ref: EntityRef) {
    self.ref = ref.canonical
    title = ref.name
    name = ref.name
    kind = Self.kindSpellings[ref.kind.lowercased()] ?? ref.kind
    url = ""
    external = true
  }
}
