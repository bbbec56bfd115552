import StructuredData
import WaymarkModel

/// An entity that passed validation far enough to be part of the catalog.
public struct ValidatedEntity: Sendable {
  /// Its reference, namespace defaulted.
  public var ref: EntityRef
  /// Its built-in kind's schema, or nil for a custom kind.
  public var schema: EntityKindSchema?
}
