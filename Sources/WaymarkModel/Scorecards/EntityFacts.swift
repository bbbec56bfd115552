import StructuredData

/// What other stages know about each entity, bound in scorecard expressions (`docs`, `dora`, `policy`).
///
/// A fact a stage did not provide is `null`: an expression reading it yields an error result,
/// never a silent pass.
public struct EntityFacts: Sendable {
  /// Facts per entity: name → value.
  public var byEntity: [EntityRef: [String: JSONValue]]
  /// Where each fact came from, per entity (a docs folder, an event window, policy-result files),
  /// recorded with every scorecard result that reads it.
  public var provenance: [EntityRef: [String: JSONValue]] = [:]

  /// Creates facts.
  public init(byEntity: [EntityRef: [String: JSONValue]] = [:]) {
    self.byEntity = byEntity
  }

  /// The fact named `name` for `entity`, or null.
  public func value(_ name: String, for entity: EntityRef) -> JSONValue {
    byEntity[entity]?[name] ?? .null
  }

  /// These facts with the provenance of `name` recorded for every entity `source(for:)` describes.
  public func noting(_ name: String, from catalog: Catalog, source: (EntityRef) -> JSONValue?) -> EntityFacts {
    var facts = self
    for entity in catalog.entities {
      if let origin = source(entity.ref) { facts.provenance[entity.ref, default: [:]][name] = origin }
    }
    return facts
  }

  /// These facts with `name` set for every entity `value(for:)` gives a value.
  public func adding(_ name: String, from catalog: Catalog, value: (EntityRef) -> JSONValue?) -> EntityFacts {
    var facts = self
    for entity in catalog.entities {
      if let fact = value(entity.ref) { facts.byEntity[entity.ref, default: [:]][name] = fact }
    }
    return facts
  }
}
