import StructuredData

/// The steps of Backstage's validation order that run on an entity once it is loaded.
///
/// Substitution (`$text`, …) comes between the envelope and the schema in Backstage; Waymark
/// resolves it while loading, so documents reach the validator already substituted.
public enum EntityValidationStep: Int, Sendable, Comparable, CaseIterable {
  /// `apiVersion`, `kind` and `metadata.name` are non-empty strings (`validateEntityEnvelope`).
  case envelope
  /// `SchemaValidEntityPolicy`: the Entity and EntityMeta schemas.
  case schema
  /// `DefaultNamespaceEntityPolicy`: `metadata.namespace` defaults to `default`.
  case defaultNamespace
  /// `NoForeignRootFieldsEntityPolicy`: only `apiVersion`, `kind`, `metadata`, `spec`.
  case rootFields
  /// `FieldFormatEntityPolicy`: names, namespaces, label and annotation keys, tags, links.
  case fieldFormat
  /// The kind's own schema (`BuiltinKindsEntityProcessor` and friends).
  case kind

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
