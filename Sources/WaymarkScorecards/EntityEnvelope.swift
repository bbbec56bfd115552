import StructuredData
import WaymarkModel

/// The entity as Backstage tools see it, for CEL: the envelope's optional fields filled in.
///
/// Backstage readers treat an absent `metadata.annotations` or `metadata.labels` as `{}`, absent
/// `metadata.tags` or `metadata.links` as `[]`, an absent `metadata.namespace` as `"default"` and
/// an absent `spec` as `{}`. Policies see the same, so `'x' in entity.metadata.annotations` is
/// `false` on an entity without annotations rather than an error.
package enum EntityEnvelope {
  /// The metadata fields that default to an empty map.
  package static let mapFields = ["annotations", "labels"]
  /// The metadata fields that default to an empty list.
  package static let listFields = ["tags", "links"]

  /// The entity's document with the defaults applied; fields written are kept as written.
  package static func document(of entity: Entity) -> JSONValue {
    var document = entity.document.objectValue ?? [:]
    var metadata = document["metadata"]?.objectValue ?? [:]
    metadata["namespace"] = .string(entity.ref.namespace)
    for field in mapFields where metadata[field] == nil || metadata[field] == .null { metadata[field] = .object([:]) }
    for field in listFields where metadata[field] == nil || metadata[field] == .null { metadata[field] = .array([]) }
    document["metadata"] = .object(metadata)
    if document["spec"] == nil || document["spec"] == .null { document["spec"] = .object([:]) }
    return .object(document)
  }
}
