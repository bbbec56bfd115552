/// What a reference resolves to: an entity of the catalog, an entity provided outside the
/// repository (`catalog.external`), or nothing. Every reference check (the catalog's own fields,
/// scorecard owners and approvers, waivers) resolves through `CatalogSettings.resolve(_:in:)`.
public enum RefResolution: Sendable, Hashable {
  /// An entity of the catalog.
  case entity
  /// An entity provided outside the repository, named by this pattern.
  case external(ExternalRefPattern)
  /// Neither: a dangling reference.
  case missing
}

extension CatalogSettings {
  /// What `ref` names: an entity of `catalog`, one a `catalog.external` pattern names, or nothing.
  public func resolve(_ ref: EntityRef, in catalog: Catalog) -> RefResolution {
    if catalog.contains(ref) { return .entity }
    return externalPattern(matching: ref).map(RefResolution.external) ?? .missing
  }
}
