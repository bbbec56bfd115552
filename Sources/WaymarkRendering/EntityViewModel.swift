import StructuredData
import WaymarkModel

/// The data an entity's page and its JSON share: one view model for both output formats.
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

  /// A short link to an entity: `{ref, title, kind, url}`, the URL relative to `root`.
  public func link(to ref: EntityRef, root: String) -> JSONValue {
    let entity = catalog[ref]
    return [
      "ref": .string(ref.canonical),
      "title": .string(entity?.title ?? ref.name),
      "name": .string(ref.name),
      "kind": .string(entity?.ref.kind ?? ref.kind),
      "url": .string(root + SitePaths.entityPage(ref)),
    ]
  }

  /// The whole page model for `entity`, links relative to `root`.
  public func model(for entity: Entity, root: String) -> JSONValue {
    let metadata = entity.document["metadata"]?.objectValue ?? [:]
    let annotations = (metadata["annotations"]?.objectValue ?? [:]).sorted { $0.key < $1.key }.map { key, value in
      JSONValue.object(["key": .string(key), "value": .string(value.stringValue ?? JSONWriter(pretty: false).string(for: value))])
    }
    let labels = (metadata["labels"]?.objectValue ?? [:]).sorted { $0.key < $1.key }.map { key, value in
      JSONValue.object(["key": .string(key), "value": .string(value.stringValue ?? "")])
    }
    let links: [JSONValue] = (metadata["links"]?.arrayValue ?? []).compactMap { link in
      guard let url = link["url"]?.stringValue, let safe = SitePaths.safeLink(url) else { return nil }
      return ["url": .string(safe), "title": .string(link["title"]?.stringValue ?? url)]
    }
    var groups: [JSONValue] = []
    for (type, heading) in Self.relationHeadings {
      let targets = entity.targets(of: type)
      guard !targets.isEmpty else { continue }
      groups.append(["type": .string(type), "heading": .string(heading), "targets": .array(targets.map { link(to: $0, root: root) })])
    }
    var model: [String: JSONValue] = [
      "ref": .string(entity.ref.canonical),
      "kind": .string(entity.ref.kind),
      "namespace": .string(entity.ref.namespace),
      "name": .string(entity.ref.name),
      "title": .string(entity.title),
      "tags": .array(entity.tags.map(JSONValue.string)),
      "annotations": .array(annotations),
      "labels": .array(labels),
      "links": .array(links),
      "relationGroups": .array(groups),
      "source": ["path": .string(entity.source.path), "line": .int(Int64(entity.source.line))],
      "url": .string(root + SitePaths.entityPage(entity.ref)),
      "hasTags": .bool(!entity.tags.isEmpty),
      "hasLinks": .bool(!links.isEmpty),
      "hasRelations": .bool(!groups.isEmpty),
      "hasAnnotations": .bool(!annotations.isEmpty),
    ]
    if let description = entity.description { model["description"] = .string(description) }
    if let type = entity.type { model["type"] = .string(type) }
    if let lifecycle = entity.lifecycle { model["lifecycle"] = .string(lifecycle) }
    if let owner = entity.targets(of: "ownedBy").first { model["owner"] = link(to: owner, root: root) }
    return .object(model)
  }

  /// The entity as the JSON API publishes it: Backstage's shape plus `source`.
  public func apiValue(for entity: Entity) -> JSONValue {
    var document = entity.document.objectValue ?? [:]
    var metadata = document["metadata"]?.objectValue ?? [:]
    metadata["namespace"] = .string(entity.ref.namespace)
    document["metadata"] = .object(metadata)
    document["relations"] = .array(
      entity.relations.map { ["type": .string($0.type), "targetRef": .string($0.target.canonical)] })
    document["source"] = ["path": .string(entity.source.path), "line": .int(Int64(entity.source.line))]
    return .object(document)
  }
}
