import StructuredData
import WaymarkModel

/// The data an entity's page and its JSON share: the page's `entity` key and the API's entity.
public struct EntityViewModel: Sendable {
  /// The catalog the entity's relations point into.
  public let catalog: Catalog

  /// Creates a view model builder.
  public init(catalog: Catalog) {
    self.catalog = catalog
  }

  /// Relation types in the order pages show them, with their headings.
  package static let relationHeadings: [(String, String)] = [
    ("ownedBy", "Owner"), ("ownerOf", "Owns"), ("partOf", "Part of"), ("hasPart", "Has parts"),
    ("providesApi", "Provides APIs"), ("consumesApi", "Consumes APIs"), ("apiProvidedBy", "Provided by"),
    ("apiConsumedBy", "Consumed by"), ("dependsOn", "Depends on"), ("dependencyOf", "Dependency of"),
    ("memberOf", "Member of"), ("hasMember", "Members"), ("childOf", "Parent group"), ("parentOf", "Sub-groups"),
  ]

  /// The relations a Group page's own sections list (members, sub-groups, owned entities).
  package static let groupSectionRelations: Set<String> = ["hasMember", "parentOf", "ownerOf"]

  /// The entity page's `entity` key for `entity`, links relative to `root`.
  package func details(for entity: Entity, root: String) -> EntityDetails {
    let metadata = entity.document["metadata"]?.objectValue ?? [:]
    let annotations = (metadata["annotations"]?.objectValue ?? [:]).sorted { $0.key < $1.key }.map { key, value in
      let text = value.stringValue
      let url = text.flatMap { EntityActionLinks.httpURL($0) ?? EntityActionLinks.urlTarget($0) }
      return EntityDetails.KeyValue(
        key: key, value: text ?? JSONWriter(pretty: false).string(for: value), url: url, isLink: url != nil)
    }
    let labels = (metadata["labels"]?.objectValue ?? [:]).sorted { $0.key < $1.key }.map { key, value in
      EntityDetails.KeyValue(key: key, value: value.stringValue ?? "")
    }
    let links: [EntityDetails.Link] = (metadata["links"]?.arrayValue ?? []).compactMap { link in
      guard let url = link["url"]?.stringValue, let safe = SitePaths.safeLink(url) else { return nil }
      return EntityDetails.Link(url: safe, title: link["title"]?.stringValue ?? url)
    }
    var groups: [EntityDetails.RelationGroup] = []
    for (type, heading) in Self.relationHeadings {
      let targets =
        entity.targets(of: type).map { EntityLink(to: $0, in: catalog, root: root) }
        + entity.externalTargets(of: type).map { EntityLink(external: $0) }
      guard !targets.isEmpty else { continue }
      groups.append(
        EntityDetails.RelationGroup(
          type: type, heading: heading, targets: targets,
          shownByKind: entity.ref.kind.lowercased() == "group" && Self.groupSectionRelations.contains(type)))
    }
    let actions = EntityActionLinks(entity: entity)
    var details = EntityDetails(
      ref: entity.ref.canonical, kind: entity.ref.kind, namespace: entity.ref.namespace, name: entity.ref.name,
      title: entity.title, description: entity.description, type: entity.type, lifecycle: entity.lifecycle,
      owner: entity.targets(of: "ownedBy").first.map { EntityLink(to: $0, in: catalog, root: root) }
        ?? entity.externalTargets(of: "ownedBy").first.map { EntityLink(external: $0) },
      tags: entity.tags, hasTags: !entity.tags.isEmpty, annotations: annotations, hasAnnotations: !annotations.isEmpty,
      labels: labels, links: links, hasLinks: !links.isEmpty, relationGroups: groups, hasRelations: !groups.isEmpty,
      source: EntityDetails.Source(
        path: entity.source.path, line: entity.source.line,
        remoteURL: entity.source.path.hasPrefix("https://") || entity.source.path.hasPrefix("http://")
          ? SitePaths.safeLink(entity.source.path) : nil,
        sha256: entity.source.fetchedSHA256, shortSHA256: entity.source.fetchedSHA256.map { String($0.prefix(12)) }),
      url: root + SitePaths.entityPage(entity.ref))
    details.viewSourceURL = actions.viewSource
    details.editURL = actions.edit
    details.repositoryURL = actions.repository
    details.externalDocsURL = actions.externalDocs
    details.hasActions = !actions.isEmpty
    details.hasOtherRelations = groups.contains { !$0.shownByKind }
    return details
  }

  /// The entity as the JSON API publishes it: Backstage's shape plus `source`. Relations to
  /// entities provided outside the repository are among `relations`, marked `"external": true`.
  public func apiValue(for entity: Entity) -> JSONValue {
    var document = entity.document.objectValue ?? [:]
    var metadata = document["metadata"]?.objectValue ?? [:]
    metadata["namespace"] = .string(entity.ref.namespace)
    document["metadata"] = .object(metadata)
    let all = entity.relations.map { ($0, false) } + entity.externalRelations.map { ($0, true) }
    document["relations"] = .array(
      all.sorted { $0.0 < $1.0 }.map { relation, external in
        var value: [String: JSONValue] = [
          "type": .string(relation.type), "targetRef": .string(relation.target.canonical),
        ]
        if external { value["external"] = .bool(true) }
        return .object(value)
      })
    var source: [String: JSONValue] = ["path": .string(entity.source.path), "line": .int(Int64(entity.source.line))]
    if let sha256 = entity.source.fetchedSHA256 { source["sha256"] = .string(sha256) }
    document["source"] = .object(source)
    return .object(document)
  }

  /// `api/catalog.json`'s `external`: each entity provided outside the repository with the
  /// entities referring to it, sorted by reference.
  public func externalValue() -> JSONValue {
    .array(
      catalog.external.map { external in
        [
          "ref": .string(external.ref.canonical),
          "referredBy": .array(external.referrers.map { .string($0.canonical) }),
        ]
      })
  }
}
