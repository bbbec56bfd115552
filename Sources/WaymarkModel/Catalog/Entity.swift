import StructuredData
import YAML

/// One catalog entity as written, after substitution, with where it came from.
public struct Entity: Sendable, Hashable {
  /// The entity's reference (kind, namespace defaulted to `default`, name).
  public var ref: EntityRef
  /// The whole document (`apiVersion`, `kind`, `metadata`, `spec`, …).
  public var document: JSONValue
  /// Where the document was read.
  public var source: EntitySource
  /// Relations derived from the catalog, sorted by type then target.
  public var relations: [Relation]
  /// Relations to entities provided outside the repository (`catalog.external`), sorted: kept
  /// apart from `relations`, whose targets are always in the catalog.
  public var externalRelations: [Relation] = []

  /// Creates an entity.
  public init(ref: EntityRef, document: JSONValue, source: EntitySource, relations: [Relation] = []) {
    self.ref = ref
    self.document = document
    self.source = source
    self.relations = relations
  }

  /// `metadata.title`, else `metadata.name`.
  public var title: String {
    document.value(at: ["metadata", "title"])?.stringValue ?? ref.name
  }

  /// `metadata.description`, if any.
  public var description: String? { document.value(at: ["metadata", "description"])?.stringValue }

  /// `spec.type`, if any.
  public var type: String? { document.value(at: ["spec", "type"])?.stringValue }

  /// `spec.lifecycle`, if any.
  public var lifecycle: String? { document.value(at: ["spec", "lifecycle"])?.stringValue }

  /// `metadata.tags`, strings only.
  public var tags: [String] {
    document.value(at: ["metadata", "tags"])?.arrayValue?.compactMap(\.stringValue) ?? []
  }

  /// The targets of relations of one type, sorted.
  public func targets(of type: String) -> [EntityRef] {
    relations.filter { $0.type == type }.map(\.target)
  }

  /// The external targets of relations of one type, sorted.
  public func externalTargets(of type: String) -> [EntityRef] {
    externalRelations.filter { $0.type == type }.map(\.target)
  }
}
